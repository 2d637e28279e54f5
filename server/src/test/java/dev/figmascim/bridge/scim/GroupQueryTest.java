package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Team;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Group filters, and sorting and paging for both resource types, on H2 and PostgreSQL. */
class GroupQueryTest {

    private static final String EXT = "urn:figma-scim-bridge:schemas:extension:figma:2.0:Group:";

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "h2|displayName eq \"web app\"|Web App", "postgres|displayName eq \"web app\"|Web App",
        "h2|displayName sw \"d\"|Design Systems", "postgres|displayName sw \"d\"|Design Systems",
        "h2|members[value eq \"${ada}\"]|Design Systems,Product,Web App",
        "postgres|members[value eq \"${ada}\"]|Design Systems,Product,Web App",
        "h2|" + EXT + "kind eq \"workspace\"|Product", "postgres|" + EXT + "kind eq \"Workspace\"|Product",
        "h2|" + EXT + "figmaTeamId eq \"111\"|Design Systems", "postgres|" + EXT + "figmaTeamId eq \"111\"|Design Systems",
        "h2|members pr|Design Systems,Mobile,Product,Web App", "postgres|members pr|Design Systems,Mobile,Product,Web App",
        "h2|not (members pr)|", "postgres|not (members pr)|",
        "h2|id eq \"${team:Mobile}\" and members[value eq \"${chloe}\"]|Mobile",
        "postgres|id eq \"${team:Mobile}\" and members[value eq \"${chloe}\"]|Mobile",
        "h2|id eq \"${team:Mobile}\" and members[value eq \"${ada}\"]|",
        "postgres|id eq \"${team:Mobile}\" and members[value eq \"${ada}\"]|",
        "h2|members.display co \"park\"|Design Systems,Product,Web App",
        "postgres|members.display co \"park\"|Design Systems,Product,Web App",
        "h2|members.value eq \"${dev}\"|", "postgres|meta.resourceType eq \"Group\"|Design Systems,Mobile,Product,Web App",
    })
    void groupFilters(String kind, String filter, String expected) {
        var l = UserFilterTest.database(kind);
        String resolved = UserFilterTest.resolve(filter, l.fixture());
        ListRequest request = ListRequest.of(resolved, null, null, null, null, null, null, 100, 1000);
        var page = l.store().read(em -> new ResourceQuery<>(GroupAttributes.TABLE, "id").find(em, request));
        Set<String> actual = page.resources().stream().map(Team::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = expected == null ? Set.of() : new TreeSet<>(List.of(expected.split(",")));
        assertEquals(wanted, actual, resolved);
        assertEquals(wanted.size(), page.total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sortingIsCaseInsensitiveStableAndPutsAbsentValuesLast(String kind) {
        var l = UserFilterTest.database(kind);
        assertEquals(List.of("ada", "ben", "chloe", "dev", "elena", "hugo", "jonas", "zed"), users(l, "userName", "ascending", 1, 100));
        assertEquals(List.of("zed", "jonas", "hugo", "elena", "dev", "chloe", "ben", "ada"), users(l, "userName", "descending", 1, 100));
        // Titles: "a_b\c", Design Ops Lead, Marketing Manager, Product Designer, Product Manager, Senior...; hugo and jonas
        // have none and come last (ascending), ties among them broken by id.
        List<String> byTitle = users(l, "title", null, 1, 100);
        assertEquals(List.of("zed", "ada", "elena", "chloe", "dev", "ben"), byTitle.subList(0, 6));
        assertEquals(Set.of("hugo", "jonas"), Set.copyOf(byTitle.subList(6, 8)));
        // Every member has the same meta.created: the id alone orders them, identically on every call.
        List<String> byCreated = users(l, "meta.created", null, 1, 100);
        assertEquals(byCreated, users(l, "meta.created", null, 1, 100));
        assertEquals(byCreated.subList(2, 5), users(l, "meta.created", null, 3, 3));
        // Descending lastActiveAt: latest first, absent values still last.
        List<String> desc = users(l, "urn:figma-scim-bridge:schemas:extension:figma:2.0:User:lastActiveAt", "descending", 1, 100);
        assertEquals(List.of("ada", "chloe", "ben", "hugo", "elena"), desc.subList(0, 5));
        assertEquals(Set.of("dev", "jonas", "zed"), Set.copyOf(desc.subList(5, 8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagingCountsEverythingAndReturnsOneWindow(String kind) {
        var l = UserFilterTest.database(kind);
        ListRequest request = ListRequest.of("active eq true", "userName", null, "2", "3", null, null, 100, 1000);
        var page = l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, request));
        assertEquals(6, page.total());
        assertEquals(List.of("ben", "chloe", "hugo"), page.resources().stream().map(GroupQueryTest::key).toList());
        ListRequest beyond = ListRequest.of(null, null, null, "50", "10", null, null, 100, 1000);
        var empty = l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, beyond));
        assertEquals(8, empty.total());
        assertEquals(0, empty.resources().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"groups", "groups.display", "active", "emails.type", "nosuch"})
    void unsortableAttributesAreInvalidValue(String sortBy) {
        var l = UserFilterTest.database("h2");
        ListRequest request = ListRequest.of(null, sortBy, null, null, null, null, null, 100, 1000);
        ScimException e = assertThrows(ScimException.class,
                () -> l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, request)));
        assertEquals("invalidValue", e.scimType());
    }

    private static List<String> users(UserFilterTest.Loaded l, String sortBy, String order, int start, int count) {
        ListRequest request = ListRequest.of(null, sortBy, order, Integer.toString(start), Integer.toString(count), null, null, 100, 1000);
        return l.store().read(em -> new ResourceQuery<>(UserAttributes.TABLE, "id").find(em, request))
                .resources().stream().map(GroupQueryTest::key).toList();
    }

    private static String key(Member m) {
        return m.getEmail().substring(0, m.getEmail().indexOf('@'));
    }
}
