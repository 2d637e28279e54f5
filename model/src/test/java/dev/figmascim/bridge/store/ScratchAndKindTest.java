package dev.figmascim.bridge.store;

import dev.figmascim.bridge.model.PendingManager;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V3's scratch table and a grouping's changeable kind, on H2 and PostgreSQL. */
class ScratchAndKindTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pendingManagersRoundTripAndAGroupingChangesKind(String kind) {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            UUID member = UUID.randomUUID();
            store.run(em -> em.persist(new PendingManager(member, "1120553398001245567", true)));
            PendingManager read = store.read(em -> em.find(PendingManager.class, member));
            assertEquals("1120553398001245567", read.getManagerFigmaUserId());
            assertTrue(read.isCountedUnchanged());

            UUID team = store.inTransaction(em -> {
                Team t = new Team("Product", TeamKind.WORKSPACE, T0);
                em.persist(t);
                return t.id();
            });
            store.run(em -> em.find(Team.class, team).setKind(TeamKind.BILLING_GROUP));
            assertEquals(TeamKind.BILLING_GROUP, store.read(em -> em.find(Team.class, team)).getKind());
        }
    }

    @Test
    void aTeamNeverBecomesAGroupingNorTheReverse() {
        Team team = new Team("Web App", TeamKind.TEAM, T0);
        assertThrows(IllegalArgumentException.class, () -> team.setKind(TeamKind.WORKSPACE));
        Team workspace = new Team("Product", TeamKind.WORKSPACE, T0);
        assertThrows(IllegalArgumentException.class, () -> workspace.setKind(TeamKind.TEAM));
    }
}
