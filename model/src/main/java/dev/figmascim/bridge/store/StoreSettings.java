package dev.figmascim.bridge.store;

import java.util.Objects;

/**
 * Where the store is and how to reach it.
 *
 * @param jdbcUrl  a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param user     database user (may be empty for H2)
 * @param password database password; never logged
 * @param poolSize the most connections the pool opens
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize) {

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL (expected jdbc:h2: or jdbc:postgresql:): "
                    + redact(jdbcUrl));
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    /** An in-memory H2 store that lives as long as the process (the demo, tests). */
    public static StoreSettings inMemory(String name) {
        return new StoreSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 8);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without query parameters, which may carry a password. */
    public String safeUrl() {
        return redact(jdbcUrl);
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    @Override
    public String toString() {
        return "StoreSettings[" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
