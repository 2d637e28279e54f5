package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.EntityType;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Teams, workspaces and billing groups within one run: finding and creating them, their lifecycle,
 * and memberships, each change recorded in the run's {@link ChangeLog}. Holds ids only, never
 * entities, because the run clears its persistence context after every chunk.
 *
 * <p>Teams are found by Figma team id first, then by name among teams (docs/activity-log.md, "Teams").
 * A team the store learns of by id alone (a membership event) is named {@code Figma team <id>} until
 * a create or rename event names it; a name event whose name a CSV-made team (no id) already has
 * merges the two.
 */
final class Teams {

    private static final int CHUNK = 500;

    private final EntityManager em;
    private final ChangeLog log;
    private final Instant now;
    /** Teams found by name in this run (the CSV path): id and name, kept across the run's em.clear(). */
    private final Map<String, Named> teamIdsByName = new HashMap<>();
    private final Set<UUID> touched = new HashSet<>();
    /** Teams renamed in this run: their name is part of each member's User (groups, teams), so members move on too. */
    private final Set<UUID> renamed = new HashSet<>();
    /** Members whose display name changed in this run: it is part of each of their teams' Group (members.display). */
    private final Set<UUID> renamedMembers = new HashSet<>();
    private final Set<UUID> seenGroupings = new HashSet<>();
    private Set<String> workspaceNames;
    private Set<String> billingGroupNames;

    Teams(EntityManager em, ChangeLog log, Instant now) {
        this.em = em;
        this.log = log;
        this.now = now;
    }

    /** The ChangeEvent field of a membership: {@code team:Web App}, {@code workspace:Product}, {@code billingGroup:…}. */
    static String field(Team t) {
        String prefix = switch (t.getKind()) {
            case TEAM -> "team:";
            case WORKSPACE -> "workspace:";
            case BILLING_GROUP -> "billingGroup:";
        };
        return prefix + t.getName();
    }

    /** The name a team known only by id carries until an event names it. */
    static String placeholderName(String figmaTeamId) {
        return "Figma team " + figmaTeamId;
    }

    // ---------------------------------------------------------------- lookup

    /** A team's id and name: all a new membership and its ChangeEvent need. */
    private record Named(UUID id, String name) {
    }

    /** In the cache for a name the database has no team of (yet): {@link #teamByName} creates it without asking. */
    private static final Named ABSENT = new Named(null, null);
    /** Names per look-up query: well within every database's limit on bound parameters. */
    private static final int NAMES_PER_QUERY = 1_000;

    /**
     * The team of this name, created when absent (the CSV's Teams column). Cached by name for the run; every
     * rename, merge or delete empties the cache.
     */
    private Named teamByName(String name) {
        String key = Team.normalizeName(name);
        Named known = teamIdsByName.get(key);
        if (known == null) {
            lookUpTeams(List.of(name));
            known = teamIdsByName.get(key);
        }
        if (known == ABSENT) {
            create(name, TeamKind.TEAM, null);   // which caches it under its name
            known = teamIdsByName.get(key);
        }
        return known;
    }

    /**
     * Reads into the cache which of these team names exist, a chunk's names in one query rather than one
     * query per name (a first load meets all its teams in its first chunk). Without the automatic flush:
     * it dirty-checks every entity the chunk has loaded. Every team this run created or renamed is in the
     * cache or flushed (create, rename), so the database answers for the rest.
     */
    void lookUpTeams(Collection<String> names) {
        Map<String, String> unknown = new HashMap<>();
        for (String name : names) {
            String key = Team.normalizeName(name);
            if (!teamIdsByName.containsKey(key)) {
                unknown.put(key, name);
            }
        }
        List<String> keys = List.copyOf(unknown.keySet());
        for (int from = 0; from < keys.size(); from += NAMES_PER_QUERY) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + NAMES_PER_QUERY));
            em.createQuery("select t.nameLower, t.id, t.name from Team t where t.kind = :k and t.nameLower in :n", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("k", TeamKind.TEAM).setParameter("n", slice).getResultList()
                    .forEach(row -> teamIdsByName.put((String) row[0], new Named((UUID) row[1], (String) row[2])));
            slice.forEach(key -> teamIdsByName.putIfAbsent(key, ABSENT));
        }
    }

    /** The team a source names, or null; created (with its id and, if known, its name) when {@code create}. */
    Team resolve(TeamRef ref, boolean create) {
        Team team = ref.figmaTeamId() == null ? null : findByFigmaId(ref.figmaTeamId(), true);
        if (team == null && ref.name() != null) {
            Team named = findByName(TeamKind.TEAM, ref.name());
            if (named != null && (ref.figmaTeamId() == null || named.getFigmaTeamId() == null)) {
                team = named;
                attachId(team, ref.figmaTeamId());
            }
        }
        if (team == null && create) {
            String name = ref.name() == null ? placeholderName(ref.figmaTeamId())
                    : freeName(TeamKind.TEAM, ref.name(), ref.figmaTeamId(), null);
            team = create(name, TeamKind.TEAM, ref.figmaTeamId());
        }
        return team;
    }

    /** The team ({@code team} true) or grouping (false) with this Figma id, or null. */
    private Team findByFigmaId(String figmaTeamId, boolean team) {
        List<Team> found = em.createQuery("select t from Team t where t.figmaTeamId = :id", Team.class)
                .setParameter("id", figmaTeamId).getResultList();
        return found.isEmpty() || (found.get(0).getKind() == TeamKind.TEAM) != team ? null : found.get(0);
    }

    private Team findByName(TeamKind kind, String name) {
        List<Team> found = em.createQuery("select t from Team t where t.kind = :k and t.nameLower = :n", Team.class)
                .setParameter("k", kind).setParameter("n", Team.normalizeName(name)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** {@code name}, or {@code name (id)} when another team of the kind already has it (names are unique per kind). */
    private String freeName(TeamKind kind, String name, String figmaId, Team self) {
        Team other = findByName(kind, name);
        boolean taken = other != null && (self == null || !other.id().equals(self.id()));
        return !taken || figmaId == null ? name : name + " (" + figmaId + ")";
    }

    private Team create(String name, TeamKind kind, String figmaId) {
        Team team = new Team(name, kind, now);
        team.setFigmaTeamId(figmaId);
        em.persist(team);
        if (kind == TeamKind.TEAM) {
            teamIdsByName.put(Team.normalizeName(team.getName()), new Named(team.id(), team.getName()));
        }
        log.record(EntityType.TEAM, team.id(), team.getName(), "created", null, kindLabel(team) + team.getName());
        if (figmaId != null) {
            log.record(EntityType.TEAM, team.id(), team.getName(), "figmaTeamId", null, figmaId);
        }
        return team;
    }

    private static String kindLabel(Team t) {
        return t.getKind() == TeamKind.TEAM ? "" : t.getKind().name() + " ";
    }

    private void attachId(Team team, String figmaId) {
        if (figmaId != null && team.getFigmaTeamId() == null) {
            log.record(EntityType.TEAM, team.id(), team.getName(), "figmaTeamId", null, figmaId);
            team.setFigmaTeamId(figmaId);
            touched.add(team.id());
        }
    }

    private void rename(Team team, String name) {
        if (!team.getName().equals(name.trim())) {
            log.record(EntityType.TEAM, team.id(), team.getName(), "name", team.getName(), name.trim());
            team.setName(name);
            touched.add(team.id());
            renamed.add(team.id());
            // teamByName asks the database for names it has not cached: it must see the new one.
            em.flush();
            teamIdsByName.clear();
        }
    }

    // ---------------------------------------------------------------- lifecycle (activity log)

    void apply(IncomingTeam in) {
        if (in.kind() == IncomingTeam.Kind.DELETED) {
            Team team = in.figmaTeamId() != null ? findByFigmaId(in.figmaTeamId(), true) : findByName(TeamKind.TEAM, in.name());
            if (team != null) {
                delete(team);
            }
            return;
        }
        Team byId = in.figmaTeamId() == null ? null : findByFigmaId(in.figmaTeamId(), true);
        Team byName = findByName(TeamKind.TEAM, in.name());
        if (byId == null && byName == null) {
            create(in.name(), TeamKind.TEAM, in.figmaTeamId());
        } else if (byId == null) {
            if (byName.getFigmaTeamId() == null) {
                attachId(byName, in.figmaTeamId());
            } else if (in.figmaTeamId() != null && !in.figmaTeamId().equals(byName.getFigmaTeamId())) {
                create(freeName(TeamKind.TEAM, in.name(), in.figmaTeamId(), null), TeamKind.TEAM, in.figmaTeamId());
            }
        } else if (byName == null || byName.id().equals(byId.id())) {
            rename(byId, in.name());
        } else if (byName.getFigmaTeamId() == null) {
            // The CSV knew the team by this name, the activity log by its id: they are one team.
            merge(byId, byName);
        } else {
            rename(byId, freeName(TeamKind.TEAM, in.name(), in.figmaTeamId(), byId));
        }
    }

    /** Moves {@code from}'s memberships into {@code into}, deletes {@code from} and gives {@code into} its id. */
    private void merge(Team from, Team into) {
        String figmaId = from.getFigmaTeamId();
        Map<UUID, TeamMembership> there = new HashMap<>();
        members(into).forEach(tm -> there.put(tm.getMember().id(), tm));
        for (TeamMembership tm : members(from)) {
            Member m = tm.getMember();
            TeamMembership existing = there.get(m.id());
            if (existing == null) {
                em.persist(new TeamMembership(m, into, tm.getRole()));
                log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(into), null, tm.getRole().name());
            } else if (existing.getRole() == TeamRole.UNKNOWN && tm.getRole() != TeamRole.UNKNOWN) {
                log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(into), existing.getRole().name(), tm.getRole().name());
                existing.setRole(tm.getRole());
            }
            log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(from), tm.getRole().name(), null);
            em.remove(tm);
            m.touch(now);
        }
        log.record(EntityType.TEAM, from.id(), from.getName(), "removed", from.getName(), null);
        touched.remove(from.id());
        em.remove(from);
        // The id is unique: the old row must be gone before the surviving team takes it.
        em.flush();
        attachId(into, figmaId);
        touched.add(into.id());
        teamIdsByName.clear();
    }

    /** Deletes a team (or grouping) and every membership in it. */
    private void delete(Team team) {
        for (TeamMembership tm : members(team)) {
            Member m = tm.getMember();
            log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(team), tm.getRole().name(), null);
            em.remove(tm);
            m.touch(now);
        }
        log.record(EntityType.TEAM, team.id(), team.getName(), "removed", kindLabel(team) + team.getName(), null);
        touched.remove(team.id());
        em.remove(team);
        em.flush();
        teamIdsByName.clear();
    }

    private List<TeamMembership> members(Team team) {
        return em.createQuery("select tm from TeamMembership tm join fetch tm.member where tm.team = :t", TeamMembership.class)
                .setParameter("t", team).getResultList();
    }

    // ---------------------------------------------------------------- memberships

    /**
     * Whether {@link #syncTeams} would change memberships that are now {@code current} (normalised team
     * name → role): a team to join or leave, or a known role that differs. Decides on values, so that an
     * unchanged member need not be loaded as an entity with its memberships.
     */
    static boolean wouldChange(List<IncomingMember.TeamAssignment> wanted, Map<String, TeamRole> current) {
        Set<String> keep = new HashSet<>();
        for (IncomingMember.TeamAssignment a : wanted) {
            String key = Team.normalizeName(a.team());
            if (keep.add(key)) {
                TeamRole now = current.get(key);
                if (now == null || a.role() != TeamRole.UNKNOWN && a.role() != now) {
                    return true;
                }
            }
        }
        return !keep.containsAll(current.keySet());
    }

    /**
     * Makes the member's TEAM memberships equal to {@code wanted} (the CSV); returns whether anything changed.
     * New memberships go to {@code add}: persisted, or inserted in bulk with a new member.
     */
    boolean syncTeams(Member m, List<IncomingMember.TeamAssignment> wanted, List<TeamMembership> current,
            Consumer<TeamMembership> add) {
        Map<String, TeamMembership> byName = new HashMap<>();
        current.forEach(tm -> byName.put(Team.normalizeName(tm.getTeam().getName()), tm));
        boolean changed = false;
        Set<String> keep = new HashSet<>();
        for (IncomingMember.TeamAssignment a : wanted) {
            String key = Team.normalizeName(a.team());
            if (!keep.add(key)) {
                continue;
            }
            TeamMembership tm = byName.get(key);
            if (tm == null) {
                Named team = teamByName(a.team());
                // A reference, not a find: after each chunk's clear() a find would be one SELECT per membership.
                add.accept(new TeamMembership(m, em.getReference(Team.class, team.id()), a.role()));
                touched.add(team.id());
                log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), "team:" + team.name(), null, a.role().name());
                changed = true;
            } else if (a.role() != TeamRole.UNKNOWN && a.role() != tm.getRole()) {
                changed |= setRole(m, tm, a.role());
            }
        }
        for (TeamMembership tm : current) {
            if (!keep.contains(Team.normalizeName(tm.getTeam().getName()))) {
                leave(m, tm);
                changed = true;
            }
        }
        if (changed) {
            m.touch(now);
        }
        return changed;
    }

    /**
     * Applies incremental operations (events); returns whether anything changed. Only each team's last
     * operation counts, and a LEAVE_ALL supersedes everything before it, so the result is the net effect
     * of the list and a second application changes nothing.
     */
    boolean apply(Member m, List<TeamOperation> operations) {
        if (operations.isEmpty()) {
            return false;
        }
        int lastLeave = -1;
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).kind() == TeamOperation.Kind.LEAVE_ALL) {
                lastLeave = i;
            }
        }
        Map<UUID, TeamOperation> last = new LinkedHashMap<>();
        Map<UUID, Team> teams = new HashMap<>();
        for (TeamOperation op : operations.subList(lastLeave + 1, operations.size())) {
            Team team = resolve(op.team(), op.joins());
            if (team != null) {
                last.remove(team.id());
                last.put(team.id(), op);
                teams.put(team.id(), team);
            }
        }
        boolean changed = false;
        Map<UUID, TeamMembership> current = new HashMap<>();
        for (TeamMembership tm : em.createQuery("select tm from TeamMembership tm join fetch tm.team where tm.member = :m",
                TeamMembership.class).setParameter("m", m).getResultList()) {
            TeamOperation op = last.get(tm.getTeam().id());
            if (lastLeave >= 0 && (op == null || !op.joins())) {
                leave(m, tm);
                changed = true;
            } else {
                current.put(tm.getTeam().id(), tm);
            }
        }
        for (Map.Entry<UUID, TeamOperation> e : last.entrySet()) {
            TeamOperation op = e.getValue();
            TeamMembership tm = current.get(e.getKey());
            if (op.joins() && tm == null) {
                Team team = teams.get(e.getKey());
                em.persist(new TeamMembership(m, team, op.role()));
                touched.add(team.id());
                log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(team), null, op.role().name());
                changed = true;
            } else if (op.joins()) {
                changed |= op.role() != TeamRole.UNKNOWN && setRole(m, tm, op.role());
            } else if (tm != null) {
                leave(m, tm);
                changed = true;
            }
        }
        if (changed) {
            m.touch(now);
        }
        return changed;
    }

    private boolean setRole(Member m, TeamMembership tm, TeamRole role) {
        if (role == tm.getRole()) {
            return false;
        }
        log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(tm.getTeam()), tm.getRole().name(), role.name());
        tm.setRole(role);
        touched.add(tm.getTeam().id());
        return true;
    }

    /** Removes one membership, recorded. The caller touches the member. */
    void leave(Member m, TeamMembership tm) {
        log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(tm.getTeam()), tm.getRole().name(), null);
        touched.add(tm.getTeam().id());
        em.remove(tm);
    }

    // ---------------------------------------------------------------- workspaces and billing groups

    /** Creates or updates a workspace / billing group and makes its memberships exactly the listed members. */
    void apply(IncomingGrouping in) {
        Team team = findByFigmaId(in.figmaGroupId(), false);
        if (team == null && findByFigmaId(in.figmaGroupId(), true) != null) {
            log.warn("Figma SCIM group " + in.figmaGroupId() + " has the id of a team; skipped");
            return;
        }
        TeamKind kind = in.kind() != null ? in.kind() : kindOf(in.name(), team == null ? null : team.getKind());
        if (team == null) {
            Team named = findByName(kind, in.name());
            team = named != null && named.getFigmaTeamId() == null ? named : null;
            if (team != null) {
                attachId(team, in.figmaGroupId());
            } else {
                team = create(freeName(kind, in.name(), in.figmaGroupId(), null), kind, in.figmaGroupId());
            }
        } else {
            if (team.getKind() != kind) {
                reclassify(team, kind);
            }
            if (!team.getName().equals(in.name())) {
                rename(team, freeName(team.getKind(), in.name(), in.figmaGroupId(), team));
            }
        }
        seenGroupings.add(team.id());
        syncGroupingMembers(team, in);
    }

    private void reclassify(Team team, TeamKind kind) {
        if (findByName(kind, team.getName()) != null) {
            log.warn(team.getKind() + " " + team.getName() + " looks like a " + kind + ", but one of that name exists; kept");
            return;
        }
        log.record(EntityType.TEAM, team.id(), team.getName(), "kind", team.getKind().name(), kind.name());
        team.setKind(kind);
        touched.add(team.id());
        // Membership fields name the kind: the members' SCIM groups changed too.
        for (TeamMembership tm : members(team)) {
            tm.getMember().touch(now);
        }
    }

    /**
     * Whether a Figma SCIM group is a billing group: when members' billing group (from the CSV) has
     * its name and no member's workspace does. Otherwise it stays what it was, a new one being a
     * workspace (docs/activity-log.md, "Workspaces and billing groups").
     */
    private TeamKind kindOf(String name, TeamKind existing) {
        if (workspaceNames == null) {
            workspaceNames = new HashSet<>(em.createQuery("select distinct lower(m.workspace) from Member m where m.workspace is not null",
                    String.class).getResultList());
            billingGroupNames = new HashSet<>(em.createQuery(
                    "select distinct lower(m.billingGroup) from Member m where m.billingGroup is not null", String.class).getResultList());
        }
        String key = Team.normalizeName(name);
        boolean workspace = workspaceNames.contains(key);
        boolean billing = billingGroupNames.contains(key);
        if (billing && !workspace) {
            return TeamKind.BILLING_GROUP;
        }
        if (workspace && !billing) {
            return TeamKind.WORKSPACE;
        }
        if (workspace) {
            log.warn("Figma SCIM group " + name + " is both a workspace and a billing group in the members' data; kept as "
                    + (existing == null ? TeamKind.WORKSPACE : existing));
        }
        return existing == null ? TeamKind.WORKSPACE : existing;
    }

    private void syncGroupingMembers(Team team, IncomingGrouping in) {
        Map<UUID, Member> wanted = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>(in.memberFigmaUserIds());
        List<String> all = new ArrayList<>(ids);
        int found = 0;
        for (int i = 0; i < all.size(); i += CHUNK) {
            for (Member m : em.createQuery("select m from Member m where m.figmaUserId in :ids", Member.class)
                    .setParameter("ids", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList()) {
                found++;
                // A removed member is in no team, workspace or billing group, whatever a group still lists.
                if (m.getStatus() != MemberStatus.REMOVED) {
                    wanted.put(m.id(), m);
                }
            }
        }
        if (found < ids.size()) {
            log.warn("Figma SCIM group " + in.name() + " lists " + (ids.size() - found) + " user id(s) Figma's SCIM did not list");
        }
        boolean changed = false;
        for (TeamMembership tm : members(team)) {
            Member m = tm.getMember();
            if (wanted.remove(m.id()) == null) {
                leave(m, tm);
                m.touch(now);
                changed = true;
            }
        }
        for (Member m : wanted.values()) {
            em.persist(new TeamMembership(m, team, TeamRole.UNKNOWN));
            log.record(EntityType.MEMBERSHIP, m.id(), m.getEmailLower(), field(team), null, TeamRole.UNKNOWN.name());
            m.touch(now);
            changed = true;
        }
        if (changed) {
            touched.add(team.id());
        }
        em.flush();
    }

    /** After a complete list of groupings: the workspaces and billing groups it did not list are gone. */
    void removeUnlistedGroupings() {
        List<Team> all = em.createQuery("select t from Team t where t.kind <> :k", Team.class)
                .setParameter("k", TeamKind.TEAM).getResultList();
        for (Team t : all) {
            if (!seenGroupings.contains(t.id())) {
                delete(t);
            }
        }
    }

    /** Teams the CSV created and no member belongs to any more (a complete roster says they are gone). */
    void removeEmptyTeams() {
        List<Team> empty = em.createQuery("select t from Team t where t.kind = :k and t.figmaTeamId is null"
                        + " and not exists (select 1 from TeamMembership tm where tm.team = t)", Team.class)
                .setParameter("k", TeamKind.TEAM).getResultList();
        for (Team t : empty) {
            log.record(EntityType.TEAM, t.id(), t.getName(), "removed", t.getName(), null);
            touched.remove(t.id());
            em.remove(t);
        }
        em.flush();
        teamIdsByName.clear();
    }

    void touched(UUID teamId) {
        touched.add(teamId);
    }

    /** The member's display name (name, given or family name, or e-mail) changed in this run. */
    void memberRenamed(UUID memberId) {
        renamedMembers.add(memberId);
    }

    /**
     * Moves the version of every team whose members changed in this run, of every member of a team
     * renamed in it, and of every team of a member renamed in it: one UPDATE per {@value #CHUNK} ids
     * instead of loading each. A row already stamped with this run's time (created or changed in it)
     * keeps its version, as it would through the entity.
     */
    void touchAll() {
        em.flush();
        stamp("update Team t set t.lastModified = :now, t.version = t.version + 1 where t.lastModified <> :now and t.id in :ids",
                touched);
        // A renamed team changes the User of each of its members (groups.display, the extension's teams), so
        // their versions move on as well: If-None-Match must not answer 304 for a body that changed.
        stamp("update Member m set m.lastModified = :now, m.version = m.version + 1 where m.lastModified <> :now"
                + " and m.id in (select tm.member.id from TeamMembership tm where tm.team.id in :ids)", renamed);
        // A member's new display name changes the Group of each of its teams (members.display, the
        // extension's memberRoles) in the same way.
        stamp("update Team t set t.lastModified = :now, t.version = t.version + 1 where t.lastModified <> :now"
                + " and t.id in (select tm.team.id from TeamMembership tm where tm.member.id in :ids)", renamedMembers);
        // The bulk UPDATEs bypassed any managed Team or Member: forget them rather than keep stale copies.
        em.clear();
    }

    /** Runs {@code update} (parameters {@code :now} and {@code :ids}) for {@code ids}, {@value #CHUNK} at a time. */
    private void stamp(String update, Set<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            em.createQuery(update).setParameter("now", now).setParameter("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .executeUpdate();
        }
    }
}
