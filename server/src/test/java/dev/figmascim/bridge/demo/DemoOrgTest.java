package dev.figmascim.bridge.demo;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo organisation is as varied as the foundation issue promises. */
class DemoOrgTest {

    @Test
    void demoOrgIsRealistic() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            int loaded = DemoOrg.load(store);
            List<Member> members = store.read(em -> em.createQuery("select m from Member m", Member.class).getResultList());
            assertEquals(loaded, members.size());
            assertTrue(members.size() >= 60);
            assertEquals(EnumSet.allOf(OrgRole.class), members.stream().map(Member::getOrgRole).collect(Collectors.toSet()));
            assertTrue(members.stream().map(Member::getSeatType).collect(Collectors.toSet())
                    .containsAll(EnumSet.of(SeatType.FULL, SeatType.DEV, SeatType.COLLAB, SeatType.VIEW,
                            SeatType.STARTER, SeatType.RESTRICTED)));
            assertEquals(EnumSet.allOf(MemberStatus.class), members.stream().map(Member::getStatus).collect(Collectors.toSet()));
            assertTrue(members.stream().allMatch(m -> m.getGivenName() != null && m.getFamilyName() != null));
            assertTrue(members.stream().anyMatch(m -> m.getDepartment() != null && m.getCostCenter() != null && m.getManagerId() != null));
            assertTrue(members.stream().allMatch(m -> m.getVersion() == 0), "loaded in one pass, no follow-up updates");

            List<Instant> active = members.stream().map(Member::getLastActiveAt).filter(Objects::nonNull).sorted().toList();
            Duration spread = Duration.between(active.get(0), active.get(active.size() - 1));
            assertTrue(spread.toDays() > 365, "last-active dates spread over more than a year: " + spread.toDays());

            List<TeamMembership> memberships = store.read(em -> em.createQuery(
                    "select tm from TeamMembership tm join fetch tm.team", TeamMembership.class).getResultList());
            Set<String> teams = memberships.stream().filter(tm -> tm.getTeam().getKind() == TeamKind.TEAM)
                    .map(tm -> tm.getTeam().getName()).collect(Collectors.toSet());
            assertTrue(teams.size() >= 10);
            assertTrue(memberships.stream().map(TeamMembership::getRole).collect(Collectors.toSet())
                    .containsAll(EnumSet.of(TeamRole.OWNER, TeamRole.ADMIN, TeamRole.EDITOR, TeamRole.VIEWER)));
        }
    }
}
