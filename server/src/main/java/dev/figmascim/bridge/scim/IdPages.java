package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pages of one resource type as ids: read by SELECTs on an auto-commit connection ({@link Store#select}),
 * with the store generation read after them (for cached representations) and totals remembered per
 * generation ({@link MatchCounts}). What Users and Groups share; each repository loads and represents its
 * own resources.
 */
final class IdPages {

    private final Store store;
    private final ResourceQuery<?> query;
    private final MatchCounts counts;
    private final String resource;

    IdPages(Store store, ResourceQuery<?> query, MatchCounts counts, String resource) {
        this.store = store;
        this.query = query;
        this.counts = counts;
        this.resource = resource;
    }

    /** The ids of one index page, with the generation they were read in. */
    StoreGeneration.Read<ResourceQuery.Page<UUID>> find(ListRequest request) {
        return store.select(em -> {
            StoreGeneration.Memo generation = new StoreGeneration.Memo(em);
            return generation.with(query.findIds(em, request, counts.counter(resource, query, generation)));
        });
    }

    /** The ids of one cursor page after {@code at} (or before it), with the generation they were read in. */
    StoreGeneration.Read<ResourceQuery.CursorPage<UUID>> findNear(ListRequest request, ResourceQuery.Position at, boolean previous) {
        return store.select(em -> {
            StoreGeneration.Memo generation = new StoreGeneration.Memo(em);
            return generation.with(query.findIdsNear(em, request, at, previous, counts.counter(resource, query, generation)));
        });
    }

    /** The store generation now. */
    List<UUID> generation() {
        return store.select(StoreGeneration::current);
    }

    /** {@code loaded} in the order of {@code ids}; an id without a row (members and teams loaded after their page) is left out. */
    static <L> List<L> inOrder(List<UUID> ids, Map<UUID, L> loaded) {
        List<L> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            L l = loaded.get(id);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }
}
