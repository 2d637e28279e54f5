package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.figmascim.bridge.config.BridgeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Full representations (the default projection) of Users and Groups, serialised once and kept per
 * {@link StoreGeneration}. What a representation shows (a member's row, its memberships, its teams'
 * names) changes only when a reconciliation commits, and every commit changes the generation; so a
 * representation filed under the generation a request reads is exact, on every replica, without any
 * invalidation message. A page of cached users costs its id query and the generation query: no row is
 * hydrated and no tree is built or serialised. After a commit, a User filed under an older generation is
 * kept if its version has not moved ({@link Versions}): one query for the page's versions instead of
 * rendering every user again, so frequent small reconciliations (incremental Figma syncs) do not empty
 * the cache. Groups are rendered again after a commit: they are not revalidated by version (yet).
 *
 * <p>Bounded by the UTF-8 size of what it holds ({@code bridge.scim.representation-cache-mb}; by default
 * an eighth of the heap, at most 1 GiB). Caffeine evicts by frequency and recency. Entries of an older
 * generation are never read again and age out the same way.
 */
@ApplicationScoped
class RepresentationCache {

    /** The base URL is part of the key: {@code $ref} and {@code meta.location} are absolute. */
    private record Key(String resource, UUID id, String baseUrl) {
    }

    /** {@code version}: the resource's {@code meta.version} when rendered, or -1 for a type not revalidated by version. */
    private record Entry(List<UUID> generation, long version, Utf8Json json) {
    }

    /**
     * How a representation of an older generation is checked rather than rendered again, for a resource
     * type whose version moves exactly when its representation changes (Users: a member's own fields,
     * its memberships and its teams' names all move its version; issue 4 §6). Versions only grow, so a
     * version read now that equals the one rendered was also the version in the generation asked for.
     */
    interface Versions<L> {
        long of(L loaded);

        /** The current versions of the resources of {@code ids} that exist. */
        Map<UUID, Long> current(List<UUID> ids);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Null when disabled (size 0). */
    private final Cache<Key, Entry> cache;

    /**
     * The base URL and generation last asked for. A request's own are new objects, equal to those of the
     * keys and entries it reads; using one shared instance of each lets those compare by identity, where
     * comparing by value chased pointers into cold memory for every cached representation (a page's keys
     * were 5 % of its CPU, JFR, docs/BENCHMARKS.md). Only the last is held: a client's Host header cannot grow it.
     */
    private final AtomicReference<String> lastBase = new AtomicReference<>("");
    private final AtomicReference<List<UUID>> lastGeneration = new AtomicReference<>(List.of());

    @Inject
    RepresentationCache(BridgeSettings settings) {
        this(settings.scimRepresentationCacheBytes());
    }

    RepresentationCache(long maximumBytes) {
        this.cache = maximumBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher((Key k, Entry e) -> e.json().bytes.length + 200)
                .build();
    }

    /**
     * The representations of {@code ids}, in their order, as raw JSON nodes: from the cache where one of
     * {@code generation} is held, else rendered from what {@code load} returns for the missing ids (one
     * call) and kept. An id {@code load} does not return is left out. With {@code versions} (null: none),
     * the entries of an older generation are checked by it (one call for all of them) and kept when their
     * resource has not moved on: a reconciliation then renders again only what it changed.
     */
    <L> List<JsonNode> get(String resource, List<UUID> ids, List<UUID> generation, String baseUrl,
                           Function<List<UUID>, Map<UUID, L>> load, Function<L, ScimJson.Writing> writer, Versions<L> versions) {
        baseUrl = shared(lastBase, baseUrl);
        generation = shared(lastGeneration, generation);
        JsonNode[] out = new JsonNode[ids.size()];
        Entry[] older = new Entry[ids.size()];
        List<UUID> missing = new java.util.ArrayList<>();
        List<UUID> toCheck = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Entry e = cache == null ? null : cache.getIfPresent(new Key(resource, ids.get(i), baseUrl));
            if (e != null && e.generation().equals(generation)) {
                out[i] = NODES.rawValueNode(new RawValue(e.json()));
            } else if (e != null && versions != null && e.version() >= 0) {
                older[i] = e;
                toCheck.add(ids.get(i));
            } else {
                missing.add(ids.get(i));
            }
        }
        if (!toCheck.isEmpty()) {
            Map<UUID, Long> now = versions.current(toCheck);
            for (int i = 0; i < ids.size(); i++) {
                if (older[i] == null) {
                    continue;
                }
                Long current = now.get(ids.get(i));
                if (current != null && current == older[i].version()) {
                    Entry kept = new Entry(generation, current, older[i].json());
                    cache.put(new Key(resource, ids.get(i), baseUrl), kept);
                    out[i] = NODES.rawValueNode(new RawValue(kept.json()));
                } else {
                    missing.add(ids.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, L> loaded = load.apply(missing);
            for (int i = 0; i < ids.size(); i++) {
                L l = out[i] == null ? loaded.get(ids.get(i)) : null;
                if (l != null) {
                    Utf8Json json = new Utf8Json(ScimJson.utf8(writer.apply(l)));
                    if (cache != null) {
                        long version = versions == null ? -1 : versions.of(l);
                        cache.put(new Key(resource, ids.get(i), baseUrl), new Entry(generation, version, json));
                    }
                    out[i] = NODES.rawValueNode(new RawValue(json));
                }
            }
        }
        return java.util.Arrays.stream(out).filter(java.util.Objects::nonNull).toList();
    }

    /** The instance held in {@code last} when it equals {@code value}; else {@code value}, now held there. */
    private static <T> T shared(AtomicReference<T> last, T value) {
        T held = last.get();
        if (held.equals(value)) {
            return held;
        }
        last.set(value);
        return value;
    }

    /** Whether what is held has reached nine tenths of the bound (always, when disabled): a warm-up stops there. */
    boolean nearlyFull() {
        if (cache == null) {
            return true;
        }
        var eviction = cache.policy().eviction().orElseThrow();
        return eviction.weightedSize().orElse(0) >= eviction.getMaximum() / 10 * 9;
    }

    /**
     * A serialised JSON value as its UTF-8 bytes only, written by Jackson's UTF-8 generator as a copy of
     * those bytes ({@link RawValue}). Jackson's own SerializedString would keep a String beside them.
     */
    static final class Utf8Json implements SerializableString {

        private final byte[] bytes;

        Utf8Json(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is written unquoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is written unquoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written unquoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written unquoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String s = getValue();
            if (offset + s.length() > buffer.length) {
                return -1;
            }
            s.getChars(0, s.length(), buffer, offset);
            return s.length();
        }

        @Override
        public int writeQuotedUTF8(java.io.OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is written unquoted");
        }

        @Override
        public int writeUnquotedUTF8(java.io.OutputStream out) throws java.io.IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is written unquoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }

        @Override
        public String toString() {
            return getValue();
        }
    }
}
