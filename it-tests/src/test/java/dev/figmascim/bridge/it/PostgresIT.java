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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
