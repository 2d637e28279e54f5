package dev.figmascim.bridge.source.figma;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * How to reach Figma: base URLs, tokens and the HTTP discipline shared by every client of this package.
 * Read from MicroProfile Config with {@link #fromConfig(Config)}; environment variables map onto the keys by
 * MicroProfile Config's rules ({@code FIGMA_API_TOKEN} for {@code figma.api.token},
 * {@code FIGMA_HTTP_READ_TIMEOUT} for {@code figma.http.read-timeout}). Tokens have no default and belong in the
 * environment or a secret file; {@link #toString()} never shows them.
 *
 * @param apiUrl         Figma's REST API root ({@code /v1/me}, {@code /v1/activity_logs}); default {@code https://api.figma.com}
 * @param apiToken       the REST API token (PAT for {@code /v1/me}; OAuth or plan token for the activity log), or null
 * @param scimUrl        the tenant's SCIM root, {@code https://www.figma.com/scim/v2/<tenantId>}, or null
 * @param scimToken      the SCIM API's bearer token, or null
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    how long one request may take from sending to the end of the response body
 * @param maxAttempts    how many times one request is sent at most (1 = no retries)
 * @param retryAfterCap  the longest {@code Retry-After} waited for; a longer one fails the call at once
 * @param initialBackoff the first retry's base delay; doubled per retry, with jitter
 * @param maxBackoff     the largest base delay between retries
 */
public record FigmaClientSettings(URI apiUrl, String apiToken, URI scimUrl, String scimToken, Duration connectTimeout,
        Duration readTimeout, int maxAttempts, Duration retryAfterCap, Duration initialBackoff, Duration maxBackoff) {

    public static final String API_URL = "figma.api.url";
    public static final String API_TOKEN = "figma.api.token";
    public static final String SCIM_URL = "figma.scim.url";
    public static final String SCIM_TOKEN = "figma.scim.token";
    public static final String CONNECT_TIMEOUT = "figma.http.connect-timeout";
    public static final String READ_TIMEOUT = "figma.http.read-timeout";
    public static final String MAX_ATTEMPTS = "figma.http.max-attempts";
    public static final String RETRY_AFTER_CAP = "figma.http.retry-after-cap";
    public static final String INITIAL_BACKOFF = "figma.http.initial-backoff";
    public static final String MAX_BACKOFF = "figma.http.max-backoff";

    public static final URI DEFAULT_API_URL = URI.create("https://api.figma.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** Figma's Retry-After can say days; a run should fail and say so rather than hang that long. */
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    private static final String REDACTED = "<redacted>";

    public FigmaClientSettings {
        Objects.requireNonNull(apiUrl, API_URL);
        apiToken = blankToNull(apiToken);
        scimToken = blankToNull(scimToken);
        positive(connectTimeout, CONNECT_TIMEOUT);
        positive(readTimeout, READ_TIMEOUT);
        positive(initialBackoff, INITIAL_BACKOFF);
        positive(maxBackoff, MAX_BACKOFF);
        Objects.requireNonNull(retryAfterCap, RETRY_AFTER_CAP);
        if (retryAfterCap.isNegative()) {
            throw new IllegalArgumentException(RETRY_AFTER_CAP + " must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + " must be at least 1, not " + maxAttempts);
        }
    }

    /** Settings with every default and the given URLs and tokens (any may be null but {@code apiUrl}). */
    public static FigmaClientSettings of(URI apiUrl, String apiToken, URI scimUrl, String scimToken) {
        return new FigmaClientSettings(apiUrl, apiToken, scimUrl, scimToken, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_AFTER_CAP, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /**
     * Reads the {@code figma.*} keys. Durations are ISO-8601 ({@code PT30S}) or a number of seconds ({@code 30},
     * {@code 0.5}); a value that is neither fails with the key's name.
     */
    public static FigmaClientSettings fromConfig(Config config) {
        return new FigmaClientSettings(
                config.getOptionalValue(API_URL, String.class).map(v -> uri(API_URL, v)).orElse(DEFAULT_API_URL),
                config.getOptionalValue(API_TOKEN, String.class).orElse(null),
                config.getOptionalValue(SCIM_URL, String.class).map(v -> uri(SCIM_URL, v)).orElse(null),
                config.getOptionalValue(SCIM_TOKEN, String.class).orElse(null),
                duration(config, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                duration(config, READ_TIMEOUT, DEFAULT_READ_TIMEOUT),
                config.getOptionalValue(MAX_ATTEMPTS, Integer.class).orElse(DEFAULT_MAX_ATTEMPTS),
                duration(config, RETRY_AFTER_CAP, DEFAULT_RETRY_AFTER_CAP),
                duration(config, INITIAL_BACKOFF, DEFAULT_INITIAL_BACKOFF),
                duration(config, MAX_BACKOFF, DEFAULT_MAX_BACKOFF));
    }

    /** Parses a duration setting: ISO-8601 or (decimal) seconds. */
    static Duration parseDuration(String key, String value) {
        String text = value.trim();
        try {
            if (text.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofNanos(new BigDecimal(text).movePointRight(9).longValueExact());
            }
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(key + ": '" + value
                    + "' is neither an ISO-8601 duration (PT30S) nor a number of seconds", e);
        }
    }

    @Override
    public String toString() {
        return "FigmaClientSettings[apiUrl=" + apiUrl + ", apiToken=" + (apiToken == null ? "<none>" : REDACTED)
                + ", scimUrl=" + scimUrl + ", scimToken=" + (scimToken == null ? "<none>" : REDACTED)
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts
                + ", retryAfterCap=" + retryAfterCap + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "]";
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        return config.getOptionalValue(key, String.class).map(v -> parseDuration(key, v)).orElse(fallback);
    }

    private static URI uri(String key, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not an http(s) URL");
        }
        return uri;
    }

    private static void positive(Duration value, String key) {
        Objects.requireNonNull(value, key);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
