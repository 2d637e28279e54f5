package dev.figmascim.bridge.store;

import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rows written by {@link BulkInsert} read back exactly as rows Hibernate itself inserted, on H2 and PostgreSQL. */
class BulkInsertTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    /** Text COPY's CSV format must carry: quotes, separators, line breaks, backslashes, non-ASCII. */
    private static final String AWKWARD = "O'Brien, \"Bob\"\r\nline\\two ✓";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void bulkRowsEqualPersistedRowsInEveryColumn(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            Member persisted = filled(new Member("persisted@example.com", T0), "persisted");
            Member bulk = filled(new Member("bulk@example.com", T0), "bulk");
            UUID teamId = store.inTransaction(em -> {
                Team team = new Team("Design, \"Systems\"", TeamKind.TEAM, T0);
                em.persist(team);
                em.persist(persisted);
                em.persist(new TeamMembership(persisted, team, TeamRole.EDITOR));
                ReconciliationRun run = new ReconciliationRun(Source.CSV, "m.csv", null, false, T0);
                em.persist(run);
                em.flush();
                BulkInsert<Member> members = new BulkInsert<>(Member.class);
                members.add(bulk);
                members.write(em);
                BulkInsert<TeamMembership> memberships = new BulkInsert<>(TeamMembership.class);
                memberships.add(new TeamMembership(bulk, em.getReference(Team.class, team.id()), TeamRole.EDITOR));
                memberships.write(em);
                BulkInsert<ChangeEvent> events = new BulkInsert<>(ChangeEvent.class);
                events.add(new ChangeEvent(7L, run.id(), EntityType.MEMBER, bulk.id(), AWKWARD, "created", "", null, T0));
                events.write(em);
                return team.id();
            });

            store.read(em -> {
                EntityPersister persister = em.unwrap(SessionImplementor.class).getFactory().getMappingMetamodel()
                        .getEntityDescriptor(Member.class);
                List<Object> expected = comparable(persister.getValues(em.find(Member.class, persisted.id())), "persisted");
                List<Object> actual = comparable(persister.getValues(em.find(Member.class, bulk.id())), "bulk");
                assertEquals(expected, actual);
                List<TeamMembership> tms = em.createQuery("select tm from TeamMembership tm where tm.team.id = :t order by tm.member.email",
                        TeamMembership.class).setParameter("t", teamId).getResultList();
                assertEquals(List.of("bulk@example.com", "persisted@example.com"),
                        tms.stream().map(tm -> tm.getMember().getEmail()).toList());
                assertEquals(tms.get(1).getRole(), tms.get(0).getRole());
                ChangeEvent e = em.find(ChangeEvent.class, 7L);
                assertEquals(AWKWARD, e.getEntityKey());
                assertEquals("", e.getOldValue());
                assertEquals(null, e.getNewValue());
                assertEquals(T0, e.getOccurredAt());
                return null;
            });
        }
    }

    /**
     * Rows sent in blocks smaller than one row, and than one value: every value, multi-byte characters and
     * doubled quotes included, reads back as written, and so do the instants of every column.
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 64, 1000})
    void rowsCrossingBlockBoundariesReadBackExactly(int blockSize) throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Store store = Store.open(db.settings())) {
            ReconciliationRun run = new ReconciliationRun(Source.CSV, "m.csv", null, false, T0);
            List<ChangeEvent> written = new ArrayList<>();
            store.run(em -> {
                em.persist(run);
                em.flush();
                BulkInsert<ChangeEvent> events = new BulkInsert<>(ChangeEvent.class, blockSize);
                for (int i = 0; i < 300; i++) {
                    String text = i % 3 == 0 ? null : "\"" + "é✓🙂".repeat(i % 40) + AWKWARD + i;
                    // A new instant every fifth row, the run's in between (the cached text must follow).
                    Instant at = i % 5 == 0 ? T0.plusNanos(i * 1000L) : T0;
                    ChangeEvent e = new ChangeEvent(i + 1, run.id(), EntityType.MEMBER, UUID.randomUUID(), "k" + i, "f", text,
                            "x".repeat(i % 7), at);
                    written.add(e);
                    events.add(e);
                }
                events.write(em);
            });
            store.read(em -> {
                for (ChangeEvent w : written) {
                    ChangeEvent r = em.find(ChangeEvent.class, w.id());
                    assertEquals(List.of(w.getEntityId(), w.getEntityKey(), String.valueOf(w.getOldValue()), w.getNewValue(),
                            w.getOccurredAt()),
                            List.of(r.getEntityId(), r.getEntityKey(), String.valueOf(r.getOldValue()), r.getNewValue(),
                            r.getOccurredAt()));
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFailedBulkWriteFailsItsTransaction(String kind) {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            store.run(em -> em.persist(new Member("taken@example.com", T0)));
            assertThrows(RuntimeException.class, () -> store.run(em -> {
                BulkInsert<Member> members = new BulkInsert<>(Member.class);
                members.add(new Member("new@example.com", T0));
                members.add(new Member("TAKEN@example.com", T0));
                members.write(em);
            }));
            assertEquals(1L, (long) store.read(em -> em.createQuery("select count(m) from Member m", Long.class).getSingleResult()));
        }
    }

    /**
     * Every column set to a value other than its default, the awkward text in every text column, tagged
     * so that unique columns differ between the two members.
     */
    private static Member filled(Member m, String tag) throws IllegalAccessException {
        for (Field f : Member.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(Version.class)
                    || f.getName().startsWith("email")) {
                continue;
            }
            f.setAccessible(true);
            Class<?> type = f.getType();
            Column column = f.getAnnotation(Column.class);
            if (type == String.class && column != null && column.length() < AWKWARD.length() + 40) {
                f.set(m, "#" + tag);   // a short column (a digest): only its tag, which comparable() removes
            } else if (type == String.class) {
                f.set(m, AWKWARD + f.getName() + "#" + tag);
            } else if (type == Long.class) {
                f.set(m, 7L + f.getName().length());
            } else if (type == Instant.class) {
                f.set(m, T0.plusSeconds(f.getName().length()));
            } else if (type == boolean.class) {
                f.setBoolean(m, true);
            } else if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                f.set(m, constants[constants.length - 1]);
            } else {
                throw new AssertionError("the test does not know how to fill " + f);
            }
        }
        return m;
    }

    /** The attribute values without what differs on purpose: the e-mail, its lower-cased form and the tags. */
    private static List<Object> comparable(Object[] values, String tag) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (!(v instanceof String s && s.endsWith("@example.com"))) {
                out.add(v instanceof String s ? s.replace("#" + tag, "#") : v);
            }
        }
        assertNotEquals(0, out.size());
        return out;
    }
}
