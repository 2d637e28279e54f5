package dev.figmascim.bridge.store;

import dev.figmascim.bridge.model.ApiToken;
import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.OrgSetting;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.SourceCursor;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Flyway schema and the entities agree, on H2 and on PostgreSQL. */
class StoreRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyEntityRoundTripsThroughTheMigratedSchema(String kind) {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            assertTrue(store.isReachable());
            assertTrue(store.isMigrated());

            UUID memberId = store.inTransaction(em -> {
                Member m = new Member("Ada.Park@Example.com", T0);
                m.setName("Ada Park");
                m.setOrgRole(OrgRole.ADMIN);
                m.setSeatType(SeatType.FULL);
                m.setDateAdded(Instant.parse("2022-03-14T00:00:00Z"));
                m.setLastActiveAt(T0.minus(3, ChronoUnit.DAYS));
                em.persist(m);
                Team t = new Team("Design Systems", TeamKind.TEAM, T0);
                em.persist(t);
                em.persist(new TeamMembership(m, t, TeamRole.OWNER));
                em.persist(new OrgSetting(OrgSettingKey.SSO_MODE, "SAML_REQUIRED", Source.DECLARED, T0));
                ReconciliationRun run = new ReconciliationRun(Source.CSV, "members.csv", "0".repeat(64), false, T0);
                run.succeed(1, 0, 0, 0, T0);
                em.persist(run);
                em.persist(new ChangeEvent(1L, run.id(), EntityType.MEMBER, m.id(), m.getEmailLower(), "created", null, "x", T0));
                em.persist(new SourceCursor(Source.ACTIVITY_LOG, "abc", run.id(), T0));
                em.persist(new ApiToken("ci", "a".repeat(64), "scim:read", T0));
                return m.id();
            });

            store.read(em -> {
                Member m = em.find(Member.class, memberId);
                assertEquals("ada.park@example.com", m.getEmailLower());
                assertEquals("Ada.Park@Example.com", m.getEmail());
                assertEquals(SeatType.FULL, m.getSeatType());
                assertEquals(MemberStatus.ACTIVE, m.getStatus());
                assertEquals(Instant.parse("2022-03-14T00:00:00Z"), m.getDateAdded());
                assertEquals(T0.minus(3, ChronoUnit.DAYS), m.getLastActiveAt());
                assertEquals(0L, m.getVersion());
                TeamMembership tm = em.createQuery("select tm from TeamMembership tm", TeamMembership.class).getSingleResult();
                assertEquals(TeamRole.OWNER, tm.getRole());
                assertEquals("Design Systems", tm.getTeam().getName());
                assertEquals("SAML_REQUIRED", em.find(OrgSetting.class, OrgSettingKey.SSO_MODE).getValue());
                assertEquals(RunStatus.SUCCEEDED, em.createQuery("select r from ReconciliationRun r", ReconciliationRun.class)
                        .getSingleResult().getStatus());
                assertNotNull(em.createQuery("select e from ChangeEvent e", ChangeEvent.class).getSingleResult().id());
                assertEquals("abc", em.find(SourceCursor.class, Source.ACTIVITY_LOG).getCursorValue());
                return null;
            });

            // A real change raises the version and lastModified; writing the same value does not.
            store.run(em -> em.find(Member.class, memberId).setName("Ada Park"));
            assertEquals(0L, (long) store.read(em -> em.find(Member.class, memberId).getVersion()));
            store.run(em -> em.find(Member.class, memberId).setTitle("Lead"));
            Member changed = store.read(em -> em.find(Member.class, memberId));
            assertEquals(1L, changed.getVersion());
            assertTrue(changed.getLastModified().isAfter(T0));

            // E-mails are unique lower-cased; a failed transaction leaves nothing behind.
            assertThrows(PersistenceException.class, () -> store.run(em -> {
                em.persist(new Member("someone@example.com", T0));
                em.persist(new Member("ADA.PARK@example.com", T0));
            }));
            assertEquals(1L, (long) store.read(em -> em.createQuery("select count(m) from Member m", Long.class).getSingleResult()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void migratingTwiceAppliesNothingTheSecondTime(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Store.MigrationReport first = Store.migrateOnly(db.settings());
            Store.MigrationReport second = Store.migrateOnly(db.settings());
            assertTrue(first.applied() >= 1);
            assertEquals(0, second.applied());
            assertEquals(first.schemaVersion(), second.schemaVersion());
            assertFalse(first.schemaVersion().isBlank());
        }
    }
}
