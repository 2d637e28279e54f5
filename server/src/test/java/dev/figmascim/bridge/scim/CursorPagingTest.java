package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9865 cursor paging: keyset pages equal index paging's order, and survive concurrent change. */
class CursorPagingTest {

    private static final String LAST_ACTIVE = "urn:figma-scim-bridge:schemas:extension:figma:2.0:User:lastActiveAt";
    private final CursorCodec codec = new CursorCodec("test-secret", Duration.ofMinutes(5));

    @ParameterizedTest(name = "[{0}] sortBy={1} {2} filter={3}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
        "h2|NULL|NULL|NULL", "postgres|NULL|NULL|NULL",
        "h2|userName|ascending|NULL", "postgres|userName|descending|NULL",
        "h2|title|ascending|NULL", "postgres|title|descending|NULL",
        "h2|" + LAST_ACTIVE + "|descending|NULL", "postgres|" + LAST_ACTIVE + "|ascending|NULL",
        "h2|meta.created|ascending|active eq true",
        "postgres|urn:figma-scim-bridge:schemas:extension:figma:2.0:User:seatType|ascending|NULL",
        "h2|displayName|descending|title pr or groups pr", "postgres|displayName|ascending|title pr or groups pr",
    })
    void walkingByCursorVisitsExactlyTheIndexOrder(String kind, String sortBy, String order, String filter) {
        var l = UserFilterTest.database(kind);
        ListRequest all = ListRequest.of(filter, sortBy, order, null, "1000", null, null, 100, 1000);
        List<UUID> expected = l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, all))
                .resources().stream().map(Member::id).toList();
        for (int size : new int[] {1, 3, 5}) {
            ListRequest page = ListRequest.of(filter, sortBy, order, null, Integer.toString(size), null, null, 100, 1000);
            assertEquals(expected, walk(l.store(), page), "page size " + size);
        }
    }

    @ParameterizedTest(name = "[{0}] sortBy={1} {2}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
        "h2|NULL|NULL", "postgres|NULL|NULL", "h2|title|ascending", "postgres|title|descending",
        "h2|" + LAST_ACTIVE + "|descending", "postgres|" + LAST_ACTIVE + "|ascending", "postgres|userName|descending",
    })
    void previousPagesAreTheNextPagesInReverse(String kind, String sortBy, String order) {
        var l = UserFilterTest.database(kind);
        ListRequest request = ListRequest.of(null, sortBy, order, null, "3", null, null, 100, 1000);
        ResourceQuery<Member> q = new ResourceQuery<>(UserAttributes.TABLE, "id");
        List<List<UUID>> forward = new ArrayList<>();
        List<ResourceQuery.CursorPage<Member>> pages = new ArrayList<>();
        ResourceQuery.Position after = null;
        while (true) {
            ResourceQuery.Position at = after;
            ResourceQuery.CursorPage<Member> page = l.store().read(em -> q.findAfter(em, request, at));
            pages.add(page);
            forward.add(page.resources().stream().map(Member::id).toList());
            if (!page.more()) {
                break;
            }
            after = page.positions().get(page.positions().size() - 1);
        }
        assertTrue(forward.size() >= 3, "the fixture spans several pages");
        // From the last page, each previous page is the page before its first row.
        for (int i = pages.size() - 1; i > 0; i--) {
            ResourceQuery.Position first = pages.get(i).positions().get(0);
            ResourceQuery.CursorPage<Member> before = l.store().read(em -> q.findBefore(em, request, first));
            assertEquals(forward.get(i - 1), before.resources().stream().map(Member::id).toList(), "page " + (i - 1));
            assertEquals(i - 1 > 0, before.more(), "more rows precede page " + (i - 1));
        }
    }

    private List<UUID> walk(Store store, ListRequest request) {
        ResourceQuery<Member> q = new ResourceQuery<>(UserAttributes.TABLE, "id");
        List<UUID> ids = new ArrayList<>();
        String token = "";
        for (int guard = 0; guard < 100; guard++) {
            ResourceQuery.Position after = position(token, request, q);
            ResourceQuery.CursorPage<Member> page = store.read(em -> q.findAfter(em, request, after));
            page.resources().forEach(m -> ids.add(m.id()));
            if (!page.more()) {
                return ids;
            }
            token = codec.encode("Users", request, page.positions().get(page.positions().size() - 1));
        }
        throw new AssertionError("the walk did not end");
    }

    private ResourceQuery.Position position(String token, ListRequest request, ResourceQuery<Member> q) {
        if (token.isEmpty()) {
            return null;
        }
        CursorCodec.Decoded d = codec.decode(token, "Users", request);
        Object value = d.sortValueText() == null ? null : q.sortValueFromText(request.sortBy(), d.sortValueText());
        return new ResourceQuery.Position(value, d.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWalkNeitherSkipsNorRepeatsWhileOthersChange(String kind) {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            store.run(em -> {
                for (int i = 0; i < 60; i++) {
                    Member m = new Member(String.format("user%03d@example.com", i), Instant.parse("2026-01-01T00:00:00Z"));
                    m.setName("User " + i);
                    em.persist(m);
                }
            });
            Set<String> original = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                original.add(String.format("user%03d@example.com", i));
            }
            ListRequest request = ListRequest.of(null, "userName", null, null, "7", null, null, 100, 1000);
            ResourceQuery<Member> q = new ResourceQuery<>(UserAttributes.TABLE, "id");
            List<String> seen = new ArrayList<>();
            String token = "";
            int step = 0;
            while (true) {
                ResourceQuery.Position after = position(token, request, q);
                ResourceQuery.CursorPage<Member> page = store.read(em -> q.findAfter(em, request, after));
                page.resources().forEach(m -> seen.add(m.getEmailLower()));
                // Between pages, others add members before and after the cursor and delete one not yet seen.
                int n = step++;
                store.run(em -> {
                    em.persist(new Member("aaa" + n + "@example.com", Instant.now()));
                    em.persist(new Member("zzz" + n + "@example.com", Instant.now()));
                });
                if (!page.more()) {
                    break;
                }
                token = codec.encode("Users", request, page.positions().get(page.positions().size() - 1));
            }
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no member is repeated");
            assertTrue(seen.containsAll(original), "no original member is skipped");
            assertTrue(seen.stream().noneMatch(e -> e.startsWith("aaa")), "members added behind the cursor are not returned");
        }
    }

    @Test
    void cursorsAreBoundToTheirQueryAndExpire() {
        ListRequest byName = ListRequest.of("active eq true", "userName", null, null, "5", null, null, 100, 1000);
        String token = codec.encode("Users", byName, new ResourceQuery.Position("a@x.com", UUID.randomUUID()));
        assertEquals("a@x.com", codec.decode(token, "Users", byName).sortValueText());
        // The same filter written differently is the same query.
        ListRequest same = ListRequest.of("active  EQ true", "USERNAME", "ascending", null, "20", null, null, 100, 1000);
        assertEquals("a@x.com", codec.decode(token, "Users", same).sortValueText());

        ScimException otherFilter = assertThrows(ScimException.class, () -> codec.decode(token, "Users",
                ListRequest.of("active eq false", "userName", null, null, "5", null, null, 100, 1000)));
        assertEquals("invalidCursor", otherFilter.scimType());
        assertEquals("invalidCursor", assertThrows(ScimException.class, () -> codec.decode(token, "Groups", byName)).scimType());
        assertEquals("invalidCursor", assertThrows(ScimException.class, () -> codec.decode(token, "Users",
                ListRequest.of("active eq true", "userName", "descending", null, "5", null, null, 100, 1000))).scimType());
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertEquals("invalidCursor", assertThrows(ScimException.class, () -> codec.decode(tampered, "Users", byName)).scimType());
        assertEquals("invalidCursor", assertThrows(ScimException.class, () -> codec.decode("garbage", "Users", byName)).scimType());
        assertEquals("invalidCursor", assertThrows(ScimException.class,
                () -> new CursorCodec("another-secret", Duration.ofMinutes(5)).decode(token, "Users", byName)).scimType());
        CursorCodec expired = new CursorCodec("test-secret", Duration.ofSeconds(-1));
        assertEquals("expiredCursor", assertThrows(ScimException.class, () -> expired.decode(token, "Users", byName)).scimType());
        ResourceQuery.Position unsorted = new ResourceQuery.Position(null, UUID.randomUUID());
        ListRequest plain = ListRequest.of(null, null, null, null, "5", null, null, 100, 1000);
        assertNull(codec.decode(codec.encode("Users", plain, unsorted), "Users", plain).sortValueText());
        assertFalse(token.contains("a@x.com"), "cursors are opaque");
    }
}
