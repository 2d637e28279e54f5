package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.OrgSetting;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.SourceCursor;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.StoreQueries;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A throw-away store (H2 or PostgreSQL) with the queries the Figma source tests check it with. */
final class TestStore implements AutoCloseable {

    private final TestDatabase db;
    final Store store;

    private TestStore(TestDatabase db) {
        this.db = db;
        this.store = Store.open(db.settings());
    }

    static TestStore open(String kind) {
        return new TestStore(TestDatabase.create(kind));
    }

    /** The reference sample-members.csv, a copy in the test resources. */
    static Path sampleCsv() {
        try {
            return Path.of(TestStore.class.getResource("/figma/sample-members.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    RunSummary reconcileCsv(Path file) {
        return new Reconciler(store).run(new CsvSnapshot(file, file.getFileName().toString()), ReconcileOptions.defaults());
    }

    Member member(String email) {
        return StoreQueries.member(store, email);
    }

    Map<String, TeamRole> teamsOf(String email) {
        return StoreQueries.teamsOf(store, email);
    }

    Team team(String name) {
        return StoreQueries.team(store, name);
    }

    long events() {
        return StoreQueries.events(store);
    }

    String cursor() {
        return store.read(em -> {
            SourceCursor c = em.find(SourceCursor.class, Source.ACTIVITY_LOG);
            return c == null ? null : c.getCursorValue();
        });
    }

    List<ReconciliationRun> failedRuns() {
        return store.read(em -> em.createQuery("select r from ReconciliationRun r where r.status = :s", ReconciliationRun.class)
                .setParameter("s", RunStatus.FAILED).getResultList());
    }

    /**
     * Everything the reconciliation decides, as text. {@code exact}: with versions, modification and seen times, for
     * "this store did not change"; otherwise without them, to compare two stores fed the same input.
     */
    String digest(boolean exact) {
        return store.read(em -> {
            StringBuilder out = new StringBuilder();
            List<Member> members = em.createQuery("select m from Member m", Member.class).getResultList();
            members.sort(Comparator.comparing(Member::getEmailLower));
            for (Member m : members) {
                out.append(String.join("|", m.getEmail(), m.getFigmaUserId() + "", m.getName(), m.getGivenName(), m.getFamilyName(),
                        m.getTitle() + "", m.getExternalId() + "", m.getOrgRole() + "", m.getSeatType() + "", m.getStatus() + "",
                        m.isFigmaAdmin() + "", m.isManagedByIdp() + "", m.getEmployeeNumber() + "", m.getCostCenter() + "",
                        m.getOrganization() + "", m.getDivision() + "", m.getDepartment() + "", m.getManagerEmail() + "",
                        m.getWorkspace() + "", m.getBillingGroup() + "", m.getDateAdded() + "", m.getDateUpgraded() + "",
                        m.getLastEditAt() + "", m.getLastActiveAt() + "", m.getLastSignInAt() + ""));
                if (exact) {
                    out.append("|v").append(m.getVersion()).append('|').append(m.getLastModified()).append('|').append(m.getCsvSeenAt())
                            .append('|').append(m.getFigmaScimSeenAt()).append('|').append(m.getActivitySeenAt())
                            .append('|').append(m.getManagerId());
                }
                out.append('\n');
            }
            List<Team> teams = em.createQuery("select t from Team t", Team.class).getResultList();
            teams.sort(Comparator.comparing(Team::getName));
            for (Team t : teams) {
                out.append("team ").append(t.getKind()).append(' ').append(t.getName()).append(" #").append(t.getFigmaTeamId());
                if (exact) {
                    out.append(" v").append(t.getVersion()).append(' ').append(t.getLastModified());
                }
                out.append('\n');
            }
            em.createQuery("select tm from TeamMembership tm join fetch tm.team join fetch tm.member", TeamMembership.class)
                    .getResultList().stream()
                    .map(tm -> "in " + tm.getTeam().getName() + ": " + tm.getMember().getEmailLower() + " " + tm.getRole())
                    .sorted().forEach(line -> out.append(line).append('\n'));
            em.createQuery("select s from OrgSetting s", OrgSetting.class).getResultList().stream()
                    .map(s -> "setting " + s.getKey() + "=" + s.getValue() + " " + s.getSource() + " " + s.getConfirmedAt())
                    .sorted().forEach(line -> out.append(line).append('\n'));
            SourceCursor c = em.find(SourceCursor.class, Source.ACTIVITY_LOG);
            out.append("cursor ").append(c == null ? null : c.getCursorValue()).append('\n');
            return out.toString();
        });
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            db.close();
        }
    }
}
