package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Cached representations are exact: read again in the same store generation they are not rendered again,
 * and after a reconciliation commits every one is rendered from the new state.
 */
class RepresentationCacheTest {

    private static final String BASE = "https://bridge.test/scim/v2/";
    /** Every user, sorted by userName. */
    private static final ListRequest ALL = ListRequest.of(null, "userName", null, null, "10", null, null, 100, 1000);

    @TempDir
    Path dir;

    /** Every id {@code load} was asked for, over all calls. */
    private final List<UUID> loadedIds = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void servedFromTheCacheUntilAReconciliationCommits(String kind) throws IOException {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            MemberRepository users = new MemberRepository(store);
            RepresentationCache cache = new RepresentationCache(1 << 20);

            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Designer,Design");
            List<JsonNode> first = page(cache, users, ALL, BASE);
            assertEquals(2, loadedIds.size(), "the first read renders both");
            assertEquals(fresh(users, ALL, BASE), first);
            assertEquals(first, page(cache, users, ALL, BASE));
            assertEquals(2, loadedIds.size(), "the second read, in the same generation, renders nothing");

            // Written behind the bridge's back, not by a reconciliation: still served from the cache, which
            // shows it is one (only reconciliations change the store, ARCHITECTURE §3, §5).
            store.run(em -> em.createQuery("update Member m set m.title = 'Intruder'").executeUpdate());
            assertEquals(first, page(cache, users, ALL, BASE));

            page(cache, users, ALL, "https://other.test/scim/v2/");
            assertEquals(4, loadedIds.size(), "absolute URLs differ per base URL: cached apart");

            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Lead designer,Web");
            List<JsonNode> after = page(cache, users, ALL, BASE);
            assertEquals(6, loadedIds.size(), "a commit renders every one again");
            assertEquals(fresh(users, ALL, BASE), after);
            assertEquals("Lead designer", after.get(1).get("title").asText());
            assertEquals("Web", after.get(1).get("groups").get(0).get("display").asText());
        }
    }

    /**
     * After a commit, a cached User whose version has not moved is kept (one query for the versions), and
     * only the users the reconciliation changed are rendered again (a member's own field, a membership).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aCommitRendersAgainOnlyTheUsersItChanged(String kind) throws IOException {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            MemberRepository users = new MemberRepository(store);
            RepresentationCache cache = new RepresentationCache(1 << 20);
            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Designer,Design", "cy@example.com,Writer,Docs");
            assertEquals(fresh(users, ALL, BASE), versioned(cache, users, ALL));
            assertEquals(3, loadedIds.size());

            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Lead designer,Design", "cy@example.com,Writer,Docs");
            List<JsonNode> titleChanged = versioned(cache, users, ALL);
            assertEquals(fresh(users, ALL, BASE), titleChanged);
            assertEquals("Lead designer", titleChanged.get(1).get("title").asText());
            assertEquals(4, loadedIds.size(), "only Ben is rendered again");
            assertEquals(byUserName(users, "ben@example.com"), loadedIds.get(3));

            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Lead designer,Design", "cy@example.com,Writer,Design");
            assertEquals(fresh(users, ALL, BASE), versioned(cache, users, ALL));
            assertEquals(List.of(byUserName(users, "cy@example.com")), loadedIds.subList(4, loadedIds.size()),
                    "only Cy, who joined Design, is rendered again");

            // The same file again: a run that commits (a new generation) and changes nothing.
            int before = loadedIds.size();
            List<UUID> generation = users.findIds(ALL).generation();
            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Lead designer,Design", "cy@example.com,Writer,Design");
            List<JsonNode> unchanged = versioned(cache, users, ALL);
            assertEquals(fresh(users, ALL, BASE), unchanged);
            assertNotEquals(generation, users.findIds(ALL).generation());
            assertEquals(before, loadedIds.size(), "a commit that changed none of them renders none of them");
        }
    }

    private List<JsonNode> versioned(RepresentationCache cache, MemberRepository users, ListRequest request) {
        return page(cache, users, request, BASE, users.versions());
    }

    private static UUID byUserName(MemberRepository users, String userName) {
        ListRequest one = ListRequest.of("userName eq \"" + userName + "\"", null, null, null, null, null, null, 100, 1000);
        return users.findIds(one).value().resources().get(0);
    }

    /**
     * The {@code userName eq} look-up reads its match and the generation in one plain-JDBC statement: it
     * must find what the general path finds and read the very generation the general path reads, or the
     * two would never share cached representations (or, worse, share stale ones).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theUserNameLookUpReadsTheSameGenerationAsEveryOtherQuery(String kind) throws IOException {
        try (TestDatabase db = TestDatabase.create(kind); Store store = Store.open(db.settings())) {
            MemberRepository users = new MemberRepository(store);
            ListRequest ada = ListRequest.of("userName eq \"ADA@Example.com\"", null, null, null, null, null, null, 100, 1000);
            ListRequest nobody = ListRequest.of("userName eq \"nobody@example.com\"", null, null, null, null, null, null, 100, 1000);
            assertEquals(List.of(), users.findIds(ada).generation(), "no run has finished yet");
            List<List<UUID>> seen = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Designer v" + run + ",Design");
                StoreGeneration.Read<ResourceQuery.Page<UUID>> byKey = users.findIds(ada);
                StoreGeneration.Read<ResourceQuery.Page<UUID>> general = users.findIds(ALL);
                assertEquals(general.generation(), byKey.generation());
                assertEquals(run + 1, byKey.generation().size());
                assertEquals(List.of(general.value().resources().get(0)), byKey.value().resources());
                assertEquals(1, byKey.value().total());
                assertEquals(0, users.findIds(nobody).value().total());
                assertEquals(List.of(), users.findIds(nobody).value().resources());
                seen.add(byKey.generation());
            }
            assertEquals(3, seen.stream().distinct().count(), "every commit is a new generation");
        }
    }

    @Test
    void aCacheTooSmallForOneRepresentationStillAnswersRight() throws IOException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            MemberRepository users = new MemberRepository(store);
            reconcile(store, "ada@example.com,Engineer,Design", "ben@example.com,Designer,Design");
            for (RepresentationCache cache : List.of(new RepresentationCache(1), new RepresentationCache(0))) {
                assertEquals(fresh(users, ALL, BASE), page(cache, users, ALL, BASE));
                assertEquals(fresh(users, ALL, BASE), page(cache, users, ALL, BASE));
            }
        }
    }

    /** A page as the list endpoints serve it, parsed back from the raw JSON they write. */
    private List<JsonNode> page(RepresentationCache cache, MemberRepository users, ListRequest request, String base) {
        return page(cache, users, request, base, null);
    }

    private List<JsonNode> page(RepresentationCache cache, MemberRepository users, ListRequest request, String base,
                                RepresentationCache.Versions<MemberRepository.Loaded> versions) {
        StoreGeneration.Read<ResourceQuery.Page<UUID>> read = users.findIds(request);
        List<JsonNode> raw = cache.get("Users", read.value().resources(), read.generation(), base, ids -> {
            loadedIds.addAll(ids);
            return users.load(ids, true);
        }, l -> out -> UserRepresentation.write(l.member(), l.memberships(), base, out), versions);
        return parsed(ListResponses.of(read.value().total(), 1, raw));
    }

    private static List<JsonNode> parsed(ObjectNode list) {
        try {
            JsonNode parsed = ScimJson.MAPPER.readTree(ScimJson.MAPPER.writeValueAsString(list));
            List<JsonNode> out = new ArrayList<>();
            parsed.get("Resources").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> fresh(MemberRepository users, ListRequest request, String base) {
        return users.find(request, true).resources().stream()
                .map(l -> (JsonNode) UserRepresentation.withTeams(l.member(), l.memberships(), base)).toList();
    }

    /** Lines of "e-mail,title,team". */
    private void reconcile(Store store, String... rows) throws IOException {
        StringBuilder csv = new StringBuilder("Email,Name,Role,Title,Teams\n");
        for (String r : rows) {
            String[] f = r.split(",");
            csv.append(f[0]).append(',').append(f[0], 0, f[0].indexOf('@')).append(",Member,").append(f[1]).append(',')
                    .append(f[2]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("members-" + System.nanoTime() + ".csv"), csv);
        new Reconciler(store).run(new CsvSnapshot(file, file.getFileName().toString()), ReconcileOptions.defaults());
    }
}
