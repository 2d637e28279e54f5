package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table-driven: SCIM filter text → the fixture members it selects, run through the real SQL
 * translation on H2 and on PostgreSQL. {@code ${ada}} stands for a member's id, {@code ${team:X}}
 * for a team's id.
 */
class UserFilterTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
    private static final String FIG = "urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User:";
    private static final String BRI = "urn:figma-scim-bridge:schemas:extension:figma:2.0:User:";
    private static final String ALL = "ada ben chloe dev elena hugo jonas zed";

    private static final Map<String, Loaded> DATABASES = new HashMap<>();

    /** A fixture database per kind, shared by the query tests and dropped when the test JVM exits. */
    record Loaded(TestDatabase db, Store store, ScimFixture fixture) {
    }

    static synchronized Loaded database(String kind) {
        return DATABASES.computeIfAbsent(kind, k -> {
            TestDatabase db = TestDatabase.create(k);
            Store store = Store.open(db.settings());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.close();
                db.close();
            }));
            return new Loaded(db, store, ScimFixture.load(store));
        });
    }

    static Stream<Arguments> cases() {
        String[][] table = {
            {"userName eq \"ADA@example.com\"", "ada"},
            {"userName eq \"nobody@example.com\"", ""},
            {"userName sw \"b\"", "ben"},
            {"userName ew \"@agency.example.net\"", "hugo"},
            {"userName co \"EXAMPLE.NET\"", "hugo"},
            {"userName ne \"ada@example.com\"", "ben chloe dev elena hugo jonas zed"},
            {"userName lt \"b\"", "ada"},
            {"emails.value eq \"ben@example.com\"", "ben"},
            {"emails eq \"ben@example.com\"", "ben"},
            {"emails[type eq \"work\" and value co \"@agency\"]", "hugo"},
            {"emails[type eq \"home\"]", ""},
            {"emails.primary eq true", ALL},
            {"externalId eq \"ext-ADA\"", "ada"},
            {"externalId eq \"ext-ada\"", ""},
            {"externalId pr", "ada ben"},
            {"not (externalId pr)", "chloe dev elena hugo jonas zed"},
            {"title co \"manager\"", "dev elena"},
            {"title sw \"PRODUCT\"", "chloe dev"},
            {"title ew \"engineer\"", "ben"},
            {"title pr", "ada ben chloe dev elena zed"},
            {"title co \"_\"", "zed"},
            {"title eq \"a_b\\\\c\"", "zed"},
            {"title co \"\\\\\"", "zed"},
            {"title gt \"q\"", "ben"},
            {"displayName co \"%\"", "zed"},
            {"displayName eq \"jonas\"", "jonas"},
            {"displayName pr", ALL},
            {"name.givenName eq \"ada\"", "ada"},
            {"name.familyName sw \"m\"", "chloe"},
            {"name.formatted eq \"Hugo Bernard\"", "hugo"},
            {"active eq true", "ada ben chloe hugo jonas zed"},
            {"active eq false", "dev elena"},
            {"not (active eq true)", "dev elena"},
            {"userName sw \"a\" or userName sw \"b\"", "ada ben"},
            {"userName sw \"a\" and active eq false", ""},
            {"(userName sw \"a\" or userName sw \"e\") and active eq true", "ada"},
            {"title co \"manager\" or title co \"designer\" and active eq true", "chloe dev elena"},
            {"title co \"designer\" and active eq true or title co \"manager\"", "chloe dev elena"},
            {"userName sw \"d\" or userName sw \"e\" or title co \"designer\" and active eq true", "chloe dev elena"},
            {"active eq false and userName sw \"d\" or active eq true and userName sw \"z\"", "dev zed"},
            {"not (active eq false and userName sw \"d\" or userName sw \"z\")", "ada ben chloe elena hugo jonas"},
            {"userName eq \"ada@example.com\" or id eq \"${ben}\"", "ada ben"},
            {"not (userName eq \"ada@example.com\" or userName eq \"ben@example.com\")", "chloe dev elena hugo jonas zed"},
            {"meta.created gt \"2025-12-31T00:00:00Z\"", ALL},
            {"meta.created lt \"2026-01-01T00:00:00Z\"", ""},
            {"meta.created ge \"2026-01-01T00:00:00Z\"", ALL},
            {"meta.created eq \"2026-01-01T01:00:00+01:00\"", ALL},
            {"meta.lastModified gt \"2000-01-01T00:00:00Z\"", ALL},
            {"meta.resourceType eq \"User\"", ALL},
            {"id eq \"${ada}\"", "ada"},
            {"id eq \"not-a-uuid\"", ""},
            {"id ne \"${ada}\"", "ben chloe dev elena hugo jonas zed"},
            {ENT + "department eq \"design\"", "ada chloe"},
            {ENT + "manager.value eq \"${ada}\"", "ben"},
            {FIG + "figmaAdmin eq true", "ada"},
            {FIG + "figmaAdmin eq false", "ben chloe dev elena hugo jonas zed"},
            {BRI + "seatType eq \"full\"", "ada chloe hugo"},
            {BRI + "seatType eq \"Starter\"", "jonas"},
            {BRI + "seatType eq \"restricted\"", "zed"},
            {BRI + "seatType eq \"NoSuchSeat\"", ""},
            {BRI + "orgRole eq \"Guest\"", "hugo"},
            {BRI + "status eq \"invited\"", "dev"},
            {BRI + "status ne \"active\"", "dev elena"},
            {BRI + "lastActiveAt gt \"2026-04-30T00:00:00Z\"", "ada chloe"},
            {BRI + "lastActiveAt lt \"2026-01-01\"", "elena"},
            {BRI + "lastActiveAt pr", "ada ben chloe elena hugo"},
            {"not (" + BRI + "lastActiveAt gt \"2026-04-30T00:00:00Z\")", "ben dev elena hugo jonas zed"},
            {BRI + "dateAdded le \"2022-03-14T00:00:00Z\"", "ada"},
            {BRI + "figmaUserId eq \"1001\"", "ada"},
            {BRI + "managedByIdp eq true", "ada ben"},
            {"groups.value eq \"${team:Web App}\"", "ada ben hugo"},
            {"groups[display eq \"design systems\"]", "ada chloe"},
            {"groups.display sw \"mob\"", "chloe"},
            {"groups pr", "ada ben chloe hugo"},
            {"not (groups pr)", "dev elena jonas zed"},
            {"groups[value eq \"${team:Web App}\" and display eq \"Web App\"]", "ada ben hugo"},
            {"groups.display eq \"Web App\" and groups.display eq \"Design Systems\"", "ada"},
            {"groups[display eq \"Web App\" and display eq \"Design Systems\"]", ""},
            {"groups[display eq \"Web App\" or display eq \"Mobile\"] and active eq true", "ada ben chloe hugo"},
        };
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("h2", "postgres")) {
            for (String[] row : table) {
                out.add(Arguments.of(kind, row[0], row[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void filterSelectsExactlyTheExpectedMembers(String kind, String filter, String expected) {
        Loaded l = database(kind);
        String resolved = resolve(filter, l.fixture());
        ListRequest request = ListRequest.of(resolved, null, null, null, "1000", null, null, 100, 1000);
        ResourceQuery.Page<Member> page = l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, request));
        Set<String> actual = page.resources().stream().map(m -> m.getEmail().substring(0, m.getEmail().indexOf('@')))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = expected.isBlank() ? Set.of() : new TreeSet<>(List.of(expected.split(" ")));
        assertEquals(wanted, actual, resolved);
        assertEquals(wanted.size(), page.total(), "totalResults counts the matches in the database");
    }

    static Stream<Arguments> invalid() {
        String[] table = {
            "nosuch eq \"x\"", "name.nosuch eq \"x\"", ENT + "nosuch eq \"x\"", "urn:nope:2.0:User:x eq \"1\"",
            "active eq \"true\"", "active gt true", "userName gt 3", "userName eq true", "meta.created gt \"tomorrow\"",
            "meta.created co \"2026\"", BRI + "seatType sw \"F\"", BRI + "seatType eq 1", "id gt \"a\"", "groups.nosuch eq \"x\"",
            "groups[nosuch eq \"x\"]", "emails.type co \"w\"", "title lt null",
            "userName eq", "userName eq \"a", "(userName eq \"a\"", "userName eq \"a\" or", "and", "userName zz \"a\"", "",
        };
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("h2", "postgres")) {
            for (String f : table) {
                if (!f.isEmpty()) {
                    out.add(Arguments.of(kind, f));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("invalid")
    void invalidFiltersAreRefusedWithInvalidFilter(String kind, String filter) {
        Loaded l = database(kind);
        ScimException e = assertThrows(ScimException.class, () -> {
            ListRequest request = ListRequest.of(filter, null, null, null, null, null, null, 100, 1000);
            l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, request));
        });
        assertEquals(400, e.status());
        assertEquals("invalidFilter", e.scimType());
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    static String resolve(String filter, ScimFixture f) {
        String out = filter;
        for (Map.Entry<String, Member> m : f.members.entrySet()) {
            out = out.replace("${" + m.getKey() + "}", m.getValue().id().toString());
        }
        for (var t : f.teams.entrySet()) {
            out = out.replace("${team:" + t.getKey() + "}", t.getValue().id().toString());
        }
        return out;
    }
}
