package dev.figmascim.bridge.source.figma;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * How the Figma sources are synchronised: where the activity log starts without a cursor, its page size, and the
 * schedule (docs/activity-log.md, "Configuration"). Environment variables map onto the keys by MicroProfile
 * Config's rules ({@code FIGMA_ACTIVITY_START}, {@code FIGMA_SCIM_SYNC_INTERVAL}, {@code FIGMA_ACTIVITY_SYNC_INTERVAL}).
 *
 * @param activityStart    {@code figma.activity.start}: an ISO instant, a date, or how far back (ISO duration or period,
 *                         {@code P30D}); used only while no cursor is stored
 * @param activityPageSize {@code figma.activity.page-size}: events per page and per run, 1..1000
 * @param scimInterval     {@code figma.scim.sync-interval}: how often to pull Figma's SCIM API, or null (off)
 * @param activityInterval {@code figma.activity.sync-interval}: how often to read the activity log, or null (off)
 * @param initialDelay     {@code figma.sync.initial-delay}: how long after start the first scheduled run waits
 */
public record FigmaSyncSettings(String activityStart, int activityPageSize, Duration scimInterval, Duration activityInterval,
        Duration initialDelay) {

    public static final String ACTIVITY_START = "figma.activity.start";
    public static final String ACTIVITY_PAGE_SIZE = "figma.activity.page-size";
    public static final String SCIM_INTERVAL = "figma.scim.sync-interval";
    public static final String ACTIVITY_INTERVAL = "figma.activity.sync-interval";
    public static final String INITIAL_DELAY = "figma.sync.initial-delay";

    public static final String DEFAULT_ACTIVITY_START = "P30D";
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(15);

    public FigmaSyncSettings {
        activityStart = activityStart == null || activityStart.isBlank() ? DEFAULT_ACTIVITY_START : activityStart.trim();
        startFrom(activityStart, Instant.EPOCH.plus(Duration.ofDays(36_500)));
        if (activityPageSize < 1 || activityPageSize > ActivityLogClient.MAX_LIMIT) {
            throw new IllegalArgumentException(ACTIVITY_PAGE_SIZE + " must be 1..1000, not " + activityPageSize);
        }
        positiveOrNull(scimInterval, SCIM_INTERVAL);
        positiveOrNull(activityInterval, ACTIVITY_INTERVAL);
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException(INITIAL_DELAY + " must be zero or more");
        }
    }

    /** Defaults: 30 days back, pages of 1000, no schedule. */
    public static FigmaSyncSettings defaults() {
        return new FigmaSyncSettings(DEFAULT_ACTIVITY_START, ActivityLogClient.MAX_LIMIT, null, null, DEFAULT_INITIAL_DELAY);
    }

    public static FigmaSyncSettings fromConfig(Config config) {
        return new FigmaSyncSettings(
                config.getOptionalValue(ACTIVITY_START, String.class).orElse(DEFAULT_ACTIVITY_START),
                config.getOptionalValue(ACTIVITY_PAGE_SIZE, Integer.class).orElse(ActivityLogClient.MAX_LIMIT),
                interval(config, SCIM_INTERVAL),
                interval(config, ACTIVITY_INTERVAL),
                config.getOptionalValue(INITIAL_DELAY, String.class).map(v -> FigmaClientSettings.parseDuration(INITIAL_DELAY, v))
                        .orElse(DEFAULT_INITIAL_DELAY));
    }

    /** Where a first activity-log read starts, {@code now} being the time of the read. */
    public Instant activityStartAt(Instant now) {
        return startFrom(activityStart, now);
    }

    /**
     * Reads {@code figma.activity.start}: an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}), a date (its start, UTC),
     * or a duration / period back from {@code now} ({@code P30D}, {@code PT12H}, {@code P1M}).
     */
    static Instant startFrom(String value, Instant now) {
        String text = value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not an instant: a date or a duration, below
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // not a date
        }
        String upper = text.toUpperCase(Locale.ROOT);
        try {
            Duration back = Duration.parse(upper);
            if (!back.isNegative()) {
                return now.minus(back);
            }
        } catch (DateTimeParseException e) {
            try {
                Period back = Period.parse(upper);
                if (!back.isNegative()) {
                    return now.atZone(ZoneOffset.UTC).minus(back).toInstant();
                }
            } catch (DateTimeParseException notAPeriod) {
                // reported below
            }
        }
        throw new IllegalArgumentException(ACTIVITY_START + ": '" + value
                + "' is neither an ISO instant (2026-11-01T00:00:00Z), a date, nor how far back (P30D)");
    }

    private static Duration interval(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank())
                .map(v -> FigmaClientSettings.parseDuration(key, v)).orElse(null);
    }

    private static void positiveOrNull(Duration value, String key) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
    }
}
