#!/usr/bin/env bash
# SCIM query benchmark (not a test), issue 4 §9, with 100k members and 20k teams, on the local PostgreSQL
# (bench/scim/data.sql) or, with DB=h2, on an H2 file store (bench/scim/data-h2.sql, the same rows).
# Side by side in one run, on the same server process:
#   (a) userName eq lookups vs a bare JDBC primary-key JSON endpoint (/bench/v1/members/{id}): 32 clients
#   (b) title co "eng" and active eq true, sortBy userName, count 100 vs SCIMple's in-memory filtering
#       of all users (what its example servers do): 4 clients
#   (c) walking all users by cursor (count 1000, dev.figmascim.bench.CursorWalk) vs one plain streaming SELECT
#       (psql on PostgreSQL; dev.figmascim.bench.StreamingSelect over H2's TCP server on H2):
#       the first walk renders what (a) and (b) did not, the second is served from the representation cache
#   (d) (a) and (b) again on a second server on the same database with the representation cache off
# usage: [DB=postgres|h2] [WARM=30] bench/scim/run.sh [seconds=15]   (needs wrk: apt-get install wrk; build first)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-15}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=$PWD/server/target/figma-scim-bridge.jar
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] && [ -d bench/target/classes ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
WALK_CP="bench/target/classes:$(ls server/target/libs/jackson-core-*.jar server/target/libs/jackson-databind-*.jar \
  server/target/libs/jackson-annotations-*.jar | tr '\n' ':')"
W=$(mktemp -d)
DB=${DB:-postgres}
PSQL="psql -q -h 127.0.0.1 -U postgres"
H2_JAR=$(ls server/target/libs/h2-*.jar)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; [ -n "${PID2:-}" ] && kill "$PID2" 2>/dev/null; rm -rf "$W"
  if [ "$DB" = postgres ]; then $PSQL -d test -c "drop database if exists bench_scim with (force)" >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
if [ "$DB" = h2 ]; then
  # AUTO_SERVER: the bridge opens the file embedded; the loader and StreamingSelect reach it over TCP.
  export BRIDGE_DB_URL="jdbc:h2:file:$W/bench;AUTO_SERVER=TRUE" BRIDGE_DB_USER=sa BRIDGE_DB_PASSWORD=
  (cd "$W" && "$JAVA" -jar "$JAR" migrate >/dev/null 2>&1)
  "$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "$BRIDGE_DB_URL" -user sa -script bench/scim/data-h2.sql
else
  $PSQL -d test -c "drop database if exists bench_scim with (force)" -c "create database bench_scim" 2>/dev/null
  export BRIDGE_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench_scim BRIDGE_DB_USER=postgres BRIDGE_DB_PASSWORD=
  (cd "$W" && "$JAVA" -jar "$JAR" migrate >/dev/null 2>&1)
  $PSQL -d bench_scim -f bench/scim/data.sql
fi
export TOKEN=fsb_bench_$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
AOT=(); [ -f server/target/figma-scim-bridge.aot ] && AOT=(-XX:AOTCache=server/target/figma-scim-bridge.aot -Xlog:aot*=error)
start_server() { # $1 representation cache in MiB ("" = the default); sets B and STARTED
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local cache=(); [ -n "$1" ] && cache=(BRIDGE_SCIM_REPRESENTATION_CACHE_MB="$1")
  (cd "$W" && exec env "${cache[@]}" SERVER_PORT="$port" SERVER_HOST=127.0.0.1 BRIDGE_BOOTSTRAP_TOKEN=$TOKEN BRIDGE_BENCH_ENABLED=true \
     "$JAVA" "${AOT[@]}" -jar "$JAR" >"$W/out.$port" 2>"$W/err.$port") & STARTED=$!
  B=http://127.0.0.1:$port
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$B/scim/v2/ServiceProviderConfig"; do sleep 0.3; done
}
start_server ""; PID=$STARTED
total() { curl -s -H "Authorization: Bearer $TOKEN" "$B/scim/v2/$1?count=0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalResults"])'; }
echo "database: $DB   load: $(cut -d' ' -f1-3 /proc/loadavg)   members: $(total Users)   teams: $(total Groups)"

# Every 7th member, by user name and by id (the data's ids are md5 of "m<i>", on both databases).
python3 -c 'for i in range(1, 100001, 7): print(f"/scim/v2/Users?filter=userName%20eq%20%22user{i}%40example.com%22")' > "$W/scim.paths"
python3 -c 'import hashlib, uuid
for i in range(1, 100001, 7): print("/bench/v1/members/" + str(uuid.UUID(hashlib.md5(f"m{i}".encode()).hexdigest())))' > "$W/bare.paths"
FILTER='filter=title%20co%20%22eng%22%20and%20active%20eq%20true&sortBy=userName&count=100'
echo "/scim/v2/Users?$FILTER" > "$W/list.paths"
echo "/bench/v1/scimple-inmemory/Users?$FILTER" > "$W/inmem.paths"
# Both sides must answer the same thing before they are timed.
S=$(curl -s -H "Authorization: Bearer $TOKEN" "$B/scim/v2/Users?$FILTER" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalResults"])')
M=$(curl -s -H "Authorization: Bearer $TOKEN" "$B/bench/v1/scimple-inmemory/Users?$FILTER" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalResults"])')
echo "filtered list matches: bridge $S, SCIMple in-memory $M"
[ "$S" = "$M" ] || { echo "the two sides disagree" >&2; exit 1; }

bench() { # $1 paths file, $2 connections; prints "req/s p50 p99"
  PATHS=$1 wrk -t2 -c"$2" -d"${SECS}s" --latency -s bench/scim/paths.lua "$B" > "$W/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$W/wrk.txt")
  p50=$(awk '/^ +50%/ {print $2}' "$W/wrk.txt"); p99=$(awk '/^ +99%/ {print $2}' "$W/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$W/wrk.txt")
  echo "$rps $p50 $p99 ${non2xx:-0}"
}
# Warm-up, the same for every side, long enough for the JIT to compile each side's own path: measured on
# this machine, the bridge's (a) path needs ~30 s of load to reach its steady CPU cost per request
# (3.0 ms after 8 s, 0.26-0.30 ms after 40 s; the bare endpoint 0.86 -> 0.20 ms). With 3 s, the bridge was
# timed half-compiled, the bare endpoint after it on code the bridge's run had compiled for both. (b) had
# no warm-up at all.
WARM=${WARM:-30}
warm() { # $1 paths file, $2 connections
  PATHS=$1 wrk -t2 -c"$2" -d"${WARM}s" -s bench/scim/paths.lua "$B" >/dev/null
}
warm "$W/scim.paths" 32; warm "$W/bare.paths" 32; warm "$W/list.paths" 4; warm "$W/inmem.paths" 4
read -r s_rps s_p50 s_p99 s_err <<<"$(bench "$W/scim.paths" 32)"
read -r b_rps b_p50 b_p99 b_err <<<"$(bench "$W/bare.paths" 32)"
echo "(a) userName eq, 32 clients: bridge $s_rps req/s (p50 $s_p50, p99 $s_p99, non-2xx $s_err)   bare PK endpoint $b_rps req/s (p50 $b_p50, p99 $b_p99)"
awk -v a="$s_rps" -v b="$b_rps" 'BEGIN {printf "    ratio bridge/bare: %.2f (target >= 0.8)\n", a/b}'
read -r l_rps l_p50 l_p99 l_err <<<"$(bench "$W/list.paths" 4)"
read -r m_rps m_p50 m_p99 m_err <<<"$(bench "$W/inmem.paths" 4)"
echo "(b) filtered sorted list, 4 clients: bridge $l_rps req/s (p50 $l_p50)   SCIMple in-memory $m_rps req/s (p50 $m_p50)"
awk -v a="$l_rps" -v b="$m_rps" 'BEGIN {printf "    ratio bridge/in-memory: %.1f x (target >= 20)\n", a/b}'

# One client JVM over one keep-alive connection (CursorWalk), first compiled by three untimed walks of /Groups
# (WARM_UP; psql is native code): the first Users walk renders every representation (a) and (b) did not, the
# second is served from the cache. The timed walker reads every value of every page with a streaming parser
# over HttpURLConnection, as the SELECT it is compared with reads every column; the walker used until
# 2026-12-02 (java.net.http's HttpClient, each page parsed into a tree) runs after it for comparison: on two
# shared cores its own CPU was most of what it measured (docs/BENCHMARKS.md).
walker() { # $1 CLIENT, $2 PARSE; prints "users pages first-ms second-ms"
  { read -r seen pages walk1; read -r _ _ walk2; } <<<"$(CLIENT=$1 PARSE=$2 WARM_UP=Groups "$JAVA" -cp "$WALK_CP" \
    dev.figmascim.bench.CursorWalk "$B" 1000 2 2>/dev/null)"
  echo "$seen $pages $walk1 $walk2"
}
read -r seen pages walk1 walk2 <<<"$(walker urlconnection tokens)"
read -r _ _ tree1 tree2 <<<"$(walker httpclient tree)"
if [ "$DB" = h2 ]; then
  read -r _ sel <<<"$("$JAVA" -cp "bench/target/classes:$H2_JAR" dev.figmascim.bench.StreamingSelect "$BRIDGE_DB_URL" sa "select * from member")"
  how="JDBC over H2's TCP server, warm"
else
  $PSQL -d bench_scim -c "select * from member" > /dev/null
  t3=$(date +%s%N); $PSQL -d bench_scim -c "select * from member" > /dev/null; t4=$(date +%s%N)
  sel=$(( (t4 - t3) / 1000000 )); how="psql, warm"
fi
echo "(c) cursor walk: $seen users in $pages pages: first walk $walk1 ms, second $walk2 ms   streaming SELECT ($how): $sel ms"
awk -v a="$walk1" -v c="$walk2" -v b="$sel" 'BEGIN {printf "    ratio walk/SELECT: first %.1f, second %.1f (target <= 1.5)\n", a/b, c/b}'
echo "    the former walker (HttpClient, trees), after it: $tree1 ms, $tree2 ms"

# (d) The same server build on the same data with the representation cache off: what the cache is worth.
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
start_server 0; PID2=$STARTED
warm "$W/scim.paths" 32; warm "$W/list.paths" 4
read -r n_rps n_p50 _ _ <<<"$(bench "$W/scim.paths" 32)"
read -r o_rps o_p50 _ _ <<<"$(bench "$W/list.paths" 4)"
echo "(d) cache off: (a) $n_rps req/s (p50 $n_p50)   (b) $o_rps req/s (p50 $o_p50)"
awk -v a="$n_rps" -v b="$b_rps" -v c="$o_rps" -v d="$m_rps" \
  'BEGIN {printf "    ratios with the cache off: (a) %.2f of bare, (b) %.1f x in-memory (bare and in-memory from the first server)\n", a/b, c/d}'
