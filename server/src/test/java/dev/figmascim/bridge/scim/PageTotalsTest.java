package dev.figmascim.bridge.scim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A page shorter than count tells the total without a count query: that total must be exactly the
 * counted one, for every filter, page size and start (RFC 7644 §3.4.2.4: totalResults is every match).
 */
class PageTotalsTest {

    private static final String[] FILTERS = {
        null, "userName eq \"ada@example.com\"", "userName eq \"nobody@example.com\"", "title co \"e\"", "active eq true",
        "groups.display eq \"web app\"", "not (title pr)",
    };

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aShortPageTellsTheCountedTotal(String kind) {
        var l = UserFilterTest.database(kind);
        var q = new ResourceQuery<>(UserAttributes.TABLE, "id");
        for (String filter : FILTERS) {
            ListRequest all = ListRequest.of(filter, null, null, null, "0", null, null, 100, 1000);
            long counted = l.store().read(em -> q.count(em, all));
            for (int count = 0; count <= 10; count++) {
                for (int start = 1; start <= 10; start++) {
                    ListRequest request = ListRequest.of(filter, "userName", null, Integer.toString(start), Integer.toString(count),
                            null, null, 100, 1000);
                    int[] counts = {0};
                    var page = l.store().read(em -> q.find(em, request, (e, r) -> {
                        counts[0]++;
                        return q.count(e, r);
                    }));
                    long total = page.total();
                    boolean shortPage = count > 0 && page.resources().size() < count && (start == 1 || !page.resources().isEmpty());
                    assertEquals(shortPage ? 0 : 1, counts[0], "counted only when the page cannot tell: " + filter);
                    assertEquals(counted, total, filter + " count " + count + " start " + start);
                }
                ListRequest cursor = ListRequest.of(filter, null, null, null, Integer.toString(count), null, null, 100, 1000);
                assertEquals(counted, l.store().read(em -> q.findAfter(em, cursor, null)).total(), filter + " cursor count " + count);
            }
        }
    }
}
