package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.figmascim.bridge.it.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SCIM read endpoints of the packaged jar, over HTTP, against the demo organisation. */
class ScimReadIT extends BridgeIT {

    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String BRIDGE_USER = "urn:figma-scim-bridge:schemas:extension:figma:2.0:User";
    private static final String BRIDGE_GROUP = "urn:figma-scim-bridge:schemas:extension:figma:2.0:Group";

    @Test
    void usersListIsAFullListResponseWithNumericPagingFields() {
        Http.Answer a = scim().get("Users?count=1&startIndex=1");
        assertEquals(200, a.status());
        assertTrue(a.header("Content-Type").startsWith("application/scim+json"), a.header("Content-Type"));
        assertEquals(LIST, a.json().get("schemas").get(0).asText());
        assertTrue(a.json().get("totalResults").isNumber());
        assertTrue(a.json().get("itemsPerPage").isNumber());
        assertTrue(a.json().get("startIndex").isNumber());
        assertTrue(a.json().get("totalResults").asInt() >= 60, "demo org has at least 60 members");
        assertEquals(1, a.json().get("itemsPerPage").asInt());
        assertEquals(1, a.json().get("Resources").size());
    }

    @Test
    void everyUserHasWhatOktaRequires() {
        int total = scim().get("Users?count=0").json().get("totalResults").asInt();
        Set<String> ids = new HashSet<>();
        for (int start = 1; start <= total; start += 25) {
            JsonNode page = scim().get("Users?count=25&startIndex=" + start).json();
            assertEquals(total, page.get("totalResults").asInt(), "totalResults is stable across pages");
            assertEquals(start, page.get("startIndex").asInt());
            for (JsonNode u : page.get("Resources")) {
                assertFalse(u.path("id").asText().isEmpty());
                assertFalse(u.path("userName").asText().isEmpty());
                assertTrue(u.path("active").isBoolean());
                assertFalse(u.path("name").path("givenName").asText().isBlank(), u.toString());
                assertFalse(u.path("name").path("familyName").asText().isBlank(), u.toString());
                assertFalse(u.path("emails").path(0).path("value").asText().isEmpty());
                assertTrue(u.path("meta").path("created").asText().endsWith("Z"), "dateTimes carry an offset");
                assertTrue(u.path("meta").path("version").asText().startsWith("W/\""));
                ids.add(u.get("id").asText());
            }
        }
        assertEquals(total, ids.size(), "paging neither skips nor repeats users");
    }

    @Test
    void userByIdAndEtag() {
        JsonNode first = scim().get("Users?count=1").json().get("Resources").get(0);
        String id = first.get("id").asText();
        Http.Answer a = scim().get("Users/" + id);
        assertEquals(200, a.status());
        assertEquals(id, a.json().get("id").asText());
        assertEquals(first.get("userName"), a.json().get("userName"));
        String etag = a.header("ETag");
        assertNotNull(etag);
        assertEquals(a.json().get("meta").get("version").asText(), etag);
        Http.Answer again = scim().send(scim().request("Users/" + id).header("If-None-Match", etag).GET());
        assertEquals(304, again.status());
        Http.Answer other = scim().send(scim().request("Users/" + id).header("If-None-Match", "W/\"999999\"").GET());
        assertEquals(200, other.status());
    }

    @Test
    void userNameEqFindsTheMemberCaseInsensitively() {
        for (String email : List.of("ada.park@example.com", "ADA.PARK@EXAMPLE.COM")) {
            JsonNode list = scim().get("Users?filter=" + q("userName eq \"" + email + "\"")).json();
            assertEquals(1, list.get("totalResults").asInt(), email);
            assertEquals("ada.park@example.com", list.get("Resources").get(0).get("userName").asText());
            assertEquals("Admin", list.get("Resources").get(0).get(BRIDGE_USER).get("orgRole").asText());
        }
    }

    @Test
    void aMissingUserNameGivesAnEmptyListNotAnError() {
        Http.Answer a = scim().get("Users?filter=" + q("userName eq \"nobody-" + System.nanoTime() + "@example.com\""));
        assertEquals(200, a.status());
        assertEquals(0, a.json().get("totalResults").asInt());
        assertEquals(0, a.json().get("itemsPerPage").asInt());
        assertTrue(a.json().get("Resources").isArray());
        assertEquals(0, a.json().get("Resources").size());
    }

    @Test
    void externalIdIdAndDisplayNameFilters() {
        JsonNode ada = scim().get("Users?filter=" + q("userName eq \"ada.park@example.com\"")).json().get("Resources").get(0);
        String externalId = ada.get("externalId").asText();
        assertEquals(ada.get("id"), scim().get("Users?filter=" + q("externalId eq \"" + externalId + "\""))
                .json().get("Resources").get(0).get("id"));
        // externalId is caseExact (RFC 7643 §3.1).
        assertEquals(0, scim().get("Users?filter=" + q("externalId eq \"" + externalId.toUpperCase() + "\""))
                .json().get("totalResults").asInt());
        assertEquals(1, scim().get("Users?filter=" + q("id eq \"" + ada.get("id").asText() + "\"")).json().get("totalResults").asInt());
        assertEquals(1, scim().get("Users?filter=" + q("displayName eq \"ada park\"")).json().get("totalResults").asInt());

        JsonNode group = scim().get("Groups?filter=" + q("displayName eq \"Design Systems\"")).json();
        assertEquals(1, group.get("totalResults").asInt());
        assertEquals("Team", group.get("Resources").get(0).get(BRIDGE_GROUP).get("kind").asText());
    }

    @Test
    void groupsListGetAndExcludedMembers() {
        JsonNode groups = scim().get("Groups").json();
        assertTrue(groups.get("totalResults").asInt() >= 10);
        JsonNode withMembers = null;
        for (JsonNode g : groups.get("Resources")) {
            if (g.path("members").size() > 0) {
                withMembers = g;
            }
        }
        assertNotNull(withMembers, "some group has members");
        JsonNode member = withMembers.get("members").get(0);
        assertEquals("User", member.get("type").asText());
        assertTrue(member.get("$ref").asText().endsWith("/Users/" + member.get("value").asText()));
        assertEquals(200, scim().get("Users/" + member.get("value").asText()).status());

        String id = withMembers.get("id").asText();
        JsonNode lean = scim().get("Groups/" + id + "?excludedAttributes=members").json();
        assertEquals(id, lean.get("id").asText());
        assertFalse(lean.has("members"));
        assertEquals(withMembers.get("displayName"), lean.get("displayName"));
        JsonNode leanList = scim().get("Groups?excludedAttributes=members&filter=" + q("displayName eq \""
                + withMembers.get("displayName").asText() + "\"")).json();
        assertFalse(leanList.get("Resources").get(0).has("members"));

        Set<String> roles = new HashSet<>();
        for (JsonNode g : groups.get("Resources")) {
            g.path(BRIDGE_GROUP).path("memberRoles").forEach(r -> roles.add(r.get("role").asText()));
        }
        assertTrue(roles.containsAll(Set.of("Owner", "Admin", "Editor", "Viewer")), roles.toString());
    }

    @Test
    void userGroupsPointAtRealGroups() {
        JsonNode users = scim().get("Users?count=100").json().get("Resources");
        List<String> groupRefs = new ArrayList<>();
        users.forEach(u -> u.path("groups").forEach(g -> groupRefs.add(g.get("value").asText())));
        assertFalse(groupRefs.isEmpty());
        assertEquals(200, scim().get("Groups/" + groupRefs.get(0)).status());
    }

    @Test
    void serviceProviderConfigTellsTheTruth() {
        JsonNode spc = scim().get("ServiceProviderConfig").json();
        assertFalse(spc.get("patch").get("supported").asBoolean());
        assertFalse(spc.get("bulk").get("supported").asBoolean());
        assertFalse(spc.get("changePassword").get("supported").asBoolean());
        assertTrue(spc.get("filter").get("supported").asBoolean());
        assertTrue(spc.get("filter").get("maxResults").asInt() > 0);
        assertTrue(spc.get("sort").get("supported").asBoolean());
        assertTrue(spc.get("etag").get("supported").asBoolean());
        assertEquals("oauthbearertoken", spc.get("authenticationSchemes").get(0).get("type").asText());
        // maxResults is honoured: asking for more returns at most that many.
        int max = spc.get("filter").get("maxResults").asInt();
        assertTrue(scim().get("Users?count=" + (max + 500)).json().get("itemsPerPage").asInt() <= max);
    }

    @Test
    void schemasDeclareEveryExtension() {
        JsonNode schemas = scim().get("Schemas").json();
        Set<String> ids = new HashSet<>();
        schemas.get("Resources").forEach(s -> ids.add(s.get("id").asText()));
        assertTrue(ids.containsAll(Set.of("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User", BRIDGE_USER, BRIDGE_GROUP)), ids.toString());
        JsonNode bridge = scim().get("Schemas/" + BRIDGE_USER).json();
        Set<String> attributes = new HashSet<>();
        bridge.get("attributes").forEach(a -> attributes.add(a.get("name").asText()));
        assertTrue(attributes.containsAll(Set.of("orgRole", "seatType", "status", "figmaUserId", "lastActiveAt", "teams", "sources")),
                attributes.toString());
        assertEquals(404, scim().get("Schemas/urn:nope").status());

        JsonNode types = scim().get("ResourceTypes").json();
        assertEquals(2, types.get("totalResults").asInt());
        JsonNode user = scim().get("ResourceTypes/User").json();
        assertEquals("/Users", user.get("endpoint").asText());
        Set<String> extensions = new HashSet<>();
        user.get("schemaExtensions").forEach(e -> extensions.add(e.get("schema").asText()));
        assertEquals(3, extensions.size());
    }

    @Test
    void searchByPostMatchesGet() {
        String filter = "userName eq \"ada.park@example.com\"";
        JsonNode viaGet = scim().get("Users?filter=" + q(filter)).json();
        Http.Answer viaPost = scim().send("POST", "Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":" + Http.JSON.valueToTree(filter) + "}", "application/scim+json");
        assertEquals(200, viaPost.status(), viaPost.body());
        assertEquals(viaGet.get("Resources").get(0).get("id"), viaPost.json().get("Resources").get(0).get("id"));
    }

    @Test
    void cursorPagingWalksEveryUserOnce() {
        int total = scim().get("Users?count=0").json().get("totalResults").asInt();
        List<String> ids = new ArrayList<>();
        String next = "";
        for (int guard = 0; guard < 100; guard++) {
            JsonNode page = scim().get("Users?count=10&sortBy=userName&cursor=" + Http.q(next)).json();
            assertFalse(page.has("startIndex"), "cursor pages carry no startIndex (RFC 9865)");
            assertEquals(total, page.get("totalResults").asInt());
            page.get("Resources").forEach(u -> ids.add(u.get("id").asText()));
            if (!page.has("nextCursor")) {
                break;
            }
            next = page.get("nextCursor").asText();
        }
        assertEquals(total, ids.size());
        assertEquals(total, new HashSet<>(ids).size());
        // previousCursor leads back: the page before the second page is the first page.
        JsonNode first = scim().get("Users?count=10&sortBy=userName&cursor=").json();
        assertFalse(first.has("previousCursor"), "the first page has nothing before it");
        JsonNode second = scim().get("Users?count=10&sortBy=userName&cursor=" + Http.q(first.get("nextCursor").asText())).json();
        JsonNode back = scim().get("Users?count=10&sortBy=userName&cursor=" + Http.q(second.get("previousCursor").asText())).json();
        assertEquals(first.get("Resources").toString(), back.get("Resources").toString());
        assertFalse(back.has("previousCursor"));
        JsonNode spc = scim().get("ServiceProviderConfig").json().get("pagination");
        assertTrue(spc.get("cursor").asBoolean());
        assertTrue(spc.get("cursorTimeout").asInt() > 0);
        // POST .search takes the cursor in the body.
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"count\":5,\"cursor\":\"\"}";
        JsonNode viaPost = scim().send("POST", "Users/.search", body, "application/scim+json").json();
        assertEquals(5, viaPost.get("Resources").size());
        assertTrue(viaPost.has("nextCursor"));
    }

    @Test
    void healthNeedsNoToken() {
        Http anonymous = http().withToken(null);
        assertEquals(200, anonymous.get("health/live").status());
        Http.Answer ready = anonymous.get("health/ready");
        assertEquals(200, ready.status());
        assertTrue(ready.body().contains("store"));
    }
}
