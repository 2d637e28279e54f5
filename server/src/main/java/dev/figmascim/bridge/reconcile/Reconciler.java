package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgSetting;
import dev.figmascim.bridge.model.PendingManager;
import dev.figmascim.bridge.model.ReconciliationRun;
import dev.figmascim.bridge.model.RunStatus;
import dev.figmascim.bridge.model.SeenMember;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.model.SourceCursor;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.scim.NameParts;
import dev.figmascim.bridge.store.BulkInsert;
import dev.figmascim.bridge.store.DeferredIndexes;
import dev.figmascim.bridge.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Applies one {@link Snapshot} to the store in ONE transaction (ARCHITECTURE §5): a failure, a
 * refusal or a killed process leaves the previous state. Members are matched by figmaUserId, then by
 * lower-cased e-mail; field changes come from {@link MemberMerge} (pure) and are applied and recorded
 * here as ChangeEvents. Input is processed in chunks (flush + clear), so memory does not grow with the
 * snapshot. Only one run at a time: a lock in this process and, on PostgreSQL, a transaction-scoped
 * advisory lock that every replica and CLI process honours.
 *
 * <p>Besides members, a snapshot may report ({@link Snapshot#forEachIncoming}) team lifecycle,
 * workspaces and billing groups with their members, and organisation settings, applied in the order
 * they come by {@link Teams} and {@link OrgSettingMerge}; and it may move a source cursor, committed
 * in the same transaction as the changes it produced.
 */
public final class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final ReentrantLock LOCAL = new ReentrantLock();
    /** The advisory lock key: "FSBR" in ASCII. */
    static final long ADVISORY_LOCK_KEY = 0x46534252L;
    private static final int CHUNK = 2_000;
    /** The source whose e-mail for a user is authoritative: others match on e-mail but never change it. */
    private static final Source EMAIL_OWNER = MemberField.FIGMA_USER_ID.owner();
    /** What a member's display name is made of (NameParts; with the e-mail, its last resort): Groups show it. */
    private static final Set<MemberField> DISPLAY_FIELDS = EnumSet.of(MemberField.NAME, MemberField.GIVEN_NAME, MemberField.FAMILY_NAME);
    private static final int PROGRESS_EVERY = 10_000;
    /** New members after which PostgreSQL's statistics are refreshed within the run. */
    private static final int ANALYZE_AFTER = 1_000;
    /** "Reported" rows of a distinct snapshot kept in memory before they are written (about 80 bytes each: 20 MB). */
    private static final int SEEN_KEPT = 250_000;
    /** The tables a first load fills, whose indexes it builds once at the end of its rows (DeferredIndexes). */
    private static final List<String> LOADED_TABLES = List.of("member", "team_membership", "change_event");
    /** Kept while loading: new members' managers are looked up by e-mail. */
    private static final Set<String> KEPT_WHILE_LOADING = Set.of("uq_member_email");

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
        if (store.isClosing()) {
            throw new ShuttingDown(ShuttingDown.NOT_STARTED, null);
        }
        if (!LOCAL.tryLock()) {
            throw new ReconciliationBusy();
        }
        Instant start = Instant.now();
        try {
            Function<EntityManager, RunSummary> work = em -> {
                // A dry run goes through store.read, whose lock timeout a first load's DDL would hit.
                store.waitForLocks(em);
                lockAcrossProcesses(em);
                return new Run(em, snapshot, options, start, store.settings().isPostgres()).execute();
            };
            // A dry run does all the work in a transaction that is always rolled back.
            return options.dryRun() ? store.read(work) : store.inTransaction(work);
        } catch (ReconciliationBusy e) {
            throw e;
        } catch (SnapshotRejected e) {
            recordFailure(snapshot, options, start, e.getMessage() + "\n" + String.join("\n", e.problems()));
            throw e;
        } catch (RuntimeException e) {
            // An interrupt (the server stopping its requests) is the reason, whatever the I/O it broke says.
            // The flag is cleared while the failure is recorded, or the pool would refuse that connection too.
            boolean interrupted = Thread.interrupted();
            try {
                recordFailure(snapshot, options, start, interrupted ? RunInterrupted.MESSAGE
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw interrupted ? new RunInterrupted(e) : e;
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

    /**
     * For a shutdown: refuses new runs on {@code store} from now on ({@link Store#markClosing}), then waits
     * up to {@code grace} for the run in progress in this process, if any, to commit or roll back.
     * Returns whether none is left running.
     */
    public static boolean stopAfterRun(Store store, java.time.Duration grace) throws InterruptedException {
        store.markClosing();
        if (!LOCAL.tryLock(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        LOCAL.unlock();
        return true;
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
        private final boolean postgres;
        private final Snapshot snapshot;
        private final ReconcileOptions options;
        private final Instant now;
        private final ReconciliationRun run;
        private final ChangeLog log;
        private final Teams teams;
        private final List<IncomingMember> chunk = new ArrayList<>(CHUNK);
        /** New members of the current chunk and their memberships, inserted in bulk when the chunk ends. */
        private final BulkInsert<Member> freshMembers = new BulkInsert<>(Member.class);
        private final BulkInsert<TeamMembership> freshMemberships = new BulkInsert<>(TeamMembership.class);
        private final Set<UUID> freshIds = new HashSet<>();
        private final BulkInsert<SeenMember> seenRows = new BulkInsert<>(SeenMember.class);
        /** Of the members reported, those in the snapshot's scope after their report (distinct snapshots only). */
        private long seenInScope;
        private int added;
        private int updated;
        private int removed;
        private int unchanged;
        private long processed;
        /** Every report is a new member: the snapshot's members are distinct and the store had none. */
        private boolean allNew;
        private boolean analyzedEarly;
        /** Whether a member was added or changed its e-mail or manager e-mail: only then can a manager link change. */
        private boolean managerInputsChanged;
        /** CSV runs: the digest of each report (RowDigest). */
        private final RowDigest rowDigest;
        private final Map<UUID, String> rowsToRecord = new HashMap<>();
        /** A first load's dropped indexes, restored after its last member (null when none were dropped). */
        private DeferredIndexes deferred;

        Run(EntityManager em, Snapshot snapshot, ReconcileOptions options, Instant now, boolean postgres) {
            this.em = em;
            this.postgres = postgres;
            this.snapshot = snapshot;
            this.options = options;
            this.now = now;
            this.run = new ReconciliationRun(snapshot.source(), snapshot.name(), snapshot.sha256(), options.dryRun(), now);
            this.log = new ChangeLog(em, run.id(), now);
            this.teams = new Teams(em, log, now);
            this.rowDigest = snapshot.source() == Source.CSV && snapshot.membersDistinct() ? new RowDigest() : null;
        }

        RunSummary execute() {
            em.persist(run);
            // The run's row first: change events (written in bulk, outside the persistence context) refer to it.
            em.flush();
            clearScratch();
            allNew = snapshot.membersDistinct()
                    && em.createQuery("select m.id from Member m", UUID.class).setMaxResults(1).getResultList().isEmpty();
            long t0 = System.nanoTime();
            snapshot.forEachIncoming(this::accept);
            processChunk();
            restoreIndexes();
            long t1 = System.nanoTime();
            refreshStatistics();
            resolvePendingManagers();
            linkManagers();
            long t2 = System.nanoTime();

            if (snapshot.completeness() != Snapshot.Scope.NONE) {
                if (!allNew) {
                    removeVanished();
                }
                if (snapshot.reportsTeams()) {
                    teams.removeEmptyTeams();
                }
            }
            if (snapshot.reportsGroupings()) {
                teams.removeUnlistedGroupings();
            }
            long t3 = System.nanoTime();
            teams.touchAll();
            LOG.fine(() -> "run phases: members " + (t1 - t0) / 1_000_000 + " ms, managers " + (t2 - t1) / 1_000_000
                    + " ms, removals " + (t3 - t2) / 1_000_000 + " ms");
            snapshot.cursor().ifPresent(this::advance);
            clearScratch();
            log.write();
            ReconciliationRun managed = em.find(ReconciliationRun.class, run.id());
            managed.succeed(added, updated, removed, unchanged, Instant.now());
            em.flush();
            List<String> warnings = new ArrayList<>(snapshot.warnings());
            warnings.addAll(log.warnings());
            return new RunSummary(options.dryRun() ? null : run.id(), snapshot.source(), RunStatus.SUCCEEDED, options.dryRun(),
                    added, updated, removed, unchanged, log.events(), log.lines(), List.copyOf(warnings));
        }

        /**
         * After many new rows (a first load), PostgreSQL's planner still believes the tables are as small as
         * they were: the passes that follow, and the next run, would get plans made for empty tables (hash
         * joins over everything, per page). ANALYZE inside the run's transaction counts the run's own rows,
         * and its statistics commit or roll back with the run (a dry run's too). Statistics taken early
         * stay useful as the table grows: the planner scales them by the table's current size.
         */
        private void refreshStatistics() {
            if (!postgres || added < ANALYZE_AFTER) {
                return;
            }
            em.flush();
            em.createNativeQuery("analyze member, team, team_membership").executeUpdate();
        }

        /**
         * A first load past its first chunk is a big one: its rows go into tables without their secondary
         * indexes and foreign keys, which are built once when the rows are in (PostgreSQL).
         */
        private void deferIndexesOfBigFirstLoad() {
            if (postgres && allNew && deferred == null && processed >= CHUNK) {
                em.flush();
                deferred = DeferredIndexes.drop(em, LOADED_TABLES, KEPT_WHILE_LOADING);
            }
        }

        /** The teams the chunk's changing reports name, looked up together. */
        private void lookUpTeams(List<IncomingMember> reports, boolean[] quiet) {
            if (!snapshot.reportsTeams()) {
                return;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                if (!quiet[i] && reports.get(i).teams() != null) {
                    reports.get(i).teams().forEach(a -> names.add(a.team()));
                }
            }
            teams.lookUpTeams(names);
        }

        /** Before anything reads the loaded tables by their other indexes (managers, removals, the next run). */
        private void restoreIndexes() {
            if (deferred != null) {
                em.flush();
                deferred.restore();
                deferred = null;
            }
        }

        private void clearScratch() {
            em.createQuery("delete from SeenMember").executeUpdate();
            em.createQuery("delete from PendingManager").executeUpdate();
        }

        /** Members are batched; anything else is applied in its place, after the members before it. */
        private void accept(Incoming in) {
            switch (in) {
                case IncomingMember member -> {
                    chunk.add(member);
                    if (chunk.size() == CHUNK) {
                        processChunk();
                    }
                }
                case IncomingTeam team -> {
                    processChunk();
                    teams.apply(team);
                    em.flush();
                }
                case IncomingGrouping grouping -> {
                    processChunk();
                    teams.apply(grouping);
                    em.flush();
                    em.clear();
                }
                case IncomingSetting setting -> {
                    processChunk();
                    applySetting(setting);
                }
            }
        }

        private void processChunk() {
            if (chunk.isEmpty()) {
                return;
            }
            deferIndexesOfBigFirstLoad();
            String[] digests = recogniseUnchanged();
            Map<String, Member> byEmail = new HashMap<>();
            Map<String, Member> byFigmaId = new HashMap<>();
            for (Member m : existing(chunk)) {
                byEmail.put(m.getEmailLower(), m);
                if (m.getFigmaUserId() != null) {
                    byFigmaId.put(m.getFigmaUserId(), m);
                }
            }
            Map<String, String> managerEmails = managerEmails(chunk);
            List<UUID> existingIds = byEmail.values().stream().map(Member::id).toList();
            // Most reports of a rerun change nothing: they are recognised on the read-only members and
            // their teams as plain values, and only the members that do change become managed entities,
            // with their memberships.
            List<IncomingMember> reports = new ArrayList<>(chunk.size());
            List<Member> stored = new ArrayList<>(chunk.size());
            for (IncomingMember reported : chunk) {
                IncomingMember in = withKnownManager(reported, managerEmails);
                reports.add(in);
                stored.add(match(in, byFigmaId, byEmail));
            }
            boolean[] quiet = quietReports(reports, stored, managerEmails, existingIds);
            lookUpTeams(reports, quiet);
            Set<UUID> changing = new HashSet<>();
            for (int i = 0; i < chunk.size(); i++) {
                Member m = quiet[i] ? null : stored.get(i);
                if (m != null && changing.add(m.id())) {
                    em.unwrap(Session.class).setReadOnly(m, false);
                }
            }
            Map<UUID, List<TeamMembership>> memberships = snapshot.reportsTeams() && !changing.isEmpty()
                    ? teamMemberships(List.copyOf(changing)) : Map.of();
            // Members an earlier chunk of this run already reported (possible when a source lists one
            // member twice, e.g. under an old and a new e-mail): one query per chunk, not per member. A
            // snapshot whose members are distinct reports each at most once.
            Set<UUID> seen = existingIds.isEmpty() || snapshot.membersDistinct() ? new HashSet<>() : new HashSet<>(em.createQuery(
                    "select s.memberId from SeenMember s where s.memberId in :ids", UUID.class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", existingIds).getResultList());
            for (int i = 0; i < chunk.size(); i++) {
                IncomingMember in = reports.get(i);
                String managerRef = managerEmails.containsKey(in.managerFigmaUserId()) ? null : in.managerFigmaUserId();
                // Matched again: a member created earlier in this loop may be the one reported.
                Member m = match(in, byFigmaId, byEmail);
                if (quiet[i]) {
                    unchanged++;
                    countSeen(m, seen);
                    remember(m, digests, i);
                    continue;
                }
                if (m != null && freshIds.contains(m.id())) {
                    // Reported twice in one chunk (e.g. under an old and a new e-mail): the first report's
                    // new member is written now and changed as a managed entity.
                    writeFresh();
                    m = em.find(Member.class, m.id());
                    memberships = new HashMap<>(memberships);
                    memberships.putAll(teamMemberships(List.of(m.id())));
                    byEmail.put(m.getEmailLower(), m);
                }
                boolean created = m == null;
                boolean changed;
                if (created) {
                    if (!in.createIfAbsent() || in.email() == null) {
                        log.warn("skipped reports about members the store does not have");
                        continue;
                    }
                    m = create(in, in.teamOperations().isEmpty(), digests == null ? null : digests[i]);
                    byEmail.put(m.getEmailLower(), m);
                    if (m.getFigmaUserId() != null) {
                        byFigmaId.put(m.getFigmaUserId(), m);
                    }
                    changed = true;
                } else {
                    changed = update(m, in);
                }
                if (in.teams() != null && snapshot.reportsTeams()) {
                    Consumer<TeamMembership> add = freshIds.contains(m.id()) ? freshMemberships::add : em::persist;
                    changed |= teams.syncTeams(m, in.teams(), memberships.getOrDefault(m.id(), List.of()), add);
                }
                changed |= teams.apply(m, in.teamOperations());
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
                if (managerRef != null) {
                    defer(m, managerRef, !created && !changed);
                }
                countSeen(m, seen);
                remember(m, digests, i);
            }
            chunk.clear();
            linkFreshManagers(byEmail);
            writeFresh();
            recordRows();
            if (!snapshot.membersDistinct() || seenRows.size() >= SEEN_KEPT) {
                // A source that may report a member twice asks which were seen (above), so they are written now.
                seenRows.write(em);
            }
            log.write();
            em.clear();
            if (!analyzedEarly && added >= ANALYZE_AFTER) {
                // Once early in a big load too: the next chunks' look-ups (managers among the members
                // written so far) are then planned for a table that grows, not for an empty one.
                refreshStatistics();
                analyzedEarly = true;
            }
        }

        /**
         * Points new members' {@code manager.value} at their manager before they are written, when the
         * manager is already known: in this chunk, or in the store (earlier in the file, or from an earlier
         * run). An org chart exported top-down names every manager before their reports, and each link made
         * here is one row fewer for the UPDATE of {@link #linkManagers}, which links the rest after all rows.
         * Matched as that pass matches: the lower-cased e-mail.
         */
        private void linkFreshManagers(Map<String, Member> byEmail) {
            Map<String, UUID> managerIds = new HashMap<>();
            Set<String> unknown = new HashSet<>();
            for (Member m : freshMembers.pending()) {
                if (m.getManagerEmail() != null && m.getManagerId() == null) {
                    String key = m.getManagerEmail().toLowerCase(Locale.ROOT);
                    Member manager = byEmail.get(key);
                    if (manager != null) {
                        managerIds.put(key, manager.id());
                    } else {
                        unknown.add(key);
                    }
                }
            }
            if (!unknown.isEmpty()) {
                em.createQuery("select m.emailLower, m.id from Member m where m.emailLower in :e", Object[].class)
                        .setFlushMode(FlushModeType.COMMIT).setParameter("e", unknown).getResultList()
                        .forEach(row -> managerIds.put((String) row[0], (UUID) row[1]));
            }
            for (Member m : freshMembers.pending()) {
                UUID manager = m.getManagerEmail() == null || m.getManagerId() != null ? null
                        : managerIds.get(m.getManagerEmail().toLowerCase(Locale.ROOT));
                if (manager != null) {
                    m.setManagerId(manager.toString());
                    log.record(EntityType.MEMBER, m.id(), m.getEmailLower(), "manager", null, m.getManagerId());
                } else if (m.getManagerEmail() != null && m.getManagerId() == null) {
                    // Named later in the file, or no member: linkManagers looks again after all rows.
                    managerInputsChanged = true;
                }
            }
        }

        /** The member's report is done: its seen row (see removeVanished) and the progress count. */
        private void countSeen(Member m, Set<UUID> seen) {
            countSeen(m.id(), m.getStatus(), m.isManagedByIdp(), seen);
        }

        private void countSeen(UUID id, MemberStatus status, boolean managedByIdp, Set<UUID> seen) {
            // Into an empty store nobody can vanish: the seen rows only serve removeVanished.
            if (!allNew && seen.add(id)) {
                seenRows.add(new SeenMember(id));
                if (status != MemberStatus.REMOVED && (snapshot.completeness() != Snapshot.Scope.IDP_MANAGED || managedByIdp)) {
                    seenInScope++;
                }
            }
            processed++;
            if (options.progress() != null && processed % PROGRESS_EVERY == 0) {
                options.progress().accept(processed);
            }
        }

        /**
         * A CSV run: drops from the chunk the reports that are recognised as unchanged without loading their
         * member, and returns the digests of the reports that stay, in chunk order (null for other sources).
         * A report is unchanged when its member was last reconciled from a row with the same digest and has
         * not changed since: its version is the one recorded then. Every change to a member moves its
         * version, and so does every change to its team memberships and to the teams it is in (a rename or a
         * new kind stamps their members, a merge or delete makes them leave: Teams). The full path would then
         * find nothing to change, since applying a row leaves nothing of it to apply again.
         */
        private String[] recogniseUnchanged() {
            if (rowDigest == null) {
                return null;
            }
            String[] digests = new String[chunk.size()];
            for (int i = 0; i < digests.length; i++) {
                digests[i] = rowDigest.of(chunk.get(i));
            }
            if (allNew) {
                return digests;
            }
            List<String> emails = chunk.stream().map(in -> Member.normalizeEmail(in.email())).toList();
            Map<String, Object[]> recorded = new HashMap<>();
            em.createQuery("select m.emailLower, m.id, m.csvRowHash, m.csvRowVersion, m.version, m.status, m.managedByIdp"
                            + " from Member m where m.emailLower in :e", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("e", emails).getResultList()
                    .forEach(row -> recorded.put((String) row[0], row));
            List<IncomingMember> rest = new ArrayList<>(chunk.size());
            List<String> restDigests = new ArrayList<>(chunk.size());
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < digests.length; i++) {
                Object[] row = recorded.get(emails.get(i));
                // The recorded version (null: no row recorded) against the member's: both Long.
                if (row != null && digests[i].equals(row[2]) && Objects.equals(row[3], row[4])) {
                    unchanged++;
                    countSeen((UUID) row[1], (MemberStatus) row[5], (Boolean) row[6], seen);
                } else {
                    rest.add(chunk.get(i));
                    restDigests.add(digests[i]);
                }
            }
            chunk.clear();
            chunk.addAll(rest);
            return restDigests.toArray(String[]::new);
        }

        /** An existing member a CSV report took the full path for: its row is recorded after the chunk's writes. */
        private void remember(Member m, String[] digests, int i) {
            if (digests != null && m != null && !freshIds.contains(m.id())) {
                rowsToRecord.put(m.id(), digests[i]);
            }
        }

        /**
         * Records the rows of the chunk's existing members (a new member's is inserted with it), with the
         * version each has now: called right after writeFresh, which flushed the chunk's changes. One batched
         * UPDATE that Hibernate does not see, so no version or lastModified moves.
         */
        private void recordRows() {
            if (rowsToRecord.isEmpty()) {
                return;
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update member set csv_row_hash = ?, csv_row_version = version where id = ?")) {
                    for (Map.Entry<UUID, String> e : rowsToRecord.entrySet()) {
                        update.setString(1, e.getValue());
                        update.setObject(2, e.getKey());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            });
            rowsToRecord.clear();
        }

        /** The report with the e-mail of its manager when the manager, named by Figma user id, is in the store. */
        private static IncomingMember withKnownManager(IncomingMember in, Map<String, String> managerEmails) {
            String ref = in.managerFigmaUserId();
            return ref != null && managerEmails.containsKey(ref) ? in.with(MemberField.MANAGER_EMAIL, managerEmails.get(ref)) : in;
        }

        /** The stored member a report is about: by Figma user id, else by lower-cased e-mail. */
        private static Member match(IncomingMember in, Map<String, Member> byFigmaId, Map<String, Member> byEmail) {
            Member m = in.figmaUserId() == null ? null : byFigmaId.get(in.figmaUserId());
            return m == null && in.email() != null ? byEmail.get(Member.normalizeEmail(in.email())) : m;
        }

        /**
         * Which reports of the chunk change nothing at all: the member exists, is reported once in the
         * chunk, has been reported by this source before, and neither its e-mail, nor a field by the
         * precedence rules, nor its teams would change, and no manager waits for resolution. Exactly the
         * reports the full path below would count unchanged without writing anything.
         */
        private boolean[] quietReports(List<IncomingMember> reports, List<Member> stored, Map<String, String> managerEmails,
                List<UUID> existingIds) {
            boolean[] quiet = new boolean[reports.size()];
            if (existingIds.isEmpty()) {
                return quiet;
            }
            Map<UUID, Integer> timesReported = new HashMap<>();
            stored.stream().filter(Objects::nonNull).forEach(m -> timesReported.merge(m.id(), 1, Integer::sum));
            Map<UUID, Map<String, TeamRole>> teamsNow = snapshot.reportsTeams() ? currentTeams(existingIds) : Map.of();
            for (int i = 0; i < reports.size(); i++) {
                Member m = stored.get(i);
                IncomingMember in = reports.get(i);
                String ref = in.managerFigmaUserId();
                quiet[i] = m != null && timesReported.get(m.id()) == 1 && (ref == null || managerEmails.containsKey(ref))
                        && in.teamOperations().isEmpty() && MemberMerge.seenAt(m, snapshot.source()) != null
                        && !emailChanges(m, in)
                        && (in.teams() == null || !snapshot.reportsTeams()
                            || !Teams.wouldChange(in.teams(), teamsNow.getOrDefault(m.id(), Map.of())))
                        && MemberMerge.diff(m, in, snapshot.source()).isEmpty();
            }
            return quiet;
        }

        /** The TEAM memberships of these members as values: team name (normalised) → role. */
        private Map<UUID, Map<String, TeamRole>> currentTeams(List<UUID> memberIds) {
            Map<UUID, Map<String, TeamRole>> out = new HashMap<>();
            em.createQuery("select tm.member.id, t.name, tm.role from TeamMembership tm join tm.team t"
                            + " where tm.member.id in :ids and t.kind = :k", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", memberIds).setParameter("k", TeamKind.TEAM).getResultList()
                    .forEach(row -> out.computeIfAbsent((UUID) row[0], k -> new HashMap<>()).put(Team.normalizeName((String) row[1]),
                            (TeamRole) row[2]));
            return out;
        }

        /**
         * Flushes the chunk's managed changes (teams it created among them), then inserts its new members
         * and their memberships in bulk, in that order for the foreign keys.
         */
        private void writeFresh() {
            em.flush();
            freshMembers.write(em);
            freshMemberships.write(em);
            freshIds.clear();
        }

        /**
         * The stored members the chunk's reports may be about, by e-mail or Figma user id, read-only (no
         * snapshot, no dirty check; processChunk makes the ones that change writable). This and the
         * chunk's other look-ups run when everything before them is flushed, so they skip Hibernate's
         * automatic flush (a dirty check of every entity the chunk has loaded, before each query).
         */
        private List<Member> existing(List<IncomingMember> reports) {
            if (allNew) {
                return List.of();
            }
            Set<String> emails = new HashSet<>();
            Set<String> figmaIds = new HashSet<>();
            for (IncomingMember in : reports) {
                if (in.email() != null) {
                    emails.add(Member.normalizeEmail(in.email()));
                }
                if (in.figmaUserId() != null) {
                    figmaIds.add(in.figmaUserId());
                }
            }
            List<Member> found = new ArrayList<>();
            if (!emails.isEmpty()) {
                found.addAll(em.createQuery("select m from Member m where m.emailLower in :e", Member.class)
                        .setFlushMode(FlushModeType.COMMIT).setHint(HibernateHints.HINT_READ_ONLY, true)
                        .setParameter("e", emails).getResultList());
            }
            if (!figmaIds.isEmpty()) {
                found.addAll(em.createQuery("select m from Member m where m.figmaUserId in :f", Member.class)
                        .setFlushMode(FlushModeType.COMMIT).setHint(HibernateHints.HINT_READ_ONLY, true)
                        .setParameter("f", figmaIds).getResultList());
            }
            return found;
        }

        /** Managers named by Figma user id whose member is already in the store: id → e-mail. */
        private Map<String, String> managerEmails(List<IncomingMember> reports) {
            Set<String> refs = new HashSet<>();
            reports.stream().map(IncomingMember::managerFigmaUserId).filter(Objects::nonNull).forEach(refs::add);
            Map<String, String> out = new HashMap<>();
            if (!refs.isEmpty()) {
                em.createQuery("select m.figmaUserId, m.email from Member m where m.figmaUserId in :r", Object[].class)
                        .setParameter("r", refs).getResultList()
                        .forEach(row -> out.put((String) row[0], (String) row[1]));
            }
            return out;
        }

        /** The manager is not in the store yet (later in the pull): look again when every member is. */
        private void defer(Member m, String managerFigmaUserId, boolean countedUnchanged) {
            PendingManager pending = em.find(PendingManager.class, m.id());
            if (pending == null) {
                em.persist(new PendingManager(m.id(), managerFigmaUserId, countedUnchanged));
            } else {
                pending.setManagerFigmaUserId(managerFigmaUserId);
            }
        }

        /**
         * Gives members whose manager was named by Figma user id the manager's e-mail, now that every
         * member of the run is in the store. A manager id that matches no member stays unreported.
         */
        private void resolvePendingManagers() {
            String query = "select p, x.email from PendingManager p, Member x where x.figmaUserId = p.managerFigmaUserId"
                    + " and p.memberId > :after order by p.memberId";
            // The lowest UUID in the databases' (unsigned) order, which is not Java's signed one.
            UUID after = new UUID(0L, 0L);
            while (true) {
                List<Object[]> rows = em.createQuery(query, Object[].class).setParameter("after", after)
                        .setMaxResults(CHUNK).getResultList();
                if (rows.isEmpty()) {
                    break;
                }
                for (Object[] row : rows) {
                    PendingManager pending = (PendingManager) row[0];
                    after = pending.memberId();
                    Member m = em.find(Member.class, pending.memberId());
                    IncomingMember in = new IncomingMember(m.getEmail(), Map.of(MemberField.MANAGER_EMAIL, row[1]), null);
                    if (update(m, in)) {
                        MemberMerge.markSeen(m, snapshot.source(), now);
                        if (pending.isCountedUnchanged()) {
                            unchanged--;
                            updated++;
                        }
                    }
                }
                em.flush();
                em.clear();
            }
        }

        /**
         * A new member; inserted in bulk at the end of the chunk when {@code bulk} (then not managed: its
         * memberships go to the bulk insert too), else persisted.
         */
        private Member create(IncomingMember in, boolean bulk, String digest) {
            if (!allNew || !bulk) {
                // Members already stored may name this one as their manager, or (not bulk) its own manager is
                // not linked before it is written. Into an empty store, linkFreshManagers links what it can
                // and flags the rest.
                managerInputsChanged = true;
            }
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
            if (digest != null) {
                m.recordCsvRow(digest);
            }
            if (bulk) {
                freshMembers.add(m);
                freshIds.add(m.id());
            } else {
                em.persist(m);
            }
            // One event for a new member, not one per field: the member's state is in the store.
            log.record(EntityType.MEMBER, m.id(), m.getEmailLower(), "created", null, m.getEmail());
            return m;
        }

        /**
         * Applies the merge to an existing member; returns whether anything changed. Only the source
         * that owns figmaUserId may change the e-mail of a member matched by id: the others' e-mails
         * (an activity-log event's) may be older than the store's.
         */
        private boolean emailChanges(Member m, IncomingMember in) {
            return in.email() != null && snapshot.source() == EMAIL_OWNER && !m.getEmailLower().equals(Member.normalizeEmail(in.email()));
        }

        private boolean update(Member m, IncomingMember in) {
            boolean emailChanged = emailChanges(m, in);
            if (emailChanged) {
                log.record(EntityType.MEMBER, m.id(), m.getEmailLower(), "userName", m.getEmail(), in.email().trim());
                m.setEmail(in.email());
            }
            List<FieldChange> changes = MemberMerge.diff(m, in, snapshot.source());
            for (FieldChange c : changes) {
                c.field().set(m, c.newValue());
                log.record(EntityType.MEMBER, m.id(), m.getEmailLower(), c.field().label(), ChangeLog.text(c.oldValue()),
                        ChangeLog.text(c.newValue()));
            }
            if (emailChanged || changes.stream().anyMatch(c -> c.field() == MemberField.MANAGER_EMAIL)) {
                managerInputsChanged = true;
            }
            if (emailChanged || changes.stream().anyMatch(c -> DISPLAY_FIELDS.contains(c.field()))) {
                teams.memberRenamed(m.id());
            }
            return emailChanged || !changes.isEmpty();
        }

        private Map<UUID, List<TeamMembership>> teamMemberships(List<UUID> memberIds) {
            Map<UUID, List<TeamMembership>> out = new HashMap<>();
            em.createQuery("select tm from TeamMembership tm join fetch tm.team t where tm.member.id in :ids and t.kind = :k",
                            TeamMembership.class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", memberIds).setParameter("k", TeamKind.TEAM).getResultList()
                    .forEach(tm -> out.computeIfAbsent(tm.getMember().id(), k -> new ArrayList<>()).add(tm));
            return out;
        }

        /**
         * Points {@code manager.value} at the manager's member id wherever the manager's e-mail is a
         * member (managers may appear anywhere in a file, so this runs after all rows), and clears it
         * where the manager is no member. Each change is recorded from a keyset-paged scan of scalars (no
         * entities loaded), then applied by one UPDATE per kind; the UPDATE moves version and
         * lastModified as Hibernate would.
         */
        private void linkManagers() {
            if (!managerInputsChanged) {
                // A link depends on the member's manager e-mail and on which e-mails are members: neither
                // changed in this run, and the run before left every link right.
                return;
            }
            String manager = "(select cast(x.id as String) from Member x where x.emailLower = lower(m.managerEmail))";
            // One condition for both kinds of change: a manager to point at, or one to clear.
            String changed = "(m.managerEmail is not null or m.managerId is not null)"
                    + " and coalesce(m.managerId, '') <> coalesce(" + manager + ", '')";
            em.flush();
            if (recordManagerChanges("select m.id, m.emailLower, m.managerId, " + manager + " from Member m where " + changed) == 0) {
                // The UPDATE would find what the scan found: nothing (every rerun), so it is not run.
                return;
            }
            em.createQuery("update Member m set m.managerId = " + manager + ", m.version = m.version + 1, m.lastModified = :now"
                    + " where " + changed).setParameter("now", now).executeUpdate();
        }

        /** Records a manager change for each row of {@code select} (id, key, old, new), read by member id; returns how many. */
        private long recordManagerChanges(String select) {
            long recorded = 0;
            String page = select + " and m.id > :after order by m.id";
            UUID after = new UUID(0, 0);
            while (true) {
                List<Object[]> rows = em.createQuery(page, Object[].class).setParameter("after", after)
                        .setMaxResults(CHUNK * 10).getResultList();
                if (rows.isEmpty()) {
                    break;
                }
                for (Object[] row : rows) {
                    after = (UUID) row[0];
                    log.record(EntityType.MEMBER, after, (String) row[1], "manager", (String) row[2], (String) row[3]);
                }
                recorded += rows.size();
            }
            return recorded;
        }

        /** A complete snapshot: members in its scope that it did not report have left the organisation. */
        private void removeVanished() {
            String scope = snapshot.completeness() == Snapshot.Scope.IDP_MANAGED ? " and m.managedByIdp = true" : "";
            long inScope = em.createQuery("select count(m) from Member m where m.status <> :r" + scope, Long.class)
                    .setParameter("r", MemberStatus.REMOVED).getSingleResult();
            if (snapshot.membersDistinct() && seenInScope == inScope) {
                // Distinct reports of as many members in scope as there are: every one was reported (a
                // rerun of the same file). The "reported" rows kept in memory are never written.
                return;
            }
            seenRows.write(em);
            String vanished = "from Member m where m.status <> :r" + scope
                    + " and not exists (select 1 from SeenMember s where s.memberId = m.id)";
            long candidates = em.createQuery("select count(m) " + vanished, Long.class)
                    .setParameter("r", MemberStatus.REMOVED).getSingleResult();
            if (candidates > 0 && !options.allowMassRemoval() && candidates > options.massRemovalThreshold() * inScope) {
                throw new MassRemovalRefused(candidates, inScope, options.massRemovalThreshold());
            }
            UUID after = new UUID(0, 0);
            while (true) {
                List<Member> batch = em.createQuery("select m " + vanished + " and m.id > :after order by m.id", Member.class)
                        .setParameter("r", MemberStatus.REMOVED).setParameter("after", after).setMaxResults(CHUNK).getResultList();
                if (batch.isEmpty()) {
                    break;
                }
                for (Member m : batch) {
                    after = m.id();
                    log.record(EntityType.MEMBER, m.id(), m.getEmailLower(), MemberField.STATUS.label(), m.getStatus().name(),
                            MemberStatus.REMOVED.name());
                    m.setStatus(MemberStatus.REMOVED);
                    m.touch(now);
                    for (TeamMembership tm : em.createQuery("select tm from TeamMembership tm join fetch tm.team where tm.member = :m",
                            TeamMembership.class).setParameter("m", m).getResultList()) {
                        teams.leave(m, tm);
                    }
                    removed++;
                }
                em.flush();
                em.clear();
            }
        }

        /** Records an organisation setting when it wins over the stored one (OrgSettingMerge) and changes it. */
        private void applySetting(IncomingSetting in) {
            OrgSetting row = em.find(OrgSetting.class, in.key());
            OrgSettingMerge.Stored stored = row == null ? null
                    : new OrgSettingMerge.Stored(row.getValue(), row.getSource(), row.getConfirmedAt());
            OrgSettingMerge.Decision decision = OrgSettingMerge.decide(stored, in, snapshot.source());
            if (!decision.applies()) {
                return;
            }
            String old = row == null ? null : row.getValue();
            if (!decision.value().equals(old)) {
                log.record(EntityType.SETTING, null, in.key().name(), "value", old, decision.value());
            }
            if (row == null) {
                em.persist(new OrgSetting(in.key(), decision.value(), snapshot.source(), in.observedAt()));
            } else if (!decision.value().equals(old) || !in.observedAt().equals(row.getConfirmedAt())
                    || row.getSource() != snapshot.source()) {
                row.confirm(decision.value(), snapshot.source(), in.observedAt());
            }
            em.flush();
        }

        /** Commits the cursor with the run's data, if it is still where the batch was read from. */
        private void advance(CursorAdvance cursor) {
            SourceCursor row = em.find(SourceCursor.class, cursor.source());
            String current = row == null ? null : row.getCursorValue();
            if (!Objects.equals(current, cursor.expected())) {
                throw new CursorMoved(cursor.source());
            }
            if (cursor.next() == null || cursor.next().equals(current)) {
                return;
            }
            if (row == null) {
                em.persist(new SourceCursor(cursor.source(), cursor.next(), run.id(), now));
            } else {
                row.advance(cursor.next(), run.id(), now);
            }
            em.flush();
        }
    }
}
