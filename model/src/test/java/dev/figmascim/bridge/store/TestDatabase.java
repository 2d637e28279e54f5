package dev.figmascim.bridge.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database for one test: an in-memory H2, or a fresh PostgreSQL database created on the
 * local server and dropped afterwards, so no test depends on what another run left behind.
 * The PostgreSQL server is {@code -Dbridge.test.pg.url} (default the local 127.0.0.1:5432/test).
 */
public final class TestDatabase implements AutoCloseable {

    public static final String PG_ADMIN_URL = System.getProperty("bridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("bridge.test.pg.user", "postgres");

    private final StoreSettings settings;
    private final String pgDatabase;

    private TestDatabase(StoreSettings settings, String pgDatabase) {
        this.settings = settings;
        this.pgDatabase = pgDatabase;
    }

    /** A fresh database: {@code kind} is {@code h2} or {@code postgres}. */
    public static TestDatabase create(String kind) {
        String name = "bridge_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (kind.equals("h2")) {
            return new TestDatabase(StoreSettings.inMemory(name), null);
        }
        adminExecute("create database " + name);
        String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new TestDatabase(new StoreSettings(url, PG_USER, "", 4), name);
    }

    public StoreSettings settings() {
        return settings;
    }

    private static void adminExecute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (pgDatabase != null) {
            adminExecute("drop database if exists " + pgDatabase + " with (force)");
        }
    }
}
