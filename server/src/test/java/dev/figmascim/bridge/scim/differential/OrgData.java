package dev.figmascim.bridge.scim.differential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.MemberStatus;
import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamKind;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.scim.NameParts;
import dev.figmascim.bridge.store.Store;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A seeded, deliberately awkward organisation: about 300 members and 25 teams, workspaces and billing
 * groups. Values include nulls, mixed case, accented and CJK text, {@code % _ \} and quotes, trailing
 * spaces, many equal sort keys, every enum constant, instants from 1999 to 2099 (some equal, some with
 * milli- and microseconds), managers, admins, IdP-managed members and externalIds differing only in case.
 *
 * <p>The same seed gives the same organisation, ids included (ids are drawn from the seeded random and
 * set on the entities, which have no id setter), so H2 and PostgreSQL hold identical data and a failing
 * case reproduces exactly.
 *
 * <p>Restrictions, so that Java's {@code toLowerCase(Locale.ROOT)} (the reference, and how the store
 * lower-cases e-mails and team names) and the databases' {@code lower()} agree, and so that Java's
 * {@code String.compareTo} orders like the databases' collations: no Turkish dotted/dotless i
 * (U+0130, U+0131), no Greek capital sigma (Java lower-cases a final Σ to ς, SQL to σ), no title-case
 * digraphs and no characters outside the Basic Multilingual Plane (UTF-16 and code-point order differ
 * there). Instants have at most microsecond precision, which both databases store exactly.
 * {@code DifferentialQueryTest} checks the lower-casing assumption against each database.
 */
final class OrgData {

    static final long SEED = 20_260_502L;
    static final int MEMBERS = 300;

    private static final String[] GIVEN = {
        "Ada", "Ben", "Chloé", "Jörg", "Zoë", "Søren", "Élodie", "Mary Ann", "Jean-Luc", "O'Neil", "太郎", "Ærin", "li",
        "MCKENZIE", "Alex", "Alex", "Alex", "Sam", "Ñandú", "Ólafur", "Björk", "Anne-Marie", "Дмитрий", "Łukasz", "ana",
        "Ana", "ANA", "Zed", "Hugo", "Émile", "Noor", "Kai", "100%", "a_b", "Quinn\\", "Chris \"CJ\"",
    };
    private static final String[] FAMILY = {
        "Park", "Okafor", "Müller", "Straße", "GROẞ", "山田", "D'Arcy", "van der Berg", "Kim", "Kim", "KIM", "kim", "Nguyen",
        "Łukasiewicz", "Østergaard", "Çelik", "Ångström", "Smith", "smith", "Smith-Jones", "Zimmermann", "Ōtomo", "Petrov",
        "Дуров", "O'Brien", "Lee", "Lee", "de la Cruz", "Ωmega", "Wu",
    };
    private static final String[] TITLES = {
        "Design Ops Lead", "design ops lead", "Lead ", "Lead", "Senior Engineer", "senior engineer", "Staff Engineer",
        "100% Coverage Czar", "a_b\\c", "C:\\temp\\x", "He said \"hi\"", "O'Brien's aide", "Größe Manager", "日本 Lead",
        "Product Designer", "Product Manager", "PRODUCT MANAGER", "Marketing Manager", "Zebra Wrangler", "  spaced  ",
        "Ingénieur", "ÉQUIPE", "ædile", "Ωmega Lead", "under_score", "per%cent", "Engineer", "Engineer", "a/b testing",
    };
    private static final String[] DEPARTMENTS = {
        "Design", "DESIGN", "design", "R&D", "Eng_ops", "Eng%ops", "Engineering", "Frontend", "Brand", "Équipe", "日本",
        "Sales \"EU\"", "back\\slash", "PM",
    };
    private static final String[] ORGANIZATIONS = {"Acme", "ACME", "Acme Ltd.", "Äcme", "Globex", "globex", "Initech"};
    private static final String[] DIVISIONS = {"North", "north", "South", "日本", "East_West", "Ωmega"};
    private static final String[] COST_CENTERS = {"CC-100", "cc-100", "CC-200", "100%", "C_C", "ÇC-9"};
    private static final String[] WORKSPACES = {"Workspace Ω", "Eng", "alpha", "ALPHA", "Empty Workspace"};
    private static final String[] BILLING_GROUPS = {"design", "STRASSE", "Billing EU", "Billing US", "billing eu"};
    private static final String[] DOMAINS = {"example.com", "Example.COM", "agency.example.net", "sub.example.org", "exämple.de"};
    private static final String[] TEAM_NAMES = {
        "Design", "design", "Design Systems", "Web App", "Mobile", "日本 Team", "Straße", "STRASSE", "100% Club", "a_b\\c",
        "Ops \"Core\"", "Ærø", "Zebra", "alpha", "Alpha Squad", "Billing EU", "Billing US", "Workspace Ω", "it's", "Eng",
        "ENG_TOOLS", "R&D", "Empty Team", "Empty Workspace", "Lonely",
    };
    private static final Instant[] SHARED_INSTANTS = {
        Instant.parse("1999-12-31T23:59:59Z"), Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2016-02-29T12:00:00Z"),
        Instant.parse("2020-06-15T08:30:00.123Z"), Instant.parse("2024-03-10T10:00:00Z"), Instant.parse("2024-03-10T10:00:00.000001Z"),
        Instant.parse("2025-12-31T23:59:59.999Z"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2038-01-19T03:14:07Z"),
        Instant.parse("2099-12-31T00:00:00Z"),
    };

    final List<Member> members = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();
    final List<TeamMembership> memberships = new ArrayList<>();
    private final Map<UUID, List<TeamMembership>> byMember = new LinkedHashMap<>();
    private final Map<UUID, List<TeamMembership>> byTeam = new LinkedHashMap<>();
    private final Random rnd;

    private OrgData(long seed) {
        this.rnd = new Random(seed);
    }

    /** The organisation for {@code seed}; entities are new and not yet persisted. */
    static OrgData generate(long seed) {
        OrgData d = new OrgData(seed);
        d.build();
        return d;
    }

    /** Persists everything in one transaction, every row fully built first (all at version 0). */
    void persist(Store store) {
        store.run(em -> {
            teams.forEach(em::persist);
            members.forEach(em::persist);
            memberships.forEach(em::persist);
        });
    }

    List<ObjectNode> usersJson() {
        return members.stream().map(m -> Engine.user(m, byMember.getOrDefault(m.id(), List.of()))).toList();
    }

    List<ObjectNode> groupsJson() {
        return teams.stream().map(t -> Engine.group(t, byTeam.getOrDefault(t.id(), List.of()))).toList();
    }

    /** A readable name for an id in messages: the member's e-mail or the team's kind and name. */
    Map<String, String> labels() {
        Map<String, String> out = new HashMap<>();
        members.forEach(m -> out.put(m.id().toString(), m.getEmail()));
        teams.forEach(t -> out.put(t.id().toString(), t.getKind() + ":" + t.getName()));
        return out;
    }

    private void build() {
        buildTeams();
        Set<String> emails = new HashSet<>();
        Set<String> figmaIds = new HashSet<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member(i, emails, figmaIds));
        }
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            int roll = rnd.nextInt(10);
            if (roll < 3 && i > 0) {
                Member manager = members.get(rnd.nextInt(i));
                m.setManagerId(manager.id().toString());
                m.setManagerEmail(rnd.nextBoolean() ? manager.getEmail() : manager.getEmail().toUpperCase(Locale.ROOT));
            } else if (roll == 3) {
                m.setManagerEmail("boss" + rnd.nextInt(3) + "@corp.example");
            }
        }
        join();
    }

    private void buildTeams() {
        Set<String> figmaTeamIds = new HashSet<>();
        for (int i = 0; i < TEAM_NAMES.length; i++) {
            String name = TEAM_NAMES[i];
            TeamKind kind = switch (name) {
                case "design", "STRASSE", "Billing EU", "Billing US" -> TeamKind.BILLING_GROUP;
                case "Workspace Ω", "Empty Workspace", "Eng", "alpha" -> TeamKind.WORKSPACE;
                default -> TeamKind.TEAM;
            };
            Team t = new Team(name, kind, pick(SHARED_INSTANTS));
            setId(t, uuid());
            if (rnd.nextInt(4) > 0) {
                String fid = switch (i % 4) {
                    case 0 -> Integer.toString(100 + i);
                    case 1 -> "T-ab" + i;
                    case 2 -> "t-AB" + i;
                    default -> "9" + i + "_x";
                };
                if (figmaTeamIds.add(fid)) {
                    t.setFigmaTeamId(fid);
                }
            }
            if (rnd.nextBoolean()) {
                t.touch(t.getCreatedAt().plus(Duration.ofDays(rnd.nextInt(400))));
            }
            teams.add(t);
        }
    }

    private Member member(int i, Set<String> emails, Set<String> figmaIds) {
        String given = pick(GIVEN);
        String family = pick(FAMILY);
        String email = uniqueEmail(given, family, i, emails);
        Member m = new Member(email, rnd.nextInt(3) == 0 ? pick(SHARED_INSTANTS) : randomInstant(2015, 2027));
        setId(m, uuid());
        names(m, given, family, email);
        if (rnd.nextInt(4) > 0) {
            m.setTitle(pick(TITLES));
        }
        m.setExternalId(externalId(i));
        m.setOrgRole(OrgRole.values()[rnd.nextInt(OrgRole.values().length)]);
        m.setSeatType(SeatType.values()[(i < SeatType.values().length ? i : rnd.nextInt(SeatType.values().length))]);
        m.setStatus(i < 3 ? MemberStatus.values()[i] : rnd.nextInt(5) == 0 ? MemberStatus.INVITED
                : rnd.nextInt(6) == 0 ? MemberStatus.REMOVED : MemberStatus.ACTIVE);
        m.setFigmaAdmin(rnd.nextInt(8) == 0);
        m.setManagedByIdp(rnd.nextInt(3) == 0);
        if (rnd.nextInt(5) > 0) {
            String fid = switch (rnd.nextInt(3)) {
                case 0 -> "u" + (1000 + i);
                case 1 -> "U" + (1000 + i);
                default -> Long.toString(10_000_000L + i * 7L);
            };
            if (figmaIds.add(fid.toLowerCase(Locale.ROOT))) {
                m.setFigmaUserId(fid);
            }
        }
        if (rnd.nextBoolean()) {
            m.setEmployeeNumber(rnd.nextInt(5) == 0 ? "E-0001" : String.format("E-%04d", i));
        }
        m.setCostCenter(maybe(COST_CENTERS, 2));
        m.setOrganization(maybe(ORGANIZATIONS, 2));
        m.setDivision(maybe(DIVISIONS, 3));
        m.setDepartment(maybe(DEPARTMENTS, 1));
        m.setWorkspace(maybe(WORKSPACES, 1));
        m.setBillingGroup(maybe(BILLING_GROUPS, 2));
        m.setDateAdded(rnd.nextInt(5) == 0 ? null : midnight(rnd.nextInt(4) == 0 ? LocalDate.of(2022, 3, 14)
                : LocalDate.of(2012 + rnd.nextInt(15), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))));
        m.setDateUpgraded(rnd.nextInt(3) == 0 ? randomInstant(2018, 2026) : null);
        m.setLastEditAt(maybeInstant(2));
        m.setLastActiveAt(maybeInstant(1));
        m.setLastSignInAt(maybeInstant(3));
        m.setCsvSeenAt(rnd.nextBoolean() ? pick(SHARED_INSTANTS) : null);
        m.setFigmaScimSeenAt(m.isManagedByIdp() ? randomInstant(2024, 2026) : null);
        m.setActivitySeenAt(rnd.nextInt(4) == 0 ? randomInstant(2025, 2026) : null);
        int touch = rnd.nextInt(3);
        if (touch == 1) {
            m.touch(m.getCreatedAt().plus(Duration.ofSeconds(rnd.nextInt(90_000_000))));
        } else if (touch == 2) {
            m.touch(pick(SHARED_INSTANTS));
        }
        return m;
    }

    /** Stores exactly what responses show: names as {@link NameParts} derives them. */
    private void names(Member m, String given, String family, String email) {
        int style = rnd.nextInt(6);
        NameParts parts = switch (style) {
            case 0 -> NameParts.of(null, null, null, email);
            case 1 -> NameParts.of(null, given, family, email);
            case 2 -> NameParts.of("  " + given + "   " + family + " ", null, null, email);
            case 3 -> NameParts.of(given, null, null, email);
            default -> NameParts.of(given + " " + family, null, null, email);
        };
        m.setName(parts.formatted());
        m.setGivenName(parts.givenName());
        m.setFamilyName(parts.familyName());
    }

    private String uniqueEmail(String given, String family, int i, Set<String> taken) {
        String local = switch (rnd.nextInt(7)) {
            case 0 -> given + "." + family;
            case 1 -> given.toLowerCase(Locale.ROOT) + "_" + family.toLowerCase(Locale.ROOT);
            case 2 -> given.toUpperCase(Locale.ROOT).charAt(0) + family;
            case 3 -> given + "+tag" + (i % 3);
            case 4 -> "user" + i;
            case 5 -> family + "%" + given;
            default -> given + "-" + i;
        };
        local = local.replace(' ', '.').replace("\"", "").replace("\\", "-");
        String email = local + "@" + pick(DOMAINS);
        while (!taken.add(Member.normalizeEmail(email))) {
            email = local + (i + taken.size()) + "@" + pick(DOMAINS);
        }
        return email;
    }

    private String externalId(int i) {
        return switch (rnd.nextInt(8)) {
            case 0, 1 -> null;
            case 2 -> "ext-" + (i % 40);
            case 3 -> "EXT-" + (i % 40);
            case 4 -> "00u" + Integer.toString(rnd.nextInt(1 << 24), 36) + "Ab";
            case 5 -> "ext\"" + (i % 5) + "\\";
            case 6 -> "ext-ü" + (i % 7);
            default -> Integer.toString(i % 11);
        };
    }

    private void join() {
        Team lonely = team("Lonely");
        for (Member m : members) {
            int n = new int[] {0, 0, 1, 1, 2, 2, 3, 4}[rnd.nextInt(8)];
            Set<Team> chosen = new HashSet<>();
            for (int k = 0; k < n; k++) {
                Team t = teams.get(rnd.nextInt(teams.size()));
                if (!t.getName().startsWith("Empty") && t != lonely && chosen.add(t)) {
                    add(new TeamMembership(m, t, TeamRole.values()[rnd.nextInt(TeamRole.values().length)]));
                }
            }
        }
        add(new TeamMembership(members.get(7), lonely, TeamRole.OWNER));
    }

    private void add(TeamMembership tm) {
        setId(tm, uuid());
        memberships.add(tm);
        byMember.computeIfAbsent(tm.getMember().id(), k -> new ArrayList<>()).add(tm);
        byTeam.computeIfAbsent(tm.getTeam().id(), k -> new ArrayList<>()).add(tm);
    }

    private Team team(String name) {
        return teams.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private UUID uuid() {
        long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private String maybe(String[] values, int absentOneIn) {
        return rnd.nextInt(absentOneIn + 1) == 0 ? null : pick(values);
    }

    private Instant maybeInstant(int absentOneIn) {
        if (rnd.nextInt(absentOneIn + 1) == 0) {
            return null;
        }
        return rnd.nextInt(4) == 0 ? pick(SHARED_INSTANTS) : randomInstant(2019, 2027);
    }

    private Instant randomInstant(int fromYear, int toYear) {
        Instant from = midnight(LocalDate.of(fromYear, 1, 1));
        long span = ChronoUnit.SECONDS.between(from, midnight(LocalDate.of(toYear, 1, 1)));
        Instant t = from.plusSeconds((long) (rnd.nextDouble() * span));
        return switch (rnd.nextInt(6)) {
            case 0 -> t.plusMillis(rnd.nextInt(1000));
            case 1 -> t.plusNanos(1000L * rnd.nextInt(1_000_000));
            default -> t;
        };
    }

    private static Instant midnight(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The entities keep their id private and final in spirit; a seeded id makes runs reproducible. */
    private static void setId(Object entity, UUID id) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
