package dev.figmascim.bridge.health;

import dev.figmascim.bridge.source.figma.FigmaApiException;
import dev.figmascim.bridge.source.figma.FigmaClientSettings;
import dev.figmascim.bridge.source.figma.FigmaMe;
import dev.figmascim.bridge.source.figma.FigmaMeClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Whether Figma accepts {@code figma.api.token} ({@code GET /v1/me}): checked once at start (a warning, never
 * fatal) and as the readiness check {@code figma-api}, registered only when the token is configured
 * ({@link FigmaHealthChecks}). The answer is cached for a minute, so health probes do not spend Figma's rate
 * limit (Tier 3: as low as 10 a minute).
 *
 * <p>DOWN only when Figma refuses the token (401/403): the configuration is wrong. When Figma cannot be reached
 * or fails, the check stays UP with {@code reachable: false}: the SCIM facade serves from the store and should not
 * be taken out of rotation by a Figma outage. The token is never in the response or a log record.
 */
@ApplicationScoped
public class FigmaApiCheck implements HealthCheck {

    static final String NAME = "figma-api";
    static final Duration CACHE_FOR = Duration.ofSeconds(60);
    /** A probe must answer quickly: one attempt, at most this long. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(FigmaApiCheck.class.getName());

    /** One check's outcome. */
    record Outcome(boolean accepted, boolean reachable, String owner, String error, Instant checkedAt) {
    }

    private final FigmaClientSettings settings;
    private final Clock clock;
    private volatile Outcome last;

    @Inject
    FigmaApiCheck(Config config) {
        this(probe(config), Clock.systemUTC());
    }

    FigmaApiCheck(FigmaClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The configured settings for a probe, or none (nothing to check) when a figma.* value is malformed. */
    private static FigmaClientSettings probe(Config config) {
        try {
            return probe(FigmaClientSettings.fromConfig(config));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "the Figma API token is not checked: " + e.getMessage());
            return null;
        }
    }

    private static FigmaClientSettings probe(FigmaClientSettings s) {
        Duration timeout = s.readTimeout().compareTo(PROBE_TIMEOUT) < 0 ? s.readTimeout() : PROBE_TIMEOUT;
        return new FigmaClientSettings(s.apiUrl(), s.apiToken(), s.scimUrl(), s.scimToken(), s.connectTimeout(), timeout, 1,
                Duration.ZERO, s.initialBackoff(), s.maxBackoff());
    }

    public boolean configured() {
        return settings != null && settings.apiToken() != null;
    }

    @Override
    public HealthCheckResponse call() {
        Outcome o = current();
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME).status(o.accepted() || !o.reachable())
                .withData("reachable", o.reachable())
                .withData("tokenAccepted", o.accepted())
                .withData("checkedAt", o.checkedAt().toString());
        if (o.owner() != null) {
            b.withData("tokenOwner", o.owner());
        }
        if (o.error() != null) {
            b.withData("error", o.error());
        }
        return b.build();
    }

    /** The cached outcome, or a fresh one when it is older than a minute. */
    Outcome current() {
        Outcome o = last;
        if (o != null && o.checkedAt().plus(CACHE_FOR).isAfter(clock.instant())) {
            return o;
        }
        synchronized (this) {
            o = last;
            if (o == null || !o.checkedAt().plus(CACHE_FOR).isAfter(clock.instant())) {
                o = check();
                last = o;
            }
            return o;
        }
    }

    /**
     * Checks the token on another thread and logs the outcome: start-up does not wait for Figma.
     *
     * @return the checking thread, or null when no token is configured
     */
    public Thread checkInBackground() {
        if (!configured()) {
            return null;
        }
        return Thread.ofVirtual().name("figma-api-check").start(() -> {
            Outcome o = current();
            if (o.accepted()) {
                LOG.info(() -> "Figma API token accepted by " + settings.apiUrl() + " (token owner: " + o.owner() + ")");
            } else if (o.reachable()) {
                LOG.warning(() -> "Figma refused the API token (" + FigmaClientSettings.API_TOKEN + "): " + o.error()
                        + "; the activity log cannot be read until it is replaced");
            } else {
                LOG.warning(() -> "could not check the Figma API token: " + o.error());
            }
        });
    }

    private Outcome check() {
        Instant now = clock.instant();
        if (!configured()) {
            return new Outcome(false, false, null, FigmaClientSettings.API_TOKEN + " is not set", now);
        }
        try (FigmaMeClient client = new FigmaMeClient(settings)) {
            FigmaMe me = client.me();
            return new Outcome(true, true, me.handle() == null ? me.id() : me.handle(), null, now);
        } catch (FigmaApiException e) {
            boolean refused = e.reason() == FigmaApiException.Reason.HTTP_ERROR && (e.status() == 401 || e.status() == 403);
            return new Outcome(false, refused, null, e.getMessage(), now);
        }
    }
}
