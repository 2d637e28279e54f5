package dev.figmascim.bridge.scim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.figmascim.bridge.config.BridgeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.directory.scim.spec.filter.FilterExpression;

import java.util.List;
import java.util.UUID;

/**
 * Remembers {@code totalResults}: the number of matches of a filter, per resource type and
 * {@link StoreGeneration}. A client paging through a filtered list (every IdP sync does, by index or by
 * cursor) needs the same total on every page, and counting means visiting every match: for
 * {@code title co "eng"} over 100k members, a scan of the table per page. Since the count can only
 * change when a reconciliation commits, and that changes the generation, a remembered count is exact.
 *
 * <p>The key is the parsed filter tree (SCIMple's expressions compare structurally), so two requests
 * share a count only when their filters are the same expression; sortBy, paging and projection do not
 * change a count. The generation is read before counting, in the same transaction: a count that a
 * concurrent commit already sees is filed under the older generation, and only requests that started
 * before that commit can meet it, as they could have without the cache.
 */
@ApplicationScoped
class MatchCounts {

    private record Key(String resource, FilterExpression filter, List<UUID> generation) {
    }

    /** Null when disabled ({@code bridge.scim.count-cache-size=0}). */
    private final Cache<Key, Long> counts;

    @Inject
    MatchCounts(BridgeSettings settings) {
        this(settings.scimCountCacheSize());
    }

    MatchCounts(long maximumSize) {
        this.counts = maximumSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** A cache that never remembers: every total is counted. */
    static MatchCounts none() {
        return new MatchCounts(0);
    }

    /**
     * The counter for {@code query}'s pages in one session: remembered totals of {@code resource} under
     * {@code generation} (that session's), counted when unknown.
     */
    ResourceQuery.Counter counter(String resource, ResourceQuery<?> query, StoreGeneration.Memo generation) {
        if (counts == null) {
            return query::count;
        }
        return (em, request) -> {
            Key key = new Key(resource, request.filter(), generation.get());
            Long known = counts.getIfPresent(key);
            if (known != null) {
                return known;
            }
            // Counted outside the cache's lock: a slow count must not hold up other keys.
            long counted = query.count(em, request);
            counts.put(key, counted);
            return counted;
        };
    }
}
