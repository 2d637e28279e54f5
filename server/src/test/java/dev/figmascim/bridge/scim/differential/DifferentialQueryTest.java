package dev.figmascim.bridge.scim.differential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential test: every case of the {@link Corpus} is answered by {@code ResourceQuery} on H2 and
 * on PostgreSQL and by the in-memory {@link Reference}; the total and the exact ordered page of ids must
 * be the same, or both must refuse the request with the same scimType. A disagreement names the filter,
 * how the reference and SCIMple read it, the variant, and the resources only one side returned.
 *
 * <p>A failing case is a finding: it stays, and is never skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialQueryTest {

    private static final List<String> KINDS = List.of("h2", "postgres");

    /** One database loaded with the organisation, and the reference over the same organisation's JSON. */
    private record Loaded(String kind, TestDatabase db, Store store, Reference users, Reference groups, Map<String, String> labels) {
    }

    private final Map<String, Loaded> databases = new LinkedHashMap<>();
    private OrgData data;
    private List<QueryCase> corpus;

    @BeforeAll
    void load() {
        data = OrgData.generate(OrgData.SEED);
        corpus = Corpus.build(data);
        for (String kind : KINDS) {
            TestDatabase db = TestDatabase.create(kind);
            Store store = Store.open(db.settings());
            databases.put(kind, new Loaded(kind, db, store, null, null, null));
            // Fresh entities for every database; the seed makes them identical, ids included.
            OrgData copy = OrgData.generate(OrgData.SEED);
            copy.persist(store);
            databases.put(kind, new Loaded(kind, db, store, new Reference(ReferenceSchema.USERS, copy.usersJson()),
                    new Reference(ReferenceSchema.GROUPS, copy.groupsJson()), copy.labels()));
        }
    }

    @AfterAll
    void drop() {
        for (Loaded l : databases.values()) {
            try {
                l.store().close();
            } finally {
                l.db().close();
            }
        }
    }

    @TestFactory
    Stream<DynamicContainer> engineAgreesWithTheReference() {
        return KINDS.stream().map(kind -> DynamicContainer.dynamicContainer(kind, corpus.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(databases.get(kind), c)))));
    }

    private void check(Loaded l, QueryCase c) {
        List<String> problems = new ArrayList<>();
        for (QueryCase.Variant v : c.variants()) {
            Engine.Request request = v.request(c.filter());
            Outcome expected = (c.isUsers() ? l.users() : l.groups()).answer(request);
            Outcome actual = l.store().read(em -> c.isUsers() ? Engine.users(em, request) : Engine.groups(em, request));
            if (!expected.agreesWith(actual)) {
                problems.add(v + "\n    " + difference(expected, actual, l.labels()));
            }
        }
        if (!problems.isEmpty()) {
            String trees = c.filter() == null ? "" : "\n  reference reads: " + readByReference(c.filter())
                    + "\n  SCIMple reads:   " + ScimpleTrees.canonical(c.filter());
            fail("[" + l.kind() + "] " + c.resource() + " filter " + c.filter() + trees + "\n  " + String.join("\n  ", problems));
        }
    }

    private static String readByReference(String filter) {
        try {
            return FilterSyntax.canonical(FilterSyntax.parse(filter));
        } catch (FilterSyntax.SyntaxError e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String difference(Outcome expected, Outcome actual, Map<String, String> labels) {
        if (expected.isRefusal() || actual.isRefusal()) {
            return "expected " + describe(expected) + ", engine " + describe(actual);
        }
        Set<String> onlyEngine = new LinkedHashSet<>(actual.ids());
        onlyEngine.removeAll(expected.ids());
        Set<String> onlyReference = new LinkedHashSet<>(expected.ids());
        onlyReference.removeAll(actual.ids());
        int firstDiff = 0;
        while (firstDiff < Math.min(expected.ids().size(), actual.ids().size())
                && expected.ids().get(firstDiff).equals(actual.ids().get(firstDiff))) {
            firstDiff++;
        }
        return "expected total " + expected.total() + " page " + expected.ids().size() + ", engine total " + actual.total()
                + " page " + actual.ids().size() + "; first difference at page position " + firstDiff
                + (onlyReference.isEmpty() ? "" : "; only expected: " + label(onlyReference, labels))
                + (onlyEngine.isEmpty() ? "" : "; only engine: " + label(onlyEngine, labels))
                + (onlyEngine.isEmpty() && onlyReference.isEmpty() ? "; order expected " + label(window(expected.ids(), firstDiff), labels)
                + " engine " + label(window(actual.ids(), firstDiff), labels) : "");
    }

    private static List<String> window(List<String> ids, int from) {
        return ids.subList(from, Math.min(ids.size(), from + 3));
    }

    private static String describe(Outcome o) {
        return o.isRefusal() ? o.status() + " " + o.scimType() + " (" + o.detail() + ")" : "total " + o.total() + ", page of "
                + o.ids().size();
    }

    private static String label(Iterable<String> ids, Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (out.size() == 6) {
                out.add("…");
                break;
            }
            out.add(labels.getOrDefault(id, id));
        }
        return out.toString();
    }

    // ---- the assumptions the reference rests on, checked against each database ------------------------------

    /** Ties and the default order are by id; the reference orders ids as lower-case hex strings. */
    @Test
    void databasesOrderUuidsLikeTheirLowerCaseHexStrings() {
        List<String> ids = data.members.stream().map(m -> m.id().toString()).toList();
        assertTrue(data.members.stream().anyMatch(m -> m.id().getMostSignificantBits() < 0)
                && data.members.stream().anyMatch(m -> m.id().getMostSignificantBits() > 0),
                "the data has ids on both sides of a signed comparison, so signed ordering would show");
        List<String> lexicographic = ids.stream().sorted().toList();
        assertTrue(!lexicographic.equals(data.members.stream().map(Member::id).sorted().map(UUID::toString).toList()),
                "java.util.UUID.compareTo orders these ids differently from their strings, so the check below can tell them apart");
        for (String kind : KINDS) {
            Store store = databases.get(kind).store();
            List<String> byDatabase = store.read(em -> em.createQuery("select m.id from Member m order by m.id", UUID.class)
                    .getResultList()).stream().map(UUID::toString).toList();
            assertEquals(lexicographic, byDatabase, kind + " orders uuid columns like lower-case hex strings");
            List<String> descending = store.read(em -> em.createQuery("select t.id from Team t order by t.id desc", UUID.class)
                    .getResultList()).stream().map(UUID::toString).toList();
            assertEquals(data.teams.stream().map(t -> t.id().toString()).sorted(Comparator.reverseOrder()).toList(), descending, kind);
        }
    }

    /** The reference lower-cases with Java; the engine, for most columns, with the database's lower(). */
    @Test
    void databaseLowerAgreesWithJavaOnEveryStoredString() {
        String[] columns = {"name", "given_name", "family_name", "title", "employee_number", "cost_center", "organization", "division",
            "department", "workspace", "billing_group", "manager_email", "email"};
        for (String kind : KINDS) {
            for (String column : columns) {
                List<Object[]> rows = databases.get(kind).store().read(em -> em.createNativeQuery(
                        "select " + column + ", lower(" + column + ") from member where " + column + " is not null", Object[].class)
                        .getResultList());
                assertTrue(!rows.isEmpty(), column);
                for (Object[] row : rows) {
                    assertEquals(((String) row[0]).toLowerCase(Locale.ROOT), row[1], kind + " lower(" + column + ") of '" + row[0] + "'");
                }
            }
            List<Object[]> teams = databases.get(kind).store().read(em -> em.createNativeQuery("select name, lower(name) from team",
                    Object[].class).getResultList());
            teams.forEach(row -> assertEquals(((String) row[0]).toLowerCase(Locale.ROOT), row[1], kind + " team " + row[0]));
        }
    }

    /** The corpus is large, covers every template family and attribute, and its filters discriminate. */
    @Test
    void corpusIsLargeAndDiscriminating() {
        List<QueryCase> filtered = corpus.stream().filter(c -> c.filter() != null).toList();
        assertTrue(filtered.size() >= 200, "at least 200 filter cases, not " + filtered.size());
        Reference users = new Reference(ReferenceSchema.USERS, data.usersJson());
        Reference groups = new Reference(ReferenceSchema.GROUPS, data.groupsJson());
        int valid = 0;
        int proper = 0;
        for (QueryCase c : filtered) {
            Outcome o = (c.isUsers() ? users : groups).answer(c.variants().get(0).request(c.filter()));
            if (!o.isRefusal()) {
                valid++;
                long all = c.isUsers() ? data.members.size() : data.teams.size();
                if (o.total() > 0 && o.total() < all) {
                    proper++;
                }
            }
        }
        assertTrue(proper * 10 >= valid * 6, proper + " of " + valid + " valid filters select a proper, non-empty subset");
        assertTrue(valid < filtered.size() && filtered.size() - valid >= 20, "the corpus also holds invalid filters");
        for (String attribute : Corpus.userAttributes()) {
            long uses = filtered.stream().filter(c -> c.isUsers() && c.filter().contains(attribute)).count();
            assertTrue(uses >= 5, attribute + " appears in " + uses + " cases");
        }
        Set<String> sorts = corpus.stream().flatMap(c -> c.variants().stream()).map(QueryCase.Variant::sortBy).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertTrue(sorts.size() >= 25, "sortBy attributes exercised: " + sorts);
        assertTrue(corpus.stream().flatMap(c -> c.variants().stream()).anyMatch(v -> "0".equals(v.count())), "count=0 is exercised");
        assertTrue(corpus.stream().flatMap(c -> c.variants().stream()).anyMatch(v -> "1000".equals(v.startIndex())),
                "a startIndex beyond the total is exercised");
    }

    /**
     * On plain ASCII filters the reference's parser and SCIMple + {@code Precedence} read the same tree,
     * so a disagreement in the corpus on such a filter lies in the translation, not in the parsing.
     */
    @Test
    void referenceParserAndScimpleReadPlainFiltersAlike() {
        List<String> different = new ArrayList<>();
        int compared = 0;
        for (QueryCase c : corpus) {
            if (c.filter() == null || !Corpus.isAscii(c.filter()) || Set.of("json-escape", "trailing-text").contains(c.origin())) {
                continue;
            }
            String ours = readByReference(c.filter());
            if (ours.startsWith("refused")) {
                continue;
            }
            compared++;
            String theirs = ScimpleTrees.canonical(c.filter());
            if (!ours.equals(theirs)) {
                different.add(c.filter() + "\n    reference: " + ours + "\n    SCIMple:   " + theirs);
            }
        }
        assertTrue(compared >= 200, "compared " + compared);
        assertEquals(List.of(), different);
    }

    /** Guards the reference against resources whose JSON it cannot read (every resource has an id). */
    @Test
    void everyResourceIsRepresented() {
        List<ObjectNode> users = data.usersJson();
        assertEquals(OrgData.MEMBERS, users.size());
        assertTrue(users.stream().allMatch(u -> u.hasNonNull("id") && u.hasNonNull("userName")));
        assertTrue(data.teams.size() >= 25);
    }
}
