package dev.figmascim.bridge.it;

import dev.figmascim.bridge.it.container.BridgeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of the packaged jar: help, version, tokens on the default H2 file store. */
class CliIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "reconcile", "token", "token create", "token list", "token revoke", "migrate"})
    void everyCommandHasHelpAndVersion(String command) {
        String[] base = command.isEmpty() ? new String[0] : command.split(" ");
        Cli.Result help = Cli.run(dir, Map.of(), concat(base, "--help"));
        assertEquals(0, help.exit(), help.stderr());
        assertTrue(help.stdout().contains("Usage:"), help.stdout());
        assertEquals("", help.stderr(), "help writes nothing else (picocli warns on an unescaped % in a description)");
        Cli.Result version = Cli.run(dir, Map.of(), concat(base, "--version"));
        assertEquals(0, version.exit(), version.stderr());
        assertTrue(version.stdout().startsWith("figma-scim-bridge "), version.stdout());
    }

    @Test
    void tokenCreatePrintsTheSecretAloneAndStoresOnlyItsHash() throws IOException, SQLException {
        Cli.Result created = Cli.run(dir, Map.of(), "token", "create", "--name", "okta", "--scope", "scim:read");
        assertEquals(0, created.exit(), created.stderr());
        String secret = created.stdout().strip();
        assertTrue(secret.matches("fsb_[A-Za-z0-9_-]{43}"), "stdout holds the token alone: '" + created.stdout() + "'");
        assertTrue(created.stderr().contains("okta"), "messages go to stderr");

        Cli.Result list = Cli.run(dir, Map.of(), "token", "list");
        assertEquals(0, list.exit(), list.stderr());
        assertTrue(list.stdout().contains("okta"));
        assertTrue(list.stdout().contains("scim:read"));
        assertFalse(list.stdout().contains(secret));

        // The H2 file store under ./data holds the hash, never the token.
        Path db = dir.resolve("data");
        assertTrue(Files.isDirectory(db), "default store is an H2 file under ./data");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/figma-scim-bridge"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select token_hash from api_token where name = 'okta'")) {
            assertTrue(rs.next());
            String hash = rs.getString(1);
            assertEquals(64, hash.length());
            assertNotEquals(secret, hash);
        }

        Cli.Result again = Cli.run(dir, Map.of(), "token", "create", "--name", "okta");
        assertNotEquals(0, again.exit());
        assertEquals("", again.stdout());
        assertEquals(1, again.stderr().strip().lines().count(), "one-line message: " + again.stderr());

        // The token works against a server on the same store, and stops working once revoked.
        try (BridgeProcess server = BridgeProcess.start(List.of("serve"), Map.of("BRIDGE_DB_URL", "jdbc:h2:file:"
                + dir.resolve("data/figma-scim-bridge")), Duration.ofSeconds(90))) {
            Http http = new Http(server.baseUrl(), secret);
            assertEquals(200, http.get("scim/v2/Users").status());
            assertEquals(0, http.get("scim/v2/Users").json().get("totalResults").asInt(), "a fresh store is empty");
        }
        Cli.Result revoked = Cli.run(dir, Map.of(), "token", "revoke", "okta");
        assertEquals(0, revoked.exit(), revoked.stderr());
        Cli.Result unknown = Cli.run(dir, Map.of(), "token", "revoke", "nope");
        assertEquals(1, unknown.exit());
    }

    @Test
    void badInputExitsNonZeroWithOneLine() {
        Cli.Result badScope = Cli.run(dir, Map.of(), "token", "create", "--name", "x", "--scope", "root");
        assertNotEquals(0, badScope.exit());
        assertTrue(badScope.stderr().contains("unknown scope"), badScope.stderr());
        assertEquals(1, badScope.stderr().strip().lines().count(), badScope.stderr());
        Cli.Result badUrl = Cli.run(dir, Map.of("BRIDGE_DB_URL", "jdbc:mysql://x"), "migrate");
        assertNotEquals(0, badUrl.exit());
        assertEquals(1, badUrl.stderr().strip().lines().count(), badUrl.stderr());
        Cli.Result unknownCommand = Cli.run(dir, Map.of(), "frobnicate");
        assertNotEquals(0, unknownCommand.exit());
        assertEquals(1, unknownCommand.stderr().strip().lines().count(), unknownCommand.stderr());
        Cli.Result noSource = Cli.run(dir, Map.of(), "reconcile");
        assertEquals(2, noSource.exit());
        assertEquals("error: Missing required argument (specify one of these): (--csv=FILE | --figma-scim | --activity-log)"
                + " (see 'figma-scim-bridge reconcile --help')", noSource.stderr().strip());
        Cli.Result directory = Cli.run(dir, Map.of(), "reconcile", "--csv", dir.toString());
        assertEquals(1, directory.exit());
        assertEquals("error: " + dir + ": is a directory, not a CSV file", directory.stderr().strip());
    }

    /** A database that cannot be reached: one line naming PostgreSQL's reason, no stack trace from the pool. */
    @Test
    void anUnreachableDatabaseIsOneLine() {
        String missing = PostgresIT.ADMIN_URL.substring(0, PostgresIT.ADMIN_URL.lastIndexOf('/') + 1) + "bridge_no_such_database";
        for (String[] command : List.of(new String[] {"migrate"}, new String[] {"token", "list"})) {
            Cli.Result r = Cli.run(dir, BridgeProcess.postgresEnv(missing, PostgresIT.USER), command);
            assertEquals(1, r.exit(), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertTrue(r.stderr().contains("database \"bridge_no_such_database\" does not exist"), r.stderr());
        }
    }

    @Test
    void migrateIsIdempotent() {
        Cli.Result first = Cli.run(dir, Map.of(), "migrate");
        assertEquals(0, first.exit(), first.stderr());
        assertTrue(first.stdout().startsWith("schema version "), first.stdout());
        Cli.Result second = Cli.run(dir, Map.of(), "migrate");
        assertEquals(0, second.exit(), second.stderr());
        assertTrue(second.stderr().contains("applied 0 migration"), second.stderr());
        assertEquals(first.stdout(), second.stdout());
    }

    private static String[] concat(String[] base, String extra) {
        String[] out = java.util.Arrays.copyOf(base, base.length + 1);
        out[base.length] = extra;
        return out;
    }
}
