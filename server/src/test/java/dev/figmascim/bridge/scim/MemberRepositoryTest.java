package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.TeamMembership;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's shortcuts answer exactly what the general path answers. */
class MemberRepositoryTest {

    private static final String[] USER_NAME_LOOKUPS = {
        "userName eq \"ada@example.com\"", "userName eq \"ADA@Example.COM\"", "USERNAME eq \"ben@example.com\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"chloe@example.com\"", "emails eq \"dev@example.com\"",
        "emails.value eq \"Hugo@agency.example.net\"", "userName eq \"nobody@example.com\"", "userName eq \"\"",
    };

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aUserNameLookupIsTheGeneralQuery(String kind) {
        var l = UserFilterTest.database(kind);
        MemberRepository users = new MemberRepository(l.store());
        ResourceQuery<Member> general = new ResourceQuery<>(UserAttributes.TABLE, "id");
        for (String filter : USER_NAME_LOOKUPS) {
            assertTrue(UserNameLookup.value(ListRequest.parseFilter(filter)).isPresent(), filter);
            for (String[] paging : new String[][] {{null, null, null}, {"2", null, null}, {null, "0", null}, {null, "1", "title"}}) {
                ListRequest request = ListRequest.of(filter, paging[2], null, paging[0], paging[1], null, null, 100, 1000);
                var expected = l.store().read(em -> general.find(em, request));
                var got = users.find(request, true);
                assertEquals(expected.total(), got.total(), filter);
                assertEquals(expected.resources().stream().map(Member::id).toList(),
                        got.resources().stream().map(x -> x.member().id()).toList(), filter);
                for (MemberRepository.Loaded one : got.resources()) {
                    assertEquals(users.get(one.member().id().toString()).orElseThrow().memberships(), one.memberships(), filter);
                    assertEquals(List.of(), users.find(request, false).resources().get(0).memberships(), "not loaded when not shown");
                }
            }
        }
        for (String other : new String[] {"userName ne \"ada@example.com\"", "userName eq \"ada@example.com\" or title pr",
            "emails[value eq \"ada@example.com\"]", "not (userName eq \"ada@example.com\")", "externalId eq \"ext-ADA\""}) {
            assertFalse(UserNameLookup.value(ListRequest.parseFilter(other)).isPresent(), other);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void membershipsComeInTeamOrderAsAJoinOrdersThem(String kind) {
        var l = UserFilterTest.database(kind);
        // The reference: one join, ordered by the database, as the repository used to read them.
        Map<UUID, List<UUID>> expected = l.store().read(em -> em.createQuery(
                        "select tm from TeamMembership tm join fetch tm.team t order by t.nameLower, t.id", TeamMembership.class)
                .getResultList().stream().collect(Collectors.groupingBy(tm -> tm.getMember().id(),
                        Collectors.mapping(tm -> tm.getTeam().id(), Collectors.toList()))));
        var page = new MemberRepository(l.store()).find(ListRequest.of(null, null, null, null, "1000", null, null, 100, 1000), true);
        assertFalse(page.resources().isEmpty());
        for (MemberRepository.Loaded loaded : page.resources()) {
            assertEquals(expected.getOrDefault(loaded.member().id(), List.of()),
                    loaded.memberships().stream().map(MemberRepository.Membership::teamId).toList(), loaded.member().getEmail());
        }
        assertTrue(page.resources().stream().anyMatch(x -> x.memberships().size() > 1), "the fixture has members in several teams");
    }
}
