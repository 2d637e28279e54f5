package dev.figmascim.bridge.it;

import dev.figmascim.bridge.it.container.BridgeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reconcile --csv} as an operator runs it, including a process killed in the middle of a run. */
class ReconcileIT {

    static final String SMALL = "Name,Email,Role,Seat,Job Title,Teams\n"
            + "Ada Park,ada@example.com,Admin,Full,Lead,Web App\n"
            + "Ben Okafor,ben@example.com,Member,Dev,Engineer,Web App\n"
            + "Chloe Martin,chloe@example.com,Member,View,Designer,Mobile\n";

    @TempDir
    Path dir;

    @Test
    void badFilesAreRejectedWithPositionsAndChangeNothing() throws IOException {
        Path good = Files.writeString(dir.resolve("members.csv"), SMALL);
        Cli.Result first = Cli.run(dir, Map.of(), "reconcile", "--csv", good.toString());
        assertEquals(0, first.exit(), first.stderr());
        assertTrue(first.stdout().contains("3 added"), first.stdout());

        Path bad = Files.writeString(dir.resolve("bad.csv"), "Name,Email,Role,Last Active\nAda,ada@example.com,Owner,2026-13-45\n"
                + "Ben,,Member,\n");
        Cli.Result rejected = Cli.run(dir, Map.of(), "reconcile", "--csv", bad.toString());
        assertEquals(1, rejected.exit());
        assertEquals("", rejected.stdout());
        List<String> lines = rejected.stderr().strip().lines().toList();
        assertTrue(lines.contains("bad.csv:2:3: unknown role 'Owner' (expected Admin, Member or Guest)"), rejected.stderr());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bad.csv:2:4: cannot read date '2026-13-45'")), rejected.stderr());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bad.csv:3:2: ")), rejected.stderr());

        Cli.Result again = Cli.run(dir, Map.of(), "reconcile", "--csv", good.toString());
        assertEquals(0, again.exit(), again.stderr());
        assertTrue(again.stdout().contains("0 added, 0 updated, 0 removed, 3 unchanged; 0 change event(s)"), again.stdout());

        Cli.Result dry = Cli.run(dir, Map.of(), "reconcile", "--csv", good.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.stderr());
        assertTrue(dry.stdout().contains("nothing was written"), dry.stdout());

        Path shrunk = Files.writeString(dir.resolve("one.csv"), "Email\nada@example.com\n");
        Cli.Result guarded = Cli.run(dir, Map.of(), "reconcile", "--csv", shrunk.toString());
        assertEquals(1, guarded.exit());
        assertTrue(guarded.stderr().contains("refusing to remove 2 of 3 members"), guarded.stderr());
        Cli.Result forced = Cli.run(dir, Map.of(), "reconcile", "--csv", shrunk.toString(), "--allow-mass-removal");
        assertEquals(0, forced.exit(), forced.stderr());
        assertTrue(forced.stdout().contains("2 removed"), forced.stdout());

        Cli.Result missing = Cli.run(dir, Map.of(), "reconcile", "--csv", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.exit());
        assertEquals(1, missing.stderr().strip().lines().count(), missing.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aProcessKilledMidRunLeavesThePreviousStateAndTheNextRunSucceeds(String kind) throws Exception {
        try (Store store = Store.create(kind, dir)) {
            Path small = Files.writeString(dir.resolve("small.csv"), SMALL);
            Cli.Result first = Cli.run(dir, store.env(), "reconcile", "--csv", small.toString());
            assertEquals(0, first.exit(), first.stderr());
            Map<String, Long> before = store.counts();
            assertEquals(3L, before.get("member"));

            Path big = bigCsv(true);
            killAfter10000Members(big, store);
            assertEquals(before, store.counts(), "the killed run left no trace");
            assertEquals("Lead", store.title("ada@example.com"));

            Cli.Result rerun = Cli.run(dir, store.env(), "reconcile", "--csv", small.toString());
            assertEquals(0, rerun.exit(), rerun.stderr());
            assertTrue(rerun.stdout().contains("0 added, 0 updated, 0 removed, 3 unchanged"), rerun.stdout());
            Cli.Result complete = Cli.run(dir, store.env(), "reconcile", "--csv", big.toString());
            assertEquals(0, complete.exit(), complete.stderr());
            assertTrue(complete.stdout().contains("30000 added, 1 updated, 0 removed, 2 unchanged"), complete.stdout());
            assertEquals("Changed", store.title("ada@example.com"));
        }
    }

    /**
     * A first load into an empty PostgreSQL store drops its tables' indexes after the first chunk
     * (DeferredIndexes): killed after that, it leaves the store empty and the schema as Flyway made it.
     */
    @Test
    void aFirstLoadKilledWhileItsIndexesAreDroppedLeavesTheSchemaAndAnEmptyStore() throws Exception {
        try (Store store = Store.create("postgres", dir)) {
            assertEquals(0, Cli.run(dir, store.env(), "migrate").exit());
            String schema = store.catalog();
            Path big = bigCsv(false);
            killAfter10000Members(big, store);

            assertEquals(0L, store.counts().get("member"));
            assertEquals(0L, store.counts().get("change_event"));
            assertEquals(schema, store.catalog(), "indexes and constraints as Flyway made them");
            Cli.Result complete = Cli.run(dir, store.env(), "reconcile", "--csv", big.toString());
            assertEquals(0, complete.exit(), complete.stderr());
            assertTrue(complete.stdout().contains("30000 added"), complete.stdout());
            assertEquals(schema, store.catalog());
        }
    }

    /**
     * A server asked to stop (SIGTERM, as in a rolling deployment) while an upload's run is in its
     * transaction lets the run finish: readiness goes down at once, the client gets its 201, then the
     * process ends.
     */
    @Test
    void aServerStoppedMidRunLetsTheRunFinishFirst() throws Exception {
        try (Store store = Store.create("postgres", dir)) {
            String csv = Files.readString(bigCsv(false));
            try (BridgeProcess server = BridgeProcess.start(List.of("serve"), store.env(), Duration.ofSeconds(90))) {
                CompletableFuture<Http.Answer> upload = uploadAndStopMidRun(server, store, csv);
                // The JVM starts its shutdown a moment after the signal; the run goes on meanwhile.
                Http.Answer ready = new Http(server.baseUrl(), null).get("health/ready");
                for (int i = 0; i < 50 && ready.status() == 200 && !upload.isDone(); i++) {
                    Thread.sleep(20);
                    ready = new Http(server.baseUrl(), null).get("health/ready");
                }
                assertEquals(503, ready.status(), ready.body());
                assertTrue(ready.body().contains("\"stopping\":true"), ready.body());
                // Meanwhile another upload is not started.
                Http.Answer refused = new Http(server.baseUrl(), server.token())
                        .send("POST", "admin/v1/reconciliations?fileName=other.csv", SMALL, "text/csv");
                assertEquals(503, refused.status(), refused.body());
                assertTrue(refused.json().get("detail").asText().startsWith("the server is shutting down and starts no new"
                        + " reconciliation; nothing was changed"), refused.body());
                assertFalse(upload.isDone(), "the first run was still going when the second was refused");
                Http.Answer answer = upload.get(60, TimeUnit.SECONDS);
                assertEquals(201, answer.status(), answer.body());
                assertEquals(30_000, answer.json().get("counts").get("added").asInt());
                for (int i = 0; i < 100 && !server.hasEnded(); i++) {
                    Thread.sleep(100);
                }
                assertTrue(server.hasEnded(), "the process ends once the run has committed");
            }
            assertEquals(30_000L, store.counts().get("member"));
            assertEquals("SUCCEEDED ", store.lastRun());
        }
    }

    /**
     * With no grace left ({@code bridge.shutdown.run-grace=PT0S}) the web server interrupts the request: the
     * run rolls back and is recorded as failed with that reason, the client is told 503 to send it again,
     * and the restarted server takes the same file.
     */
    @Test
    void aServerStoppedMidRunWithoutGraceRollsBackRecordsWhyAndAnswers503() throws Exception {
        try (Store store = Store.create("postgres", dir)) {
            assertEquals(0, Cli.run(dir, store.env(), "reconcile", "--csv", Files.writeString(dir.resolve("small.csv"), SMALL).toString())
                    .exit());
            Map<String, Long> before = store.counts();
            String csv = Files.readString(bigCsv(true));
            Map<String, String> noGrace = new HashMap<>(store.env());
            noGrace.put("BRIDGE_SHUTDOWN_RUN_GRACE", "PT0S");
            Http.Answer answer;
            try (BridgeProcess server = BridgeProcess.start(List.of("serve"), noGrace, Duration.ofSeconds(90))) {
                answer = uploadAndStopMidRun(server, store, csv).get(60, TimeUnit.SECONDS);
            }
            assertEquals(503, answer.status(), answer.body());
            assertEquals("5", answer.header("Retry-After"));
            assertEquals("the run was interrupted (the process is shutting down) and rolled back; nothing was changed",
                    answer.json().get("detail").asText());
            Map<String, Long> after = store.counts();
            assertEquals(before.get("reconciliation_run") + 1, after.get("reconciliation_run"), "the interrupted run is recorded");
            after.remove("reconciliation_run");
            before.remove("reconciliation_run");
            assertEquals(before, after, "and left nothing else");
            assertEquals("FAILED the run was interrupted (the process is shutting down) and rolled back; nothing was changed",
                    store.lastRun());

            try (BridgeProcess again = BridgeProcess.start(List.of("serve"), store.env(), Duration.ofSeconds(90))) {
                Http.Answer complete = new Http(again.baseUrl(), again.token())
                        .send("POST", "admin/v1/reconciliations?fileName=big.csv", csv, "text/csv");
                assertEquals(201, complete.status(), complete.body());
                assertEquals(30_000, complete.json().get("counts").get("added").asInt());
            }
        }
    }

    /** Uploads {@code csv} and sends SIGTERM once the run holds its advisory lock; the answer comes later. */
    private static CompletableFuture<Http.Answer> uploadAndStopMidRun(BridgeProcess server, Store store, String csv) throws Exception {
        Http http = new Http(server.baseUrl(), server.token());
        CompletableFuture<Http.Answer> upload = CompletableFuture.supplyAsync(
                () -> http.send("POST", "admin/v1/reconciliations?fileName=big.csv", csv, "text/csv"));
        assertTrue(store.awaitRunInTransaction(Duration.ofSeconds(30)), "the run took its lock");
        server.askToStop();
        return upload;
    }

    /** 30 000 new members; {@code withKnown}: also the three of {@link #SMALL}, Ada with a changed title. */
    private Path bigCsv(boolean withKnown) throws IOException {
        Path big = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write("Name,Email,Role,Seat,Job Title,Teams\n");
            if (withKnown) {
                w.write("Ada Park,ada@example.com,Admin,Full,Changed,Web App\n");
            }
            for (int i = 0; i < 30_000; i++) {
                w.write("User " + i + ",user" + i + "@example.com,Member,View,Title " + (i % 40) + ",Team " + (i % 200) + "\n");
            }
            if (withKnown) {
                w.write("Ben Okafor,ben@example.com,Member,Dev,Engineer,Web App\n");
                w.write("Chloe Martin,chloe@example.com,Member,View,Designer,Mobile\n");
            }
        }
        return big;
    }

    /** Starts {@code reconcile --csv file} and kills it (SIGKILL) once it reports 10 000 members processed. */
    private void killAfter10000Members(Path file, Store store) throws Exception {
        List<String> command = new ArrayList<>(List.of(BridgeProcess.java(), "-jar", BridgeProcess.jar().toAbsolutePath().toString(),
                "reconcile", "--csv", file.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(store.env());
        Process p = pb.start();
        boolean midRun = false;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("10000 members processed")) {
                    midRun = true;
                    break;
                }
            }
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback by the process itself
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(midRun, "the run was killed after it had processed 10000 members");
        assertNotEquals(0, p.exitValue());
    }

    /** The store a test's processes share: an H2 file in the test directory, or a fresh PostgreSQL database. */
    record Store(String jdbcUrl, String user, String pgDatabase) implements AutoCloseable {

        static Store create(String kind, Path dir) throws SQLException {
            if (kind.equals("h2")) {
                return new Store("jdbc:h2:file:" + dir.resolve("data/bridge").toAbsolutePath(), "sa", null);
            }
            String name = "bridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin("create database " + name);
            String base = PostgresIT.ADMIN_URL.substring(0, PostgresIT.ADMIN_URL.lastIndexOf('/') + 1);
            return new Store(base + name, PostgresIT.USER, name);
        }

        Map<String, String> env() {
            Map<String, String> env = new HashMap<>();
            env.put("BRIDGE_DB_URL", jdbcUrl);
            env.put("BRIDGE_DB_USER", user);
            return env;
        }

        Map<String, Long> counts() throws SQLException {
            Map<String, Long> counts = new HashMap<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement s = c.createStatement()) {
                for (String table : List.of("member", "team", "team_membership", "change_event", "reconciliation_run", "reconcile_seen")) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
            return counts;
        }

        /** Every index and constraint of the store's tables, as PostgreSQL's catalog defines them. */
        String catalog() throws SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); ResultSet rs = c.createStatement().executeQuery(
                    "select string_agg(d, ';' order by d) from (select pg_get_indexdef(i.indexrelid) d from pg_index i"
                    + " join pg_class t on t.oid = i.indrelid where t.relnamespace = 'public'::regnamespace"
                    + " union all select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                    + " where connamespace = 'public'::regnamespace) x")) {
                rs.next();
                return rs.getString(1);
            }
        }

        /** Waits until some session holds the reconciliation's advisory lock, that is, a run is inside its transaction. */
        boolean awaitRunInTransaction(Duration limit) throws SQLException, InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement s = c.createStatement()) {
                while (System.nanoTime() < deadline) {
                    try (ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and granted")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            return true;
                        }
                    }
                    Thread.sleep(10);
                }
            }
            return false;
        }

        /** The newest run's status and error. */
        String lastRun() throws SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); ResultSet rs = c.createStatement().executeQuery(
                    "select status || ' ' || coalesce(error, '') from reconciliation_run order by started_at desc limit 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        String title(String email) throws SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                 ResultSet rs = c.createStatement().executeQuery("select title from member where email_lower = '" + email + "'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        /** Drops the PostgreSQL database; an H2 file goes with the test directory. */
        @Override
        public void close() throws SQLException {
            if (pgDatabase != null) {
                admin("drop database if exists " + pgDatabase + " with (force)");
            }
        }

        private static void admin(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(PostgresIT.ADMIN_URL, PostgresIT.USER, ""); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
