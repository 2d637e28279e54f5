package dev.figmascim.bridge.it;

import dev.figmascim.bridge.it.container.BridgeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar on a fresh PostgreSQL database of its own (created and dropped by this test). */
class PostgresIT {

    static final String ADMIN_URL = System.getProperty("bridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("bridge.test.pg.user", "postgres");

    @TempDir
    Path dir;

    private String database;
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "bridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("create database " + database);
        url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("drop database if exists " + database + " with (force)");
    }

    @Test
    void migratesServesAndKeepsTokensHashedOnPostgres() throws SQLException {
        Map<String, String> env = BridgeProcess.postgresEnv(url, USER);
        Cli.Result migrate = Cli.run(dir, env, "migrate");
        assertEquals(0, migrate.exit(), migrate.stderr());
        Cli.Result token = Cli.run(dir, env, "token", "create", "--name", "pg-reader");
        assertEquals(0, token.exit(), token.stderr());
        String secret = token.stdout().strip();

        try (BridgeProcess server = BridgeProcess.start(List.of("serve"), env, Duration.ofSeconds(90))) {
            Http http = new Http(server.baseUrl(), secret);
            Http.Answer users = http.get("scim/v2/Users?filter=" + Http.q("userName eq \"nobody@example.com\""));
            assertEquals(200, users.status(), users.body());
            assertEquals(0, users.json().get("totalResults").asInt());
            assertEquals(200, http.get("scim/v2/Groups").status());
            assertEquals(200, http.withToken(null).get("health/ready").status());
        }
        try (Connection c = DriverManager.getConnection(url, USER, "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1);
        }
    }

    /**
     * A big first load holds ACCESS EXCLUSIVE locks on the member tables until it commits. Readers must
     * not queue behind it holding pooled connections: with more concurrent requests than the pool has
     * connections, every one answers 503 with Retry-After in a few seconds, readiness stays up, and the
     * same requests answer 200 once the lock is gone.
     */
    @Test
    void readersOfTablesALoadHoldsAnswerBusyQuicklyAndReadinessStaysUp() throws Exception {
        Map<String, String> env = BridgeProcess.postgresEnv(url, USER);
        assertEquals(0, Cli.run(dir, env, "migrate").exit());
        Cli.Result token = Cli.run(dir, env, "token", "create", "--name", "pg-admin", "--scope", "scim:read,admin");
        assertEquals(0, token.exit(), token.stderr());
        List<String> paths = List.of("scim/v2/Users?count=2", "scim/v2/Users?filter=" + Http.q("userName eq \"a@example.com\""),
                "scim/v2/Users?filter=" + Http.q("active eq true"), "admin/v1/changes", "scim/v2/Users/" + UUID.randomUUID());
        int requests = 15; // more than the pool's 10 connections
        try (BridgeProcess server = BridgeProcess.start(List.of("serve"), env, Duration.ofSeconds(90));
             Connection load = DriverManager.getConnection(url, USER, "")) {
            Http http = new Http(server.baseUrl(), token.stdout().strip());
            load.setAutoCommit(false);
            load.createStatement().execute("lock table member, team_membership, change_event in access exclusive mode");
            ExecutorService clients = Executors.newFixedThreadPool(requests);
            try {
                Map<Future<Http.Answer>, String> answers = new LinkedHashMap<>();
                long started = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    String path = paths.get(i % paths.size());
                    answers.put(clients.submit(() -> http.get(path)), path);
                }
                // While every pooled connection waits on the lock, readiness answers at once from the pool's state.
                Thread.sleep(500);
                long probed = System.nanoTime();
                Http.Answer ready = http.withToken(null).get("health/ready");
                Duration probe = Duration.ofNanos(System.nanoTime() - probed);
                assertEquals(200, ready.status(), ready.body());
                assertTrue(probe.toMillis() < 1_000, "readiness took " + probe);
                for (Map.Entry<Future<Http.Answer>, String> f : answers.entrySet()) {
                    Http.Answer a = f.getKey().get(60, TimeUnit.SECONDS);
                    assertEquals(503, a.status(), f.getValue() + ": " + a.body());
                    assertEquals("5", a.header("Retry-After"));
                    assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", a.json().get("schemas").get(0).asText());
                    assertEquals("503", a.json().get("status").asText());
                    assertTrue(a.json().get("detail").asText().contains("busy"), a.body());
                }
                Duration all = Duration.ofNanos(System.nanoTime() - started);
                // Two rounds of the 2 s lock timeout at most (15 requests on 10 connections), not the load's length.
                assertTrue(all.toSeconds() < 10, "busy answers took " + all);
            } finally {
                clients.shutdownNow();
                load.rollback();
            }
            for (String path : paths.subList(0, 4)) {
                Http.Answer a = http.get(path);
                assertEquals(200, a.status(), path + ": " + a.body());
            }
            assertEquals(404, http.get(paths.get(4)).status());
            assertFalse(server.stdout().contains("\tat ") || server.stderr().contains("\tat "), "a stack trace was logged");
        }
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
