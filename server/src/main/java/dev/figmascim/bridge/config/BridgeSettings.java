package dev.figmascim.bridge.config;

import dev.figmascim.bridge.store.StoreSettings;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings the bridge reads at start, taken from MicroProfile Config. The same reading serves the
 * server (through CDI) and the CLI commands that run without a server.
 */
public final class BridgeSettings {

    /** Config key for the store's JDBC URL; env {@code BRIDGE_DB_URL}. */
    public static final String DB_URL = "bridge.db.url";
    /** Set by {@code --demo}: serve the shipped sample organisation from an in-memory store. */
    public static final String DEMO = "bridge.demo";
    /** Config key for the declared organisation settings file; env {@code BRIDGE_ORG_SETTINGS_FILE}. */
    public static final String ORG_SETTINGS_FILE = "bridge.org-settings-file";

    private final Config config;

    public BridgeSettings(Config config) {
        this.config = config;
    }

    public boolean demo() {
        return config.getOptionalValue(DEMO, Boolean.class).orElse(false);
    }

    /** The store to open: the configured one, or a private in-memory H2 in demo mode. */
    public StoreSettings store() {
        if (demo()) {
            return StoreSettings.inMemory("demo");
        }
        return new StoreSettings(
                config.getValue(DB_URL, String.class),
                config.getOptionalValue("bridge.db.user", String.class).orElse(""),
                config.getOptionalValue("bridge.db.password", String.class).orElse(""),
                config.getOptionalValue("bridge.db.pool-size", Integer.class).orElse(10));
    }

    /** The SCIM page size when a client names none (RFC 7644 §3.4.2.4 leaves it to the provider). */
    public int scimDefaultCount() {
        return config.getOptionalValue("bridge.scim.default-count", Integer.class).orElse(100);
    }

    /** The largest SCIM page; bigger {@code count} values are lowered to it. */
    public int scimMaxCount() {
        return config.getOptionalValue("bridge.scim.max-count", Integer.class).orElse(1000);
    }

    /** The HMAC secret signing SCIM cursors; replicas behind one load balancer must share it. */
    public String scimCursorSecret() {
        return config.getOptionalValue("bridge.scim.cursor-secret", String.class).orElse("");
    }

    /** How long a SCIM cursor stays valid (RFC 9865 cursorTimeout). */
    public java.time.Duration scimCursorTtl() {
        return config.getOptionalValue("bridge.scim.cursor-ttl", String.class).map(java.time.Duration::parse)
                .orElse(java.time.Duration.ofMinutes(10));
    }

    /**
     * How long a checked API token is trusted before the store is asked again: the longest a token
     * revoked on another replica or by the CLI keeps working here. Zero turns the cache off.
     */
    public java.time.Duration tokenCacheTtl() {
        return config.getOptionalValue("bridge.auth.token-cache-ttl", String.class).map(java.time.Duration::parse)
                .orElse(dev.figmascim.bridge.security.ApiTokens.DEFAULT_CACHE_TTL);
    }

    /**
     * How long a stopping server waits for the reconciliation in progress to finish before it interrupts
     * it ({@code bridge.shutdown.run-grace}); below a typical orchestrator's 30 s before it kills.
     */
    public java.time.Duration runShutdownGrace() {
        return config.getOptionalValue("bridge.shutdown.run-grace", String.class).map(java.time.Duration::parse)
                .orElse(java.time.Duration.ofSeconds(25));
    }

    /** How many SCIM totals (per filter and store generation) are remembered; 0 counts every time. */
    public long scimCountCacheSize() {
        return config.getOptionalValue("bridge.scim.count-cache-size", Long.class).orElse(10_000L);
    }

    /**
     * How many bytes of serialised SCIM representations are kept ({@code bridge.scim.representation-cache-mb});
     * by default an eighth of the heap, at most 1 GiB; 0 renders every representation on every request.
     */
    public long scimRepresentationCacheBytes() {
        long byDefault = Math.min(1024L, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024));
        return config.getOptionalValue("bridge.scim.representation-cache-mb", Long.class).orElse(byDefault) * 1024 * 1024;
    }

    /**
     * Whether the next page of a cursor walk is rendered into the representation cache while the client
     * reads the current one ({@code bridge.scim.cursor-prefetch}, default true; nothing is prefetched when
     * the representation cache is off).
     */
    public boolean scimCursorPrefetch() {
        return config.getOptionalValue("bridge.scim.cursor-prefetch", Boolean.class).orElse(true) && scimRepresentationCacheBytes() > 0;
    }

    /**
     * Whether the first list request for a resource type renders all of that type's full representations
     * into the representation cache in the background, once per base URL and store generation
     * ({@code bridge.scim.cache-warm-up}, default true; off when the representation cache is off).
     */
    public boolean scimCacheWarmUp() {
        return config.getOptionalValue("bridge.scim.cache-warm-up", Boolean.class).orElse(true) && scimRepresentationCacheBytes() > 0;
    }

    /** The largest member CSV the admin API accepts, in bytes (default 200 MiB). */
    public long csvMaxBytes() {
        return config.getOptionalValue("bridge.admin.csv-max-bytes", Long.class).orElse(200L * 1024 * 1024);
    }

    /** A token that is ensured at start with every scope (for automated deployments); may be absent. */
    public String bootstrapToken() {
        return config.getOptionalValue("bridge.bootstrap-token", String.class).orElse("");
    }

    /** The admin's declared organisation settings, loaded at start (docs/activity-log.md); may be absent. */
    public Optional<Path> orgSettingsFile() {
        return config.getOptionalValue(ORG_SETTINGS_FILE, String.class).filter(v -> !v.isBlank()).map(v -> Path.of(v.trim()));
    }
}
