package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ResourceQuery} runs each request as the query kept for its shape, with the request's values bound
 * to it. Here one ResourceQuery answers a sequence of filters that share a shape but whose literals decide
 * a different structure (an id that is not canonical, a dateTime between two microseconds, an unknown enum
 * value, a constant that does not match), and a cursor walk whose positions differ on every page; each
 * answer must be the one a new ResourceQuery, which has kept nothing, gives, and the expected one.
 */
class KeptQueriesTest {

    private static final String BRI = "urn:figma-scim-bridge:schemas:extension:figma:2.0:User:";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void literalsThatChangeAQuerysStructureDoNotShareAKeptQuery(String kind) {
        UserFilterTest.Loaded l = UserFilterTest.database(kind);
        // As stored: the database keeps microseconds.
        Member ada = l.store().read(em -> em.find(Member.class, l.fixture().members.get("ada").id()));
        String id = ada.id().toString();
        String modified = ada.getLastModified().toString();
        String between = ada.getLastModified().plusNanos(500).toString();
        ResourceQuery<Member> kept = new ResourceQuery<>(UserAttributes.TABLE, "id");
        String[][] sequence = {
            {"id eq \"" + id + "\"", "ada"},
            {"id eq \"" + id.toUpperCase(Locale.ROOT) + "\"", ""},
            {"id eq \"not an id\"", ""},
            {"id eq \"" + id + "\"", "ada"},
            {"meta.lastModified eq \"" + modified + "\" and userName eq \"ada@example.com\"", "ada"},
            {"meta.lastModified eq \"" + between + "\" and userName eq \"ada@example.com\"", ""},
            {"meta.lastModified eq \"" + modified + "\" and userName eq \"ada@example.com\"", "ada"},
            {BRI + "orgRole eq \"admin\"", "ada"},
            {BRI + "orgRole eq \"nosuchrole\"", ""},
            {BRI + "orgRole eq \"admin\"", "ada"},
            {"emails.type eq \"work\" and userName sw \"b\"", "ben"},
            {"emails.type eq \"home\" and userName sw \"b\"", ""},
            {"emails.type eq \"work\" and userName sw \"c\"", "chloe"},
        };
        for (String[] step : sequence) {
            ListRequest request = ListRequest.of(step[0], "userName", null, null, null, null, null, 100, 1000);
            List<String> fresh = localParts(l, new ResourceQuery<>(UserAttributes.TABLE, "id"), request);
            List<String> reused = localParts(l, kept, request);
            assertEquals(fresh, reused, step[0] + ": the kept query answers as a new one");
            assertEquals(step[1], String.join(" ", reused), step[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aCursorWalkBindsEachPagesPosition(String kind) {
        UserFilterTest.Loaded l = UserFilterTest.database(kind);
        ResourceQuery<Member> kept = new ResourceQuery<>(UserAttributes.TABLE, "id");
        for (String sortBy : new String[] {"title", "userName", "meta.created"}) {
            ListRequest request = ListRequest.of(null, sortBy, null, null, "2", null, null, 100, 1000);
            List<UUID> walked = new ArrayList<>();
            ResourceQuery.Position at = null;
            boolean more = true;
            while (more) {
                ResourceQuery.Position from = at;
                ResourceQuery.CursorPage<UUID> page = l.store().read(em -> kept.findIdsNear(em, request, from, false, kept::count));
                ResourceQuery.CursorPage<UUID> fresh = l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id")
                        .findIdsNear(em, request, from, false, kept::count));
                assertEquals(fresh.resources(), page.resources(), sortBy + " after " + from);
                walked.addAll(page.resources());
                more = page.more();
                at = page.resources().isEmpty() ? null : page.last();
            }
            assertEquals(l.fixture().members.size(), walked.size(), sortBy + ": every member once");
            assertEquals(l.fixture().members.size(), walked.stream().distinct().count(), sortBy + ": none repeated");
        }
    }

    private static List<String> localParts(UserFilterTest.Loaded l, ResourceQuery<Member> query, ListRequest request) {
        return l.store().read(em -> query.find(em, request)).resources().stream()
                .map(m -> m.getEmail().substring(0, m.getEmail().indexOf('@'))).toList();
    }
}
