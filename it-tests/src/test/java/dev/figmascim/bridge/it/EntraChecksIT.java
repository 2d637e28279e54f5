package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request sequence Microsoft Entra ID's provisioning service sends to a SCIM app, as Entra writes it
 * (spaces as {@code %20}): match a user by userName, then by externalId; find a user by work e-mail;
 * find a group by displayName without members; read a group without members; check one membership;
 * page with {@code count=5}; and keep answering a bounded sustained mix of those requests.
 */
class EntraChecksIT extends BridgeIT {

    /** One user the checks match on, read from the demo organisation. */
    private record Known(String id, String userName, String externalId, String groupId, String groupName, String outsiderId) {
    }

    private Known known() {
        JsonNode user = scim().get("Users?count=1&filter=" + entra("externalId pr and groups pr and active eq true")).json()
                .get("Resources").get(0);
        JsonNode group = user.get("groups").get(0);
        String groupId = group.get("value").asText();
        JsonNode members = scim().get("Groups/" + groupId).json().get("members");
        Set<String> memberIds = new HashSet<>();
        members.forEach(m -> memberIds.add(m.get("value").asText()));
        String outsider = null;
        for (JsonNode u : scim().get("Users?count=200").json().get("Resources")) {
            if (!memberIds.contains(u.get("id").asText())) {
                outsider = u.get("id").asText();
                break;
            }
        }
        assertNotNull(outsider, "some user is not in " + group.get("display").asText());
        return new Known(user.get("id").asText(), user.get("userName").asText(), user.get("externalId").asText(), groupId,
                group.get("display").asText(), outsider);
    }

    @Test
    void userNameMatchThenExternalIdFallback() {
        Known k = known();
        JsonNode byUserName = list("Users?filter=" + entra("userName eq \"" + k.userName() + "\""));
        assertEquals(1, byUserName.get("totalResults").asInt());
        assertEquals(k.id(), byUserName.get("Resources").get(0).get("id").asText());

        JsonNode unknown = list("Users?filter=" + entra("userName eq \"entra-" + UUID.randomUUID() + "@example.com\""));
        assertEquals(0, unknown.get("totalResults").asInt());
        assertEquals(0, unknown.get("Resources").size());
        JsonNode byExternalId = list("Users?filter=" + entra("externalId eq \"" + k.externalId() + "\""));
        assertEquals(1, byExternalId.get("totalResults").asInt());
        assertEquals(k.id(), byExternalId.get("Resources").get(0).get("id").asText());
        String otherCase = k.externalId().equals(k.externalId().toUpperCase(Locale.ROOT))
                ? k.externalId().toLowerCase(Locale.ROOT) : k.externalId().toUpperCase(Locale.ROOT);
        assertEquals(0, list("Users?filter=" + entra("externalId eq \"" + otherCase + "\"")).get("totalResults").asInt(),
                "externalId is caseExact");
    }

    /**
     * Entra's e-mail matching writes {@code emails[type eq "work"].value eq "…"}, a PATCH-path form that
     * RFC 7644's filter grammar lacks. Entra needs exactly the one user back; every user, or a 500, would
     * make it link the wrong account or fail the cycle.
     */
    @Test
    void workEmailFilterInEntrasFormFindsExactlyThatUser() {
        Known k = known();
        Http.Answer a = scim().get("Users?filter=" + entra("emails[type eq \"work\"].value eq \"" + k.userName() + "\""));
        assertEquals(200, a.status(), a.body());
        assertEquals(1, a.json().get("totalResults").asInt(), "users matched by emails[type eq \"work\"].value eq: "
                + a.json().get("totalResults"));
        assertEquals(k.id(), a.json().get("Resources").get(0).get("id").asText());
    }

    @Test
    void groupByDisplayNameWithoutMembers() {
        Known k = known();
        JsonNode list = list("Groups?excludedAttributes=members&filter=" + entra("displayName eq \"" + k.groupName() + "\""));
        assertEquals(1, list.get("totalResults").asInt());
        JsonNode g = list.get("Resources").get(0);
        assertEquals(k.groupId(), g.get("id").asText());
        assertEquals(k.groupName(), g.get("displayName").asText());
        assertNull(g.get("members"), "excludedAttributes=members");

        Http.Answer byId = scim().get("Groups/" + k.groupId() + "?excludedAttributes=members");
        assertEquals(200, byId.status(), byId.body());
        assertEquals(k.groupId(), byId.json().get("id").asText());
        assertEquals(k.groupName(), byId.json().get("displayName").asText());
        assertNull(byId.json().get("members"));
    }

    @Test
    void membershipCheck() {
        Known k = known();
        for (String form : List.of("members[value eq \"%s\"]", "members eq \"%s\"")) {
            JsonNode in = list("Groups?excludedAttributes=members&filter="
                    + entra("id eq \"" + k.groupId() + "\" and " + form.formatted(k.id())));
            assertEquals(1, in.get("totalResults").asInt(), form);
            assertEquals(k.groupId(), in.get("Resources").get(0).get("id").asText());
            assertNull(in.get("Resources").get(0).get("members"));
            JsonNode out = list("Groups?excludedAttributes=members&filter="
                    + entra("id eq \"" + k.groupId() + "\" and " + form.formatted(k.outsiderId())));
            assertEquals(0, out.get("totalResults").asInt(), form);
            assertEquals(0, out.get("Resources").size());
        }
    }

    @Test
    void indexPagingWithCountFive() {
        int total = list("Users?count=0").get("totalResults").asInt();
        assertTrue(total > 15, "enough users for several pages: " + total);
        Set<String> ids = new HashSet<>();
        int pages = 0;
        for (int start = 1; start <= total; start += 5) {
            JsonNode page = list("Users?startIndex=" + start + "&count=5");
            pages++;
            assertEquals(start, page.get("startIndex").asInt(), "startIndex is echoed");
            assertEquals(total, page.get("totalResults").asInt(), "totalResults is stable");
            assertEquals(Math.min(5, total - start + 1), page.get("itemsPerPage").asInt());
            page.get("Resources").forEach(u -> assertTrue(ids.add(u.get("id").asText()), "no user twice"));
        }
        assertTrue(pages >= 4);
        assertEquals(total, ids.size());
    }

    /**
     * Two threads send 150 requests each of Entra's mix, back to back, on loopback: none may fail, and
     * together they must sustain at least 25 requests a second. Bounded: 300 requests, two minutes at most.
     */
    @Test
    void sustainedEntraMix() throws InterruptedException {
        Known k = known();
        int total = list("Users?count=0").get("totalResults").asInt();
        List<Request> mix = List.of(
                new Request("Users?filter=" + entra("userName eq \"" + k.userName() + "\""), 1),
                new Request("Users?filter=" + entra("userName eq \"entra-load@example.com\""), 0),
                new Request("Users?filter=" + entra("externalId eq \"" + k.externalId() + "\""), 1),
                new Request("Groups?excludedAttributes=members&filter=" + entra("displayName eq \"" + k.groupName() + "\""), 1),
                new Request("Groups?excludedAttributes=members&filter=" + entra("id eq \"" + k.groupId() + "\" and members[value eq \""
                        + k.id() + "\"]"), 1),
                new Request("Users?startIndex=6&count=5", total),
                new Request("Users/" + k.id(), -1),
                new Request("Groups/" + k.groupId() + "?excludedAttributes=members", -1));
        int threads = 2;
        int perThread = 150;
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Http scim = scim();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    Request r = mix.get((i + offset) % mix.size());
                    String problem = r.check(scim);
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, problem);
                    }
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!finished) {
            pool.shutdownNow();
        }
        assertTrue(finished, "the mix finished within two minutes (" + done.get() + " requests done)");
        assertEquals(threads * perThread, done.get());
        assertEquals(0, errors.get(), "first error: " + firstError.get());
        double rate = done.get() / seconds;
        assertTrue(rate >= 25, String.format(Locale.ROOT, "%.1f requests/s over %.1f s", rate, seconds));
    }

    /** A request of the mix and what it must answer: totalResults, or -1 for a single resource. */
    private record Request(String path, int expectedTotal) {
        String check(Http scim) {
            try {
                Http.Answer a = scim.get(path);
                if (a.status() != 200) {
                    return path + " → " + a.status() + " " + a.body();
                }
                if (expectedTotal >= 0 && a.json().get("totalResults").asInt() != expectedTotal) {
                    return path + " → totalResults " + a.json().get("totalResults");
                }
                if (expectedTotal < 0 && a.json().path("id").asText().isEmpty()) {
                    return path + " → no id";
                }
                return null;
            } catch (RuntimeException e) {
                return path + " → " + e;
            }
        }
    }

    private JsonNode list(String path) {
        Http.Answer a = scim().get(path);
        assertEquals(200, a.status(), path + ": " + a.body());
        assertFalse(a.json() == null, a.body());
        return a.json();
    }

    /** Query-parameter encoding as Entra does it: percent-encoded, spaces as %20. */
    private static String entra(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
