package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.ChangeEvent;
import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.SeenMember;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.scim.NameParts;
import dev.figmascim.bridge.store.Store;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Applies one {@link Snapshot} to the store in ONE transaction (ARCHITECTURE §5): a failure, a
 * refusal or a killed process leaves the previous state. Members are matched by figmaUserId, then by
 * lower-cased e-mail; field changes come from {@link MemberMerge} (pure) and are applied and recorded
 * here as ChangeEvents. Input is processed in chunks (flush + clear), so memory does not grow with the
 * snapshot. Only one run at a time: a lock in this process and, on PostgreSQL, a transaction-scoped
 * advisory lock that every replica and CLI process honours.
 */
public final class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final ReentrantLock LOCAL = new ReentrantLock();
    /** The advisory lock key: "FSBR" in ASCII. */
    static final long ADVISORY_LOCK_KEY = 0x46534252L;
    private static final int CHUNK = 500;
    private static final int MAX_CHANGE_LINES = 200;
    private static final int PROGRESS_EVERY = 10_000;

    private final Store store;

    public Reconciler(Store store) {
        this.store = store;
    }

    /**
     * Runs the reconciliation.
     *
     * @throws SnapshotRejected    the input was invalid (recorded as a failed run)
     * @throws MassRemovalRefused  the guard refused (recorded as a failed run)
     * @throws ReconciliationBusy  another run holds the lock (not recorded: it changed nothing)
     */
    public RunSummary run(Snapshot snapshot, ReconcileOptions options) {
        if (!LOCAL.tryLock()) {
            throw new ReconciliationBusy();
        }
        Instant start = Instant.now();
        try {
            Function<EntityManager, RunSummary> work = em -> {
                lockAcrossProcesses(em);
                return new Run(em, snapshot, options, start).execute();
            };
            // A dry run does all the work in a transaction that is always rolled back.
            return options.dryRun() ? store.read(work) : store.inTransaction(work);
        } catch (ReconciliationBusy e) {
            throw e;
        } catch (SnapshotRejected e) {
            recordFailure(snapshot, options, start, e.getMessage() + "\n" + String.join("\n", e.problems()));
            throw e;
        } catch (RuntimeException e) {
            recordFailure(snapshot, options, start, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        } finally {
            LOCAL.unlock();
        }
    }

    private void lockAcrossProcesses(EntityManager em) {
        if (store.settings().isPostgres()) {
            Object got = em.createNativeQuery("select pg_try_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")").getSingleResult();
            if (!Boolean.TRUE.equals(got)) {
                throw new ReconciliationBusy();
            }
        }
        // H2: the database file is locked by the one process that opened it, and the in-process lock
        // above serialises that process's runs.
    }

    private void recordFailure(Snapshot snapshot, ReconcileOptions options, Instant start, String message) {
        try {
            store.run(em -> {
                ReconciliationRun run = new ReconciliationRun(snapshot.source(), snapshot.name(), snapshot.sha256(),
                        options.dryRun(), start);
                run.fail(message, Instant.now());
                em.persist(run);
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not record the failed run: " + e.getMessage());
        }
    }

    /** The state of one run inside its transaction. */
    private static final class Run {
        private final EntityManager em;
        private final Snapshot snapshot;
        private final ReconcileOptions options;
        private final Instant now;
        private final ReconciliationRun run;
        /** Teams resolved in this run, by lower-cased name: their id and name, kept across em.clear(). */
        private final Map<String, TeamRef> teamIds = new HashMap<>();
        private final Set<UUID> touchedTeams = new HashSet<>();
        private final List<String> changeLines = new ArrayList<>();
        private final List<IncomingMember> chunk = new ArrayList<>(CHUNK);
        private int added;
        private int updated;
        private int removed;
        private int unchanged;
        private long events;
        private long processed;

        Run(EntityManager em, Snapshot snapshot, ReconcileOptions options, Instant now) {
            this.em = em;
            this.snapshot = snapshot;
            this.options = options;
            this.now = now;
            this.run = new ReconciliationRun(snapshot.source(), snapshot.name(), snapshot.sha256(), options.dryRun(), now);
        }

        RunSummary execute() {
            em.persist(run);
            em.createQuery("delete from SeenMember").executeUpdate();
            snapshot.forEach(in -> {
                chunk.add(in);
                if (chunk.size() == CHUNK) {
                    processChunk();
                }
            });
            processChunk();
            linkManagers();
            if (snapshot.completeness() != Snapshot.Scope.NONE) {
                removeVanished();
                if (snapshot.reportsTeams()) {
                    removeEmptyTeams();
                }
            }
            touchTeams();
            em.createQuery("delete from SeenMember").executeUpdate();
            ReconciliationRun managed = em.find(ReconciliationRun.class, run.id());
            managed.succeed(added, updated, removed, unchanged, Instant.now());
            em.flush();
            return new RunSummary(options.dryRun() ? null : run.id(), snapshot.source(), RunStatus.SUCCEEDED, options.dryRun(),
                    added, updated, removed, unchanged, events, List.copyOf(changeLines), List.of());
        }

        private void processChunk() {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, Member> byEmail = new HashMap<>();
            Map<String, Member> byFigmaId = new HashMap<>();
            Set<String> emails = new HashSet<>();
            Set<String> figmaIds = new HashSet<>();
            for (IncomingMember in : chunk) {
                emails.add(Member.normalizeEmail(in.email()));
                if (in.figmaUserId() != null) {
                    figmaIds.add(in.figmaUserId());
                }
            }
            List<Member> existing = em.createQuery("select m from Member m where m.emailLower in :e"
                            + (figmaIds.isEmpty() ? "" : " or m.figmaUserId in :f"), Member.class)
                    .setParameter("e", emails)
                    .setParameter(figmaIds.isEmpty() ? "e" : "f", figmaIds.isEmpty() ? emails : figmaIds)
                    .getResultList();
            for (Member m : existing) {
                byEmail.put(m.getEmailLower(), m);
                if (m.getFigmaUserId() != null) {
                    byFigmaId.put(m.getFigmaUserId(), m);
                }
            }
            Map<UUID, List<TeamMembership>> memberships = snapshot.reportsTeams() && !existing.isEmpty()
                    ? teamMemberships(existing.stream().map(Member::id).toList()) : Map.of();
            // Members an earlier chunk of this run already reported (possible when a source lists one
            // member twice, e.g. under an old and a new e-mail): one query per chunk, not per member.
            Set<UUID> seen = existing.isEmpty() ? new HashSet<>() : new HashSet<>(em.createQuery(
                    "select s.memberId from SeenMember s where s.memberId in :ids", UUID.class)
                    .setParameter("ids", existing.stream().map(Member::id).toList()).getResultList());
            for (IncomingMember in : chunk) {
                Member m = in.figmaUserId() == null ? null : byFigmaId.get(in.figmaUserId());
                if (m == null) {
                    m = byEmail.get(Member.normalizeEmail(in.email()));
                }
                boolean created = m == null;
                boolean changed;
                if (created) {
                    m = create(in);
                    byEmail.put(m.getEmailLower(), m);
                    changed = true;
                } else {
                    changed = update(m, in);
                }
                if (in.teams() != null && snapshot.reportsTeams()) {
                    changed |= syncTeams(m, in.teams(), memberships.getOrDefault(m.id(), List.of()));
                }
                // The first report from a source is a change too: the member's sources gain an entry,
                // and the precedence rules need to know this source has spoken for the member.
                if (changed || MemberMerge.seenAt(m, snapshot.source()) == null) {
                    MemberMerge.markSeen(m, snapshot.source(), now);
                    changed = true;
                }
                if (created) {
                    added++;
                } else if (changed) {
                    updated++;
                } else {
                    unchanged++;
                }
                if (seen.add(m.id())) {
                    em.persist(new SeenMember(m.id()));
                }
                processed++;
                if (options.progress() != null && processed % PROGRESS_EVERY == 0) {
                    options.progress().accept(processed);
                }
            }
            chunk.clear();
            em.flush();
            em.clear();
        }

        private Member create(IncomingMember in) {
            Member m = new Member(in.email(), now);
            for (FieldChange c : MemberMerge.diff(m, in, snapshot.source())) {
                c.field().set(m, c.newValue());
            }
            if (m.getGivenName() == null || m.getFamilyName() == null || m.getName() == null) {
                // Every member needs a given and family name (docs/scim-mapping.md, "Names").
                NameParts name = NameParts.of(m.getName(), m.getGivenName(), m.getFamilyName(), m.getEmail());
                m.setName(name.formatted());
                m.setGivenName(name.givenName());
                m.setFamilyName(name.familyName());
            }
            MemberMerge.markSeen(m, snapshot.source(), now);
            em.persist(m);
            // One event for a new member, not one per field: the member's state is in the store.
            event(EntityType.MEMBER, m.id(), m.getEmailLower(), "created", null, m.getEmail());
            return m;
        }

        /** Applies the merge to an existing member; returns whether anything changed. */
        private boolean update(Member m, IncomingMember in) {
            boolean emailChanged = !m.getEmailLower().equals(Member.normalizeEmail(in.email()));
            if (emailChanged) {
                event(EntityType.MEMBER, m.id(), m.getEmailLower(), "userName", m.getEmail(), in.email().trim());
                m.setEmail(in.email());
            }
            List<FieldChange> changes = MemberMerge.diff(m, in, snapshot.source());
            for (FieldChange c : changes) {
                c.field().set(m, c.newValue());
                event(EntityType.MEMBER, m.id(), m.getEmailLower(), c.field().label(), text(c.oldValue()), text(c.newValue()));
            }
            return emailChanged || !changes.isEmpty();
        }

        /** Makes the member's TEAM memberships equal to {@code wanted}; returns whether anything changed. */
        private boolean syncTeams(Member m, List<IncomingMember.TeamAssignment> wanted, List<TeamMembership> current) {
            Map<String, TeamMembership> byName = new HashMap<>();
            current.forEach(tm -> byName.put(tm.getTeam().getName().toLowerCase(java.util.Locale.ROOT), tm));
            boolean changed = false;
            Set<String> keep = new HashSet<>();
            for (IncomingMember.TeamAssignment a : wanted) {
                String key = Team.normalizeName(a.team());
                if (!keep.add(key)) {
                    continue;
                }
                TeamMembership tm = byName.get(key);
                if (tm == null) {
                    TeamRef team = team(a.team());
                    // A reference, not a find: after each chunk's clear() a find would be one SELECT per membership.
                    em.persist(new TeamMembership(m, em.getReference(Team.class, team.id()), a.role()));
                    touchedTeams.add(team.id());
                    event(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), "team:" + team.name(), null, a.role().name());
                    changed = true;
                } else if (a.role() != TeamRole.UNKNOWN && a.role() != tm.getRole()) {
                    event(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), "team:" + tm.getTeam().getName(),
                            tm.getRole().name(), a.role().name());
                    tm.setRole(a.role());
                    touchedTeams.add(tm.getTeam().id());
                    changed = true;
                }
            }
            for (TeamMembership tm : current) {
                if (!keep.contains(Team.normalizeName(tm.getTeam().getName()))) {
                    event(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), "team:" + tm.getTeam().getName(), tm.getRole().name(), null);
                    touchedTeams.add(tm.getTeam().id());
                    em.remove(tm);
                    changed = true;
                }
            }
            if (changed) {
                m.touch(now);
            }
            return changed;
        }

        /** A team's id and name, which is all a new membership and its event need. */
        private record TeamRef(UUID id, String name) {
        }

        private TeamRef team(String name) {
            String key = Team.normalizeName(name);
            TeamRef known = teamIds.get(key);
            if (known != null) {
                return known;
            }
            List<Team> found = em.createQuery("select t from Team t where t.kind = :k and t.nameLower = :n", Team.class)
                    .setParameter("k", TeamKind.TEAM).setParameter("n", key).getResultList();
            Team team;
            if (found.isEmpty()) {
                team = new Team(name, TeamKind.TEAM, now);
                em.persist(team);
                event(EntityType.TEAM, team.id(), team.getName(), "created", null, team.getName());
            } else {
                team = found.get(0);
            }
            TeamRef ref = new TeamRef(team.id(), team.getName());
            teamIds.put(key, ref);
            return ref;
        }

        private Map<UUID, List<TeamMembership>> teamMemberships(List<UUID> memberIds) {
            Map<UUID, List<TeamMembership>> out = new HashMap<>();
            em.createQuery("select tm from TeamMembership tm join fetch tm.team t where tm.member.id in :ids and t.kind = :k",
                            TeamMembership.class)
                    .setParameter("ids", memberIds).setParameter("k", TeamKind.TEAM).getResultList()
                    .forEach(tm -> out.computeIfAbsent(tm.getMember().id(), k -> new ArrayList<>()).add(tm));
            return out;
        }

        /**
         * Points {@code manager.value} at the manager's member id wherever the manager's e-mail is a
         * member (managers may appear anywhere in a file, so this runs after all rows).
         */
        private void linkManagers() {
            String stale = "from Member m, Member x where m.managerEmail is not null and x.emailLower = lower(m.managerEmail)"
                    + " and (m.managerId is null or m.managerId <> cast(x.id as String))";
            Set<UUID> linked = new HashSet<>();
            while (true) {
                List<Object[]> pairs = em.createQuery("select m, x " + stale, Object[].class).setMaxResults(CHUNK).getResultList();
                if (pairs.isEmpty()) {
                    break;
                }
                for (Object[] pair : pairs) {
                    Member m = (Member) pair[0];
                    if (!linked.add(m.id())) {
                        throw new IllegalStateException("manager link did not converge for " + m.getEmailLower());
                    }
                    String managerId = ((Member) pair[1]).id().toString();
                    event(EntityType.MEMBER, m.id(), m.getEmailLower(), "manager", m.getManagerId(), managerId);
                    m.setManagerId(managerId);
                }
                em.flush();
                em.clear();
            }
            List<Member> orphaned = em.createQuery("select m from Member m where m.managerId is not null and (m.managerEmail is null"
                    + " or not exists (select 1 from Member x where x.emailLower = lower(m.managerEmail)))", Member.class).getResultList();
            for (Member m : orphaned) {
                event(EntityType.MEMBER, m.id(), m.getEmailLower(), "manager", m.getManagerId(), null);
                m.setManagerId(null);
            }
            em.flush();
        }

        /** A complete snapshot: members in its scope that it did not report have left the organisation. */
        private void removeVanished() {
            String scope = snapshot.completeness() == Snapshot.Scope.IDP_MANAGED ? " and m.managedByIdp = true" : "";
            long inScope = em.createQuery("select count(m) from Member m where m.status <> :r" + scope, Long.class)
                    .setParameter("r", MemberStatus.REMOVED).getSingleResult();
            String vanished = "from Member m where m.status <> :r" + scope
                    + " and not exists (select 1 from SeenMember s where s.memberId = m.id)";
            long candidates = em.createQuery("select count(m) " + vanished, Long.class)
                    .setParameter("r", MemberStatus.REMOVED).getSingleResult();
            if (candidates > 0 && !options.allowMassRemoval() && candidates > options.massRemovalThreshold() * inScope) {
                throw new MassRemovalRefused(candidates, inScope, options.massRemovalThreshold());
            }
            while (true) {
                List<Member> batch = em.createQuery("select m " + vanished + " order by m.id", Member.class)
                        .setParameter("r", MemberStatus.REMOVED).setMaxResults(CHUNK).getResultList();
                if (batch.isEmpty()) {
                    break;
                }
                for (Member m : batch) {
                    event(EntityType.MEMBER, m.id(), m.getEmailLower(), MemberField.STATUS.label(), m.getStatus().name(),
                            MemberStatus.REMOVED.name());
                    m.setStatus(MemberStatus.REMOVED);
                    m.touch(now);
                    for (TeamMembership tm : em.createQuery("select tm from TeamMembership tm join fetch tm.team where tm.member = :m",
                            TeamMembership.class).setParameter("m", m).getResultList()) {
                        event(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), "team:" + tm.getTeam().getName(),
                                tm.getRole().name(), null);
                        touchedTeams.add(tm.getTeam().id());
                        em.remove(tm);
                    }
                    removed++;
                }
                em.flush();
                em.clear();
            }
        }

        /** Teams the CSV created and no member belongs to any more (a complete roster says they are gone). */
        private void removeEmptyTeams() {
            List<Team> empty = em.createQuery("select t from Team t where t.kind = :k and t.figmaTeamId is null"
                    + " and not exists (select 1 from TeamMembership tm where tm.team = t)", Team.class)
                    .setParameter("k", TeamKind.TEAM).getResultList();
            for (Team t : empty) {
                event(EntityType.TEAM, t.id(), t.getName(), "removed", t.getName(), null);
                touchedTeams.remove(t.id());
                em.remove(t);
            }
            em.flush();
        }

        private void touchTeams() {
            for (UUID id : touchedTeams) {
                Team t = em.find(Team.class, id);
                if (t != null) {
                    t.touch(now);
                }
            }
            em.flush();
        }

        private void event(EntityType type, UUID id, String key, String field, String oldValue, String newValue) {
            events++;
            em.persist(new ChangeEvent(run.id(), type, id, key, field, oldValue, newValue, now));
            if (changeLines.size() < MAX_CHANGE_LINES) {
                changeLines.add(key + " " + field + ": " + (oldValue == null ? "∅" : oldValue) + " → "
                        + (newValue == null ? "∅" : newValue));
            }
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
