package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.it.container.BridgeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first list request has every User rendered into the representation cache in the background
 * (scim.CacheWarmUp), so the walk that follows is served from it. Shown by a change written behind the
 * bridge's back (not by a reconciliation, so the store generation stays): a walk shows it only for the
 * users rendered after it, none once the cache was warmed. The same run with the warm-up off is the
 * control. On PostgreSQL, where the test can write while the bridge runs.
 */
class CacheWarmUpIT {

    private static final int MEMBERS = 2_500; // three warm-up pages of 1000
    private static final String CHANGED = "Changed behind the bridge";

    private String database;
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "bridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresIT.admin("create database " + database);
        url = PostgresIT.ADMIN_URL.substring(0, PostgresIT.ADMIN_URL.lastIndexOf('/') + 1) + database;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        PostgresIT.admin("drop database if exists " + database + " with (force)");
    }

    @ParameterizedTest(name = "warm-up {0}")
    @ValueSource(booleans = {true, false})
    void theFirstListRequestHasEveryUserRenderedBeforeTheWalkAsksForIt(boolean warmUp) throws Exception {
        Map<String, String> env = BridgeProcess.postgresEnv(url, PostgresIT.USER);
        env.put("BRIDGE_SCIM_CACHE_WARM_UP", Boolean.toString(warmUp));
        env.put("BRIDGE_SCIM_CURSOR_PREFETCH", "false"); // only the warm-up renders ahead of requests
        try (BridgeProcess server = BridgeProcess.start(List.of("serve"), env, Duration.ofSeconds(90))) {
            Http http = new Http(server.baseUrl(), server.token());
            assertEquals(201, http.send("POST", "admin/v1/reconciliations?fileName=members.csv", members(), "text/csv").status());

            JsonNode one = http.get("scim/v2/Users?count=1").json();
            assertEquals(MEMBERS, one.get("totalResults").asInt());
            if (warmUp) {
                awaitLog(server, "representation cache warmed: Users " + server.baseUrl() + "scim/v2/, 3 pages");
            }
            try (Connection c = DriverManager.getConnection(url, PostgresIT.USER, ""); Statement s = c.createStatement()) {
                assertEquals(MEMBERS, s.executeUpdate("update member set title = '" + CHANGED + "'"));
            }

            Set<String> seen = new HashSet<>();
            int showingTheChange = 0;
            String cursor = "";
            while (cursor != null) {
                JsonNode page = http.get("scim/v2/Users?count=1000&cursor=" + Http.q(cursor)).json();
                for (JsonNode u : page.get("Resources")) {
                    assertTrue(seen.add(u.get("id").asText()));
                    showingTheChange += CHANGED.equals(u.path("title").asText()) ? 1 : 0;
                }
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            }
            assertEquals(MEMBERS, seen.size());
            // Warmed: every user was rendered before the change. Off: all but the one the first request rendered.
            assertEquals(warmUp ? 0 : MEMBERS - 1, showingTheChange);
        }
    }

    private static String members() {
        StringBuilder csv = new StringBuilder("Name,Email,Role,Seat,Job Title,Teams\n");
        for (int i = 0; i < MEMBERS; i++) {
            csv.append("Member ").append(i).append(",member").append(i).append("@example.com,Member,Full,Designer,Team ")
                    .append(i % 50).append('\n');
        }
        return csv.toString();
    }

    private static void awaitLog(BridgeProcess server, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.stderr().contains(line)) {
            assertTrue(System.nanoTime() < deadline, "no '" + line + "' in the log:\n" + server.stderr());
            Thread.sleep(100);
        }
    }
}
