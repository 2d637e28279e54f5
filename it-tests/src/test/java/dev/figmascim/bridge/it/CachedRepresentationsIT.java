package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.it.container.BridgeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List pages serve cached full representations (scim.RepresentationCache). They must always equal what
 * a fresh rendering shows ({@code GET /Users/{id}}, which never uses the cache), before and right after
 * a reconciliation changes a member, a membership and so a group: no stale user or group is ever served.
 */
class CachedRepresentationsIT {

    private static BridgeProcess server;

    @BeforeAll
    static void start() {
        server = BridgeProcess.start(List.of("serve"), Map.of(), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Http http() {
        return new Http(server.baseUrl(), server.token());
    }

    @Test
    void listPagesAlwaysShowWhatAFreshRenderingShows() throws Exception {
        String csv = Files.readString(AdminUploadIT.SAMPLE);
        assertEquals(201, http().send("POST", "admin/v1/reconciliations?fileName=members.csv", csv, "text/csv").status());

        Map<String, JsonNode> before = listedUsers();
        for (int pass = 0; pass < 2; pass++) { // the second pass is served from the cache
            assertEquals(before, listedUsers());
            assertListedEqualsFresh(listedUsers());
        }
        JsonNode ben = byUserName(before, "ben.okafor@example.com");
        assertEquals("Senior Frontend Engineer", ben.get("title").asText());
        assertEquals(List.of("Web App"), groupNames(ben));
        assertTrue(groupMembers("Web App").contains(ben.get("id").asText()));

        // Ben changes title and moves from Web App to Mobile.
        String changed = csv.replace("Member,Dev,Senior Frontend Engineer,2023-01-09,2025-04-01,,2026-04-28,\"Web App\"",
                "Member,Dev,Staff Engineer,2023-01-09,2025-04-01,,2026-04-28,\"Mobile\"");
        assertNotEquals(csv, changed, "the fixture row was found");
        assertEquals(201, http().send("POST", "admin/v1/reconciliations?fileName=members.csv", changed, "text/csv").status());

        Map<String, JsonNode> after = listedUsers();
        assertListedEqualsFresh(after);
        JsonNode benNow = byUserName(after, "ben.okafor@example.com");
        assertEquals("Staff Engineer", benNow.get("title").asText());
        assertEquals(List.of("Mobile"), groupNames(benNow));
        assertNotEquals(ben.get("meta").get("version"), benNow.get("meta").get("version"));
        assertFalse(groupMembers("Web App").contains(ben.get("id").asText()));
        assertTrue(groupMembers("Mobile").contains(ben.get("id").asText()));
        JsonNode ada = byUserName(after, "ada.park@example.com");
        assertEquals(byUserName(before, "ada.park@example.com"), ada, "an unchanged member looks the same");

        // The cursor path reads the same cache.
        JsonNode firstCursorPage = http().get("scim/v2/Users?cursor=&count=3&sortBy=userName").json();
        assertEquals(3, firstCursorPage.get("Resources").size());
        for (JsonNode u : firstCursorPage.get("Resources")) {
            assertEquals(after.get(u.get("id").asText()), u);
        }
    }

    /**
     * A walk's next page, by cursor or by startIndex, is rendered while the client reads the current one
     * (scim.PagePrefetcher). A reconciliation that commits in between changes a member of that next page:
     * the page the client then gets shows the new state, not the prefetched one.
     */
    @Test
    void aPrefetchedNextPageNeverOutlivesAReconciliation() throws Exception {
        String original = Files.readString(AdminUploadIT.SAMPLE);
        String benRow = "Member,Dev,Senior Frontend Engineer,2023-01-09,2025-04-01,,2026-04-28,\"Web App\"";
        String benPromoted = "Member,Dev,Principal Engineer,2023-01-09,2025-04-01,,2026-04-28,\"Web App\"";
        assertTrue(original.contains(benRow), "the fixture row was found");
        assertEquals(201, http().send("POST", "admin/v1/reconciliations?fileName=members.csv", original, "text/csv").status());
        List<String> userNames = new ArrayList<>(listedUsers().values().stream().map(u -> u.get("userName").asText()).sorted().toList());
        int ben = userNames.indexOf("ben.okafor@example.com");
        assertTrue(ben >= 1, "someone sorts before Ben, so that he opens the second page");

        JsonNode first = http().get("scim/v2/Users?cursor=&sortBy=userName&count=" + ben).json();
        String next = first.get("nextCursor").asText();
        Thread.sleep(500); // the second page is prefetched meanwhile
        assertEquals(201, http().send("POST", "admin/v1/reconciliations?fileName=members.csv",
                original.replace(benRow, benPromoted), "text/csv").status());

        JsonNode second = http().get("scim/v2/Users?sortBy=userName&count=" + ben + "&cursor=" + Http.q(next)).json();
        JsonNode benNow = second.get("Resources").get(0);
        assertEquals("ben.okafor@example.com", benNow.get("userName").asText());
        assertEquals("Principal Engineer", benNow.get("title").asText());
        for (JsonNode u : second.get("Resources")) {
            assertEquals(http().get("scim/v2/Users/" + u.get("id").asText()).json(), u, "User " + u.get("userName").asText());
        }

        // The same by index, as Okta and Entra ID page: startIndex=1, then startIndex=1+count.
        JsonNode firstByIndex = http().get("scim/v2/Users?sortBy=userName&startIndex=1&count=" + ben).json();
        assertEquals(ben, firstByIndex.get("Resources").size());
        Thread.sleep(500);
        assertEquals(201, http().send("POST", "admin/v1/reconciliations?fileName=members.csv", original, "text/csv").status());
        JsonNode secondByIndex = http().get("scim/v2/Users?sortBy=userName&startIndex=" + (ben + 1) + "&count=" + ben).json();
        assertEquals("ben.okafor@example.com", secondByIndex.get("Resources").get(0).get("userName").asText());
        assertEquals("Senior Frontend Engineer", secondByIndex.get("Resources").get(0).get("title").asText());
        for (JsonNode u : secondByIndex.get("Resources")) {
            assertEquals(http().get("scim/v2/Users/" + u.get("id").asText()).json(), u, "User " + u.get("userName").asText());
        }
    }

    /** Every user as a list page shows it, by id, read in pages of 4. */
    private static Map<String, JsonNode> listedUsers() {
        Map<String, JsonNode> out = new HashMap<>();
        for (int start = 1; ; start += 4) {
            JsonNode page = http().get("scim/v2/Users?sortBy=userName&count=4&startIndex=" + start).json();
            page.get("Resources").forEach(u -> out.put(u.get("id").asText(), u));
            if (start + 4 > page.get("totalResults").asInt()) {
                return out;
            }
        }
    }

    private static void assertListedEqualsFresh(Map<String, JsonNode> listed) {
        assertTrue(listed.size() >= 10, "the sample's members are listed");
        listed.forEach((id, user) -> assertEquals(http().get("scim/v2/Users/" + id).json(), user, "User " + id));
    }

    private static JsonNode byUserName(Map<String, JsonNode> users, String userName) {
        return users.values().stream().filter(u -> u.get("userName").asText().equals(userName)).findFirst().orElseThrow();
    }

    private static List<String> groupNames(JsonNode user) {
        List<String> names = new ArrayList<>();
        user.get("groups").forEach(g -> names.add(g.get("display").asText()));
        return names;
    }

    /** The ids of a team's members, as its listed Group shows them (checked against a fresh rendering). */
    private static List<String> groupMembers(String team) {
        JsonNode group = http().get("scim/v2/Groups?filter=" + Http.q("displayName eq \"" + team + "\"")).json().get("Resources").get(0);
        assertEquals(http().get("scim/v2/Groups/" + group.get("id").asText()).json(), group, "the listed group is the fresh one");
        List<String> members = new ArrayList<>();
        group.get("members").forEach(m -> members.add(m.get("value").asText()));
        return members;
    }
}
