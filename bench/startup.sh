#!/usr/bin/env bash
# Time from launching the packaged jar to its first answered SCIM request (an authenticated
# GET /scim/v2/Users?count=1 returning 200), N runs each, without and with a JDK AOT cache
# (JDK 25+, JEP 514/515), side by side in one run. Not a test: it prints figures for docs/BENCHMARKS.md.
# usage: bench/startup.sh [runs]   (needs JAVA_HOME pointing at JDK 25+, and the jar built)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=server/target/figma-scim-bridge.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TOKEN=fsb_bench_$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

run_once() { # $@ = extra JVM options; prints milliseconds to first 200
  local start end pid
  start=$(date +%s%N)
  (cd "$WORK" && SERVER_PORT=$PORT SERVER_HOST=127.0.0.1 BRIDGE_BOOTSTRAP_TOKEN=$TOKEN \
     exec "$JAVA" "$@" -jar "$OLDPWD/$JAR" --demo >/dev/null 2>"$WORK/err.txt") &
  pid=$!
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/scim/v2/Users?count=1"; do
    kill -0 $pid 2>/dev/null || { echo "bridge died:" >&2; cat "$WORK/err.txt" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

echo "training the AOT cache (one run with -XX:AOTCacheOutput)…" >&2
AOT="$WORK/bridge.aot"
(cd "$WORK" && SERVER_PORT=$PORT SERVER_HOST=127.0.0.1 BRIDGE_BOOTSTRAP_TOKEN=$TOKEN \
   exec "$JAVA" -XX:AOTCacheOutput="$AOT" -jar "$OLDPWD/$JAR" --demo >/dev/null 2>"$WORK/train.txt") &
tpid=$!
until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/scim/v2/Users?count=1"; do sleep 0.1; done
for q in 'Users?count=50' 'Groups' 'ServiceProviderConfig' 'Schemas' 'Users?filter=userName%20eq%20%22ada.park@example.com%22'; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/scim/v2/$q"
done
kill $tpid; wait $tpid 2>/dev/null || true
[ -f "$AOT" ] || { echo "no AOT cache was written (JDK 25+ needed)" >&2; cat "$WORK/train.txt" >&2; exit 1; }

plain=(); cached=()
for i in $(seq 1 "$RUNS"); do
  plain+=("$(run_once)")
  cached+=("$(run_once -XX:AOTCache="$AOT")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mp=$(median "${plain[@]}"); mc=$(median "${cached[@]}")
echo "runs: $RUNS   load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plain      ms: ${plain[*]}   median $mp"
echo "AOT cache  ms: ${cached[*]}   median $mc"
awk -v p="$mp" -v c="$mc" 'BEGIN {printf "ratio AOT/plain: %.2f\n", c/p}'
