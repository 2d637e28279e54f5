package dev.figmascim.bridge.scim.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Team;
import dev.figmascim.bridge.model.TeamMembership;
import dev.figmascim.bridge.scim.ScimUrns;
import dev.figmascim.bridge.scim.differential.QueryCase.Variant;
import dev.figmascim.bridge.scim.differential.ReferenceSchema.Attr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The differential corpus, generated from templates × attributes × operators × values drawn from the
 * organisation (existing values in changed case, prefixes, suffixes, substrings, absent values, date
 * boundaries), random compounds of those atoms, and hand-written cases: precedence, {@code not},
 * parentheses, value paths, extension URN paths, group/member EXISTS cases, escapes and invalid input.
 * Every filter case runs unsorted and unpaged, and with three (sortBy, sortOrder, window) variants drawn
 * from fixed lists; sort-only cases cover every sortable attribute in both orders.
 *
 * <p>Generated literals are ASCII: SCIMple 1.0.0-M1 refuses any non-ASCII character in a filter
 * string, so the few hand-written cases marked {@code unicode-literal} keep that limitation visible and
 * the generated ones stay clear of it (non-ASCII data is still compared against, sorted and paged).
 */
final class Corpus {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    private static final String ENT = ScimUrns.ENTERPRISE_USER + ":";
    private static final String FIG = ScimUrns.FIGMA_USER + ":";
    private static final String BRI = ScimUrns.BRIDGE_USER + ":";
    private static final String GRP = ScimUrns.BRIDGE_GROUP + ":";

    private static final List<String> USER_STRINGS = List.of("userName", "emails", "emails.value", "displayName", "name.formatted",
            "name.givenName", "name.familyName", "title", ENT + "employeeNumber", ENT + "costCenter", ENT + "organization",
            ENT + "division", ENT + "department", BRI + "workspace", BRI + "billingGroup", BRI + "managerEmail", "groups.display");
    private static final List<String> USER_EXACT = List.of("externalId", BRI + "figmaUserId", ENT + "manager.value", ENT + "manager");
    private static final List<String> USER_DATES = List.of("meta.created", "meta.lastModified", BRI + "dateAdded", BRI + "dateUpgraded",
            BRI + "lastEditAt", BRI + "lastActiveAt", BRI + "lastSignInAt");
    private static final List<String> USER_ENUMS = List.of(BRI + "orgRole", BRI + "seatType", BRI + "status");
    private static final List<String> USER_BOOLEANS = List.of("active", FIG + "figmaAdmin", BRI + "managedByIdp");
    private static final List<String> USER_SORTS = List.of("userName", "displayName", "name.givenName", "name.familyName",
            "name.formatted", "title", "externalId", ENT + "department", ENT + "costCenter", ENT + "employeeNumber", ENT + "manager.value",
            ENT + "manager", BRI + "figmaUserId", BRI + "seatType", BRI + "orgRole", BRI + "status", BRI + "lastActiveAt",
            BRI + "dateAdded", BRI + "lastSignInAt", BRI + "workspace", BRI + "managerEmail", "meta.created", "meta.lastModified", "id");
    private static final List<String> GROUP_SORTS = List.of("displayName", "meta.created", "meta.lastModified", GRP + "kind",
            GRP + "figmaTeamId", "id");
    private static final List<String> ORDERS = Arrays.asList(null, "ascending", "descending", "Descending");
    /** startIndex, count, maximum count: defaults, count=0, below-1 values, small windows, beyond the end, the clamp. */
    private static final String[][] WINDOWS = {
        {null, null, "1000"}, {"1", "0", "1000"}, {"0", "5", "1000"}, {"-2", "3", "1000"}, {"3", "4", "1000"}, {"40", "25", "1000"},
        {"299", "10", "1000"}, {"1000", "10", "1000"}, {"1", "-1", "1000"}, {"2", "500", "40"}, {"1", "1000", "1000"}, {"17", "1", "1000"},
    };
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Random rnd = new Random(OrgData.SEED + 1);
    private final OrgData data;
    private final List<ObjectNode> users;
    private final List<ObjectNode> groups;
    private final Reference userReference;
    private final Reference groupReference;
    private final List<QueryCase> cases = new ArrayList<>();
    private final List<String> userAtoms = new ArrayList<>();
    private final List<String> groupAtoms = new ArrayList<>();
    private String origin = "";

    private Corpus(OrgData data) {
        this.data = data;
        this.users = data.usersJson();
        this.groups = data.groupsJson();
        this.userReference = new Reference(ReferenceSchema.USERS, users);
        this.groupReference = new Reference(ReferenceSchema.GROUPS, groups);
    }

    static List<QueryCase> build(OrgData data) {
        Corpus c = new Corpus(data);
        c.generated();
        c.compounds();
        c.handWrittenUsers();
        c.handWrittenGroups();
        c.parserEdges();
        c.invalid();
        c.sortOnly();
        return List.copyOf(c.cases);
    }

    // ---- templates × attributes × operators × values ------------------------------------------------------

    private void generated() {
        origin = "string";
        for (String a : USER_STRINGS) {
            strings(true, a, false);
        }
        strings(false, "displayName", false);
        strings(false, "members.display", false);
        origin = "caseExact";
        for (String a : USER_EXACT) {
            strings(true, a, true);
        }
        strings(false, GRP + "figmaTeamId", true);
        origin = "dateTime";
        for (String a : USER_DATES) {
            dates(true, a);
        }
        dates(false, "meta.created");
        dates(false, "meta.lastModified");
        origin = "enum";
        for (String a : USER_ENUMS) {
            enums(true, a);
        }
        enums(false, GRP + "kind");
        origin = "boolean";
        for (String a : USER_BOOLEANS) {
            atom(true, a + " eq true");
            atom(true, a + " eq false");
            atom(true, a + " ne true");
            atom(true, a + " pr");
            atom(true, "not (" + a + " eq false)");
        }
        origin = "id";
        ids(true, "id", users);
        ids(true, "groups.value", groups);
        ids(true, "groups", groups);
        ids(false, "id", groups);
        ids(false, "members.value", users);
        ids(false, "members", users);
    }

    private void strings(boolean u, String path, boolean caseExact) {
        String v = existingAscii(u, path);
        if (v == null) {
            throw new IllegalStateException("no ASCII value of " + path + " in the data");
        }
        atom(u, path + " eq " + lit(caseExact ? v : recase(v)));
        atom(u, path + " eq " + lit(existingAscii(u, path)));
        atom(u, path + " eq " + lit("zz-absent-" + rnd.nextInt(1000)));
        atom(u, path + " ne " + lit(caseExact ? existingAscii(u, path) : recase(existingAscii(u, path))));
        atom(u, path + " co " + lit(maybeRecase(substring(u, path), caseExact)));
        atom(u, path + " sw " + lit(maybeRecase(prefix(u, path), caseExact)));
        atom(u, path + " ew " + lit(maybeRecase(suffix(u, path), caseExact)));
        atom(u, path + " gt " + lit(maybeRecase(existingAscii(u, path), caseExact)));
        atom(u, path + " ge " + lit(maybeRecase(existingAscii(u, path), caseExact)));
        atom(u, path + " lt " + lit(maybeRecase(existingAscii(u, path), caseExact)));
        atom(u, path + " le " + lit(maybeRecase(prefix(u, path), caseExact)));
        atom(u, path + " pr");
        atom(u, path + " eq null");
        atom(u, path + " ne null");
        atom(u, "not (" + path + " sw " + lit(maybeRecase(prefix(u, path), caseExact)) + ")");
        if (caseExact) {
            String w = existingAscii(u, path);
            String flipped = swapCase(w);
            atom(u, path + " eq " + lit(flipped.equals(w) ? w + "X" : flipped));
        } else {
            atom(u, path + " co " + lit(""));
        }
    }

    private void dates(boolean u, String path) {
        Instant t = existingInstant(u, path);
        atom(u, path + " eq " + lit(t.toString()));
        atom(u, path + " eq " + lit(OFFSET.format(OffsetDateTime.ofInstant(t, ZoneOffset.ofHoursMinutes(5, 30)))));
        atom(u, path + " eq " + lit(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC))));
        atom(u, path + " ne " + lit(existingInstant(u, path).toString()));
        atom(u, path + " gt " + lit(existingInstant(u, path).toString()));
        atom(u, path + " ge " + lit(OFFSET.format(OffsetDateTime.ofInstant(existingInstant(u, path), ZoneOffset.ofHours(-8)))));
        atom(u, path + " lt " + lit(existingInstant(u, path).toString()));
        atom(u, path + " le " + lit(existingInstant(u, path).toString()));
        atom(u, path + " gt " + lit(existingInstant(u, path).minusMillis(1).toString()));
        atom(u, path + " lt " + lit(existingInstant(u, path).plusNanos(1000).toString()));
        atom(u, path + " ge " + lit(LocalDateTime.ofInstant(existingInstant(u, path), ZoneOffset.UTC).toLocalDate().toString()));
        atom(u, path + " lt " + lit((2010 + rnd.nextInt(18)) + "-01-01"));
        atom(u, path + " pr");
        atom(u, path + " eq null");
        atom(u, "not (" + path + " ge " + lit(existingInstant(u, path).toString()) + ")");
    }

    private void enums(boolean u, String path) {
        List<String> displays = distinct(u, path);
        for (String d : displays) {
            atom(u, path + " eq " + lit(rnd.nextBoolean() ? d : recase(d)));
        }
        String d = displays.get(rnd.nextInt(displays.size()));
        atom(u, path + " eq " + lit(Reference.constantName(d)));
        atom(u, path + " eq " + lit(Reference.constantName(d).toLowerCase(Locale.ROOT)));
        atom(u, path + " ne " + lit(d));
        atom(u, path + " eq " + lit("NoSuch" + d));
        atom(u, path + " pr");
        atom(u, "not (" + path + " eq " + lit(displays.get(0)) + ")");
    }

    private void ids(boolean u, String path, List<ObjectNode> owners) {
        String id = owners.get(rnd.nextInt(owners.size())).get("id").asText();
        atom(u, path + " eq " + lit(id));
        atom(u, path + " ne " + lit(owners.get(rnd.nextInt(owners.size())).get("id").asText()));
        atom(u, path + " pr");
        atom(u, path + " eq " + lit("not-a-uuid"));
        atom(u, path + " eq " + lit(new UUID(rnd.nextLong(), rnd.nextLong()).toString()));
        atom(u, path + " eq null");
    }

    // ---- random compounds: and/or chains without parentheses (precedence), with not and parentheses ---------

    private void compounds() {
        origin = "compound";
        for (int i = 0; i < 45; i++) {
            compound(true, userAtoms);
        }
        for (int i = 0; i < 15; i++) {
            compound(false, groupAtoms);
        }
    }

    private void compound(boolean u, List<String> atoms) {
        String a = atoms.get(rnd.nextInt(atoms.size()));
        String b = atoms.get(rnd.nextInt(atoms.size()));
        String c = atoms.get(rnd.nextInt(atoms.size()));
        String f = switch (rnd.nextInt(7)) {
            case 0 -> a + " or " + b + " and " + c;
            case 1 -> a + " and " + b + " or " + c;
            case 2 -> "(" + a + " or " + b + ") and " + c;
            case 3 -> "not (" + a + " or " + b + ") and " + c;
            case 4 -> a + " or not (" + b + " and " + c + ")";
            case 5 -> "not (" + a + ") or " + b + " or " + c;
            default -> a + " and " + b + " and " + c + " or " + a;
        };
        add(u, f);
    }

    // ---- hand-written ---------------------------------------------------------------------------------------

    private void handWrittenUsers() {
        origin = "precedence";
        add(true, "userName sw \"a\" or userName sw \"b\" and active eq false");
        add(true, "userName sw \"b\" and active eq false or userName sw \"a\"");
        add(true, "active eq false and userName sw \"d\" or active eq true and userName sw \"z\"");
        add(true, "not (active eq false and userName sw \"d\" or userName sw \"z\")");
        add(true, "(userName sw \"a\" or userName sw \"e\") and active eq true");
        add(true, "title pr or " + BRI + "seatType eq \"Full\" and " + FIG + "figmaAdmin eq true or externalId sw \"ext-\"");
        add(true, "not (title pr) or title co \"lead\"");
        add(true, "not (not (title co \"lead\"))");
        add(true, "title co \"lead\" and not (title ew \" \")");
        add(true, "((title co \"engineer\"))");

        origin = "value path";
        add(true, "emails[type eq \"work\" and value co \"@example.com\"]");
        add(true, "emails[type eq \"home\"]");
        add(true, "emails[value ew \".net\" or value sw \"user\"]");
        add(true, "emails[not (value co \"example\")]");
        add(true, "groups[display eq \"design\"]");
        add(true, "groups[display eq \"Design\" and display eq \"Web App\"]");
        add(true, "groups.display eq \"Design Systems\" and groups.display eq \"Web App\"");
        add(true, "groups[display sw \"billing\"] and not (groups[display eq \"billing eu\"])");
        add(true, "groups[not (display eq \"Lonely\")]");
        add(true, "groups[type eq \"direct\"]");
        add(true, "groups[display co \"_\" or display co \"%\"]");
        add(true, "groups.display ne \"Lonely\"");
        add(true, "not (groups.display eq \"Lonely\")");
        add(true, "groups pr");
        add(true, "not (groups pr)");
        TeamMembership tm = data.memberships.get(rnd.nextInt(data.memberships.size()));
        Team other = data.teams.stream().filter(t -> t != tm.getTeam() && !t.getName().equalsIgnoreCase(tm.getTeam().getName()))
                .findFirst().orElseThrow();
        String team = tm.getTeam().id().toString();
        add(true, "groups[value eq " + lit(team) + " and display eq " + lit(asciiOr(tm.getTeam().getName(), "Design")) + "]");
        add(true, "groups[value eq " + lit(team) + " and display eq " + lit(asciiOr(other.getName(), "Zebra")) + "]");
        add(true, "groups.value eq " + lit(team) + " and groups.display eq " + lit(asciiOr(other.getName(), "Zebra")));
        add(true, "groups[value eq " + lit(team) + "] and active eq true");
        add(true, "groups.value eq " + lit(data.teams.stream().filter(t -> t.getName().equals("Lonely")).findFirst().orElseThrow().id()
                .toString()));
        Member managed = data.members.stream().filter(m -> m.getManagerId() != null).findFirst().orElseThrow();
        add(true, ENT + "manager[value eq " + lit(managed.getManagerId()) + "]");
        add(true, ENT + "manager eq " + lit(managed.getManagerId()));
        add(true, "name[givenName sw \"a\" and familyName sw \"k\"]");
        add(true, "meta[resourceType eq \"User\"]");

        origin = "urn and case";
        add(true, ScimUrns.USER + ":userName sw \"a\"");
        add(true, ScimUrns.USER + ":name.familyName eq \"kim\"");
        add(true, "USERNAME SW \"A\"");
        add(true, "Name.FamilyName EQ \"KIM\"");
        add(true, "TITLE Co \"LEAD\" AND Active EQ true");
        add(true, "title PR");
        add(true, FIG + "figmaAdmin eq true and " + BRI + "seatType eq \"FULL\"");
        add(true, FIG + "figmaAdmin eq true or " + BRI + "managedByIdp eq true and " + BRI + "status eq \"Active\"");

        origin = "special characters";
        for (String f : new String[] {"title co \"%\"", "title co \"_\"", "title co \"\\\\\"", "title eq \"a_b\\\\c\"",
            "title sw \"C:\\\\\"", "title eq \"He said \\\"hi\\\"\"", "title co \"'\"", "title eq \"lead\"", "title eq \"lead \"",
            "title co \"  \"", "title sw \" \"", "displayName co \"\\\"\"", "displayName co \"'\"", ENT + "department ew \"\\\\slash\"",
            ENT + "costCenter eq \"100%\"", ENT + "department eq \"eng_ops\"", ENT + "department sw \"eng%\"", "userName co \"%\"",
            "userName co \"_\"", "externalId co \"\\\"\"", "externalId ew \"\\\\\"", "title lt \"a\"", "title gt \"z\"", "title ge \"\"",
            "title lt \"\"", "title le \"a/b testing\"", "title co \"/\""}) {
            add(true, f);
        }

        origin = "double negation";
        add(true, "not (title eq null)");
        add(true, "not (userName ne " + lit(existingAscii(true, "userName")) + ")");
        add(true, "not (not (active eq true and title pr))");
        add(true, "not (meta.created ne " + lit(existingInstant(true, "meta.created").toString()) + ")");
        add(true, "not (not (" + BRI + "seatType eq \"Full\"))");
        add(true, "groups[not (display ne \"Lonely\")]");

        origin = "id";
        List<ObjectNode> asciiUsers = users.stream().filter(x -> isAscii(x.get("userName").asText())).toList();
        ObjectNode someone = asciiUsers.get(rnd.nextInt(asciiUsers.size()));
        String id = someone.get("id").asText();
        add(true, "id eq " + lit(id) + " or id eq " + lit(users.get(rnd.nextInt(users.size())).get("id").asText()));
        add(true, "id eq " + lit(id) + " and userName eq " + lit(someone.get("userName").asText().toUpperCase(Locale.ROOT)));
        add(true, "id eq " + lit(id.toUpperCase(Locale.ROOT)));
        add(true, "groups.value eq " + lit(data.memberships.get(0).getTeam().id().toString().toUpperCase(Locale.ROOT)));
        add(true, ENT + "manager.value eq " + lit(data.members.stream().map(Member::getManagerId).filter(Objects::nonNull)
                .findFirst().orElseThrow().toUpperCase(Locale.ROOT)));

        origin = "dateTime boundary";
        String shared = BRI + "lastActiveAt";
        for (String f : new String[] {" eq \"2024-03-10T10:00:00Z\"", " ge \"2024-03-10T10:00:00.000001Z\"", " gt \"2024-03-10T10:00:00Z\"",
            " lt \"2024-03-10T10:00:00.000001Z\"", " le \"2024-03-10T10:00:00.000000Z\"", " eq \"2024-03-10T15:30:00+05:30\"",
            " eq \"2024-03-10T10:00:00\"", " eq \"2024-03-10T10:00:00.000001\"", " ge \"2024-03-10T10:00:00.0000004Z\"",
            " le \"2024-03-10T10:00:00.0000006Z\"", " lt \"2000-01-01\"", " gt \"2099-01-01\"", " eq \"2099-12-31\"",
            " ge \"1999-12-31T23:59:59Z\" and " + shared + " le \"2000-01-01T00:00:00Z\""}) {
            add(true, shared + f);
        }
        add(true, BRI + "dateAdded eq \"2022-03-14\"");
        add(true, BRI + "dateAdded ge \"2022-03-14\" and " + BRI + "dateAdded lt \"2022-03-15\"");
        add(true, "meta.created lt \"2000-01-01T00:00:00Z\"");

        origin = "enum";
        for (String f : new String[] {"seatType eq \"STARTER\"", "seatType eq \"starter\"", "seatType eq \"Restricted\"",
            "seatType eq \"UNKNOWN\"", "seatType eq \"full \"", "seatType ne \"Full\"", "orgRole eq \"ADMIN\"", "status eq \"removed\"",
            "status eq \"Removed\" or status eq \"INVITED\""}) {
            add(true, BRI + f);
        }

        origin = "fixed";
        for (String f : new String[] {"emails.type eq \"WORK\"", "emails.type eq \"home\"", "emails.type ne \"work\"", "emails.type pr",
            "emails.primary eq true", "emails.primary eq false", "meta.resourceType eq \"user\"", "meta.resourceType eq \"Group\"",
            "groups.type eq \"direct\"", "groups.type ne \"direct\""}) {
            add(true, f);
        }
    }

    private void handWrittenGroups() {
        origin = "groups";
        for (String f : new String[] {"displayName eq \"design\"", "displayName sw \"billing\"", "displayName co \"%\"",
            "displayName co \"_\"", "displayName eq \"a_b\\\\c\"", "displayName eq \"ops \\\"core\\\"\"", "displayName eq \"IT'S\"",
            "displayName gt \"design\" and displayName lt \"web\"", GRP + "kind eq \"BILLING_GROUP\"", GRP + "kind eq \"billinggroup\"",
            GRP + "kind eq \"BillingGroup\"", GRP + "kind eq \"billing_group\"", GRP + "kind eq \"Billing Group\"",
            GRP + "kind ne \"team\"",
            GRP + "kind pr", "members pr", "not (members pr)", "members.type eq \"User\"", "members.type eq \"Group\"",
            "meta.resourceType eq \"Group\"", "members[display co \"kim\"]", "members.display sw \"a\" and members.display sw \"b\"",
            "members[display sw \"a\" and display sw \"b\"]", "members.display ne \"nobody\"", "not (members.display co \"a\")",
            GRP + "kind eq \"Workspace\" or " + GRP + "kind eq \"Team\" and displayName sw \"a\""}) {
            add(false, f);
        }
        TeamMembership tm = data.memberships.get(rnd.nextInt(data.memberships.size()));
        String team = tm.getTeam().id().toString();
        String member = tm.getMember().id().toString();
        String outsider = data.members.stream()
                .filter(m -> data.memberships.stream().noneMatch(x -> x.getMember() == m && x.getTeam() == tm.getTeam()))
                .findFirst().orElseThrow().id().toString();
        add(false, "id eq " + lit(team) + " and members[value eq " + lit(member) + "]");
        add(false, "id eq " + lit(team) + " and members[value eq " + lit(outsider) + "]");
        add(false, "members[value eq " + lit(member) + "]");
        add(false, "members[value eq " + lit(member) + " and display eq " + lit("nobody at all") + "]");
        add(false, "members.value eq " + lit(member) + " or members.value eq " + lit(outsider));
        add(false, "members.value ne " + lit(member));
        add(false, "members.value eq " + lit(member.toUpperCase(Locale.ROOT)));
        add(false, "id eq " + lit(team.toUpperCase(Locale.ROOT)));
        String fid = data.teams.stream().map(Team::getFigmaTeamId).filter(Objects::nonNull).filter(s -> s.startsWith("T-")).findFirst()
                .orElseThrow();
        add(false, GRP + "figmaTeamId eq " + lit(fid));
        add(false, GRP + "figmaTeamId eq " + lit(fid.toLowerCase(Locale.ROOT)));
    }

    /**
     * Inputs where SCIMple 1.0.0-M1's parser and the RFC 7644 grammar part ways. The reference follows
     * the RFC; each case documents one limitation (kept failing on purpose if the engine disagrees).
     */
    private void parserEdges() {
        origin = "unicode-literal";
        Member unicode = data.members.stream().filter(m -> !isAscii(m.getEmail())).findFirst().orElseThrow();
        add(true, "userName eq " + lit(unicode.getEmail()));
        add(true, "displayName co \"山田\"");
        add(true, "name.familyName eq \"müller\"");
        add(true, "title co \"öß\"");
        add(true, ENT + "department eq \"équipe\"");
        add(false, "displayName eq \"日本 team\"");

        origin = "json-escape";
        add(true, "title eq \"a\\/b testing\"");
        add(true, "name.givenName eq \"\\u0041da\"");

        origin = "trailing-text";
        ObjectNode someone = users.stream().filter(u -> isAscii(u.get("userName").asText())).findFirst().orElseThrow();
        String email = someone.get("userName").asText();
        add(true, "emails[type eq \"work\"].value eq " + lit(email));
        add(true, "userName eq " + lit(email) + "]");
    }

    private void invalid() {
        origin = "invalid";
        for (String f : new String[] {"nosuch eq \"x\"", "active co true", BRI + "seatType gt \"Full\"", "meta.created sw \"2024\"",
            "userName eq 5", "title lt null", "groups[nosuch eq \"x\"]", "name pr", "active eq \"true\"", "externalId gt 5",
            FIG + "figmaAdmin eq 1", "id gt \"a\"", "meta.created gt \"yesterday\"", "emails.primary eq \"true\"", "title[value eq \"x\"]",
            "userName eq", "(userName eq \"a\"", "userName zz \"a\"", "figmaAdmin eq true",
            "meta.created eq meta.created"}) {
            add(true, f);
        }
        add(false, "members.nosuch eq \"x\"");
        add(false, GRP + "kind co \"team\"");
    }

    private void sortOnly() {
        origin = "sort";
        for (String s : USER_SORTS) {
            cases.add(new QueryCase("Users", null, origin + " " + s, sortVariants(s)));
        }
        for (String s : GROUP_SORTS) {
            cases.add(new QueryCase("Groups", null, origin + " " + s, sortVariants(s)));
        }
        cases.add(new QueryCase("Users", "title pr", "sort title with filter", sortVariants("title")));
        origin = "bad parameters";
        List<Variant> bad = List.of(new Variant("groups", null, null, null, MAX_COUNT), new Variant("groups.display", null, null, null,
                MAX_COUNT), new Variant("active", null, null, null, MAX_COUNT), new Variant("emails.type", null, null, null, MAX_COUNT),
                new Variant("nosuch", null, null, null, MAX_COUNT), new Variant(null, "sideways", null, null, MAX_COUNT),
                new Variant(null, null, "abc", null, MAX_COUNT), new Variant(null, null, null, "ten", MAX_COUNT));
        cases.add(new QueryCase("Users", null, origin, bad));
        cases.add(new QueryCase("Groups", null, origin, List.of(new Variant("members", null, null, null, MAX_COUNT),
                new Variant("members.display", null, null, null, MAX_COUNT))));
    }

    private List<Variant> sortVariants(String sortBy) {
        return List.of(new Variant(sortBy, null, "1", "1000", MAX_COUNT), new Variant(sortBy, "descending", "1", "1000", MAX_COUNT),
                new Variant(sortBy, "ascending", "3", "4", MAX_COUNT), new Variant(sortBy, "descending", "40", "25", MAX_COUNT),
                new Variant(sortBy, "DESCENDING", "290", "20", MAX_COUNT), new Variant(sortBy, null, "1", "0", MAX_COUNT));
    }

    // ---- building cases -------------------------------------------------------------------------------------

    /** An atomic case, also kept for compounds when it is valid. */
    private void atom(boolean u, String filter) {
        add(u, filter);
        Reference r = u ? userReference : groupReference;
        try {
            r.selects(filter, (u ? users : groups).get(0));
            (u ? userAtoms : groupAtoms).add(filter);
        } catch (Reference.Refused invalid) {
            // not an atom for compounds
        }
    }

    private void add(boolean u, String filter) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(null, null, null, Integer.toString(MAX_COUNT), MAX_COUNT));
        List<String> sorts = u ? USER_SORTS : GROUP_SORTS;
        for (int i = 0; i < 3; i++) {
            String[] w = WINDOWS[rnd.nextInt(WINDOWS.length)];
            variants.add(new Variant(sorts.get(rnd.nextInt(sorts.size())), ORDERS.get(rnd.nextInt(ORDERS.size())), w[0], w[1],
                    Integer.parseInt(w[2])));
        }
        cases.add(new QueryCase(u ? "Users" : "Groups", filter, origin, variants));
    }

    // ---- values from the data -------------------------------------------------------------------------------

    private List<String> texts(boolean u, String path) {
        Reference r = u ? userReference : groupReference;
        Attr a = (u ? ReferenceSchema.USERS : ReferenceSchema.GROUPS).find(FilterSyntax.parsePath(path)).orElseThrow();
        List<String> out = new ArrayList<>();
        for (ObjectNode res : u ? users : groups) {
            for (JsonNode v : r.values(res, null, a)) {
                out.add(v.asText());
            }
        }
        return out;
    }

    private List<String> distinct(boolean u, String path) {
        return new ArrayList<>(new LinkedHashSet<>(texts(u, path)));
    }

    private String existingAscii(boolean u, String path) {
        List<String> ascii = texts(u, path).stream().filter(Corpus::isAscii).filter(s -> !s.isEmpty()).toList();
        return ascii.isEmpty() ? null : ascii.get(rnd.nextInt(ascii.size()));
    }

    private Instant existingInstant(boolean u, String path) {
        List<String> v = texts(u, path);
        return Instant.parse(v.get(rnd.nextInt(v.size())));
    }

    /** A substring of 1–4 characters from an ASCII run of some value. */
    private String substring(boolean u, String path) {
        String v = asciiRun(u, path);
        int len = 1 + rnd.nextInt(Math.min(4, v.length()));
        int from = rnd.nextInt(v.length() - len + 1);
        return v.substring(from, from + len);
    }

    private String prefix(boolean u, String path) {
        String v = existingAscii(u, path);
        return v.substring(0, 1 + rnd.nextInt(Math.min(5, v.length())));
    }

    private String suffix(boolean u, String path) {
        String v = existingAscii(u, path);
        return v.substring(v.length() - 1 - rnd.nextInt(Math.min(5, v.length())));
    }

    private String asciiRun(boolean u, String path) {
        List<String> runs = new ArrayList<>();
        for (String t : texts(u, path)) {
            for (String run : t.split("[^\\x20-\\x7e]+")) {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
            }
        }
        return runs.get(rnd.nextInt(runs.size()));
    }

    private String maybeRecase(String s, boolean caseExact) {
        return caseExact ? s : recase(s);
    }

    private String recase(String s) {
        return switch (rnd.nextInt(4)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.toLowerCase(Locale.ROOT);
            case 2 -> swapCase(s);
            default -> s;
        };
    }

    private static String swapCase(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static String asciiOr(String s, String fallback) {
        return isAscii(s) ? s : fallback;
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String lit(String s) {
        return FilterSyntax.literal(s);
    }

    /** The attributes each template family covers, for the corpus-coverage check. */
    static Set<String> userAttributes() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(USER_STRINGS);
        all.addAll(USER_EXACT);
        all.addAll(USER_DATES);
        all.addAll(USER_ENUMS);
        all.addAll(USER_BOOLEANS);
        return all;
    }
}
