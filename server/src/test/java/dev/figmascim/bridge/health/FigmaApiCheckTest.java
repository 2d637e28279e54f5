package dev.figmascim.bridge.health;

import dev.figmascim.bridge.config.TestConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.bridge.source.figma.FigmaClientSettings;
import dev.figmascim.bridge.source.figma.FigmaTestSupport;
import dev.figmascim.bridge.source.figma.NoTokenInLogs;
import dev.figmascim.fakefigma.FakeFigma;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The figma-api readiness check: cached, DOWN only for a refused token, never showing the token. */
class FigmaApiCheckTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static FigmaClientSettings settings(URI api, String token) {
        return new FigmaClientSettings(api, token, null, null, Duration.ofSeconds(1), Duration.ofSeconds(2), 1, Duration.ZERO,
                Duration.ofMillis(1), Duration.ofMillis(5));
    }

    static long meRequests(FakeFigma fake) {
        return FigmaTestSupport.requestsTo(fake, "/v1/me").size();
    }

    @Test
    void anAcceptedTokenIsUpAndTheAnswerIsCachedForAMinute() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            TestClock clock = new TestClock();
            FigmaApiCheck check = new FigmaApiCheck(settings(fake.baseUrl(), FigmaTestSupport.API_TOKEN), clock);
            HealthCheckResponse up = check.call();
            assertEquals("figma-api", up.getName());
            assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
            Map<String, Object> data = up.getData().orElseThrow();
            assertEquals(true, data.get("tokenAccepted"));
            assertEquals("Grace Liu", data.get("tokenOwner"));
            clock.advance(Duration.ofSeconds(59));
            check.call();
            assertEquals(1, meRequests(fake), "cached");
            clock.advance(Duration.ofSeconds(2));
            check.call();
            assertEquals(2, meRequests(fake), "refreshed after a minute");
            FigmaTestSupport.assertNoToken(data.toString(), "the health data");
        }
    }

    @Test
    void aRefusedTokenIsDownAndIsLoggedAtStartWithoutTheToken() throws InterruptedException {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            FigmaApiCheck check = new FigmaApiCheck(settings(fake.baseUrl(), FigmaTestSupport.SCIM_TOKEN), new TestClock());
            Thread t = check.checkInBackground();
            t.join(10_000);
            HealthCheckResponse down = check.call();
            assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
            assertEquals(false, down.getData().orElseThrow().get("tokenAccepted"));
            assertTrue(String.valueOf(down.getData().orElseThrow().get("error")).contains("403"), down.getData().toString());
            assertEquals(1, meRequests(fake), "the start-up check primed the cache");
            assertTrue(logs.records().stream().anyMatch(r -> r.getLevel() == Level.WARNING
                    && r.getMessage().startsWith("Figma refused the API token")), "a warning, not a failed start");
            FigmaTestSupport.assertNoToken(down.getData().toString(), "the health data");
        }
    }

    @Test
    void anUnreachableFigmaDoesNotTakeTheBridgeOutOfRotation() {
        URI gone;
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            gone = fake.baseUrl();
        }
        FigmaApiCheck check = new FigmaApiCheck(settings(gone, FigmaTestSupport.API_TOKEN), new TestClock());
        HealthCheckResponse r = check.call();
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        assertEquals(false, r.getData().orElseThrow().get("reachable"));
    }

    @Test
    void theCheckIsRegisteredOnlyWhenATokenIsConfigured() {
        assertTrue(ServiceLoader.load(io.helidon.microprofile.health.HealthCheckProvider.class).stream()
                .anyMatch(p -> p.type() == FigmaHealthChecks.class), "found through META-INF/services");
        FigmaApiCheck unconfigured = new FigmaApiCheck(settings(FigmaClientSettings.DEFAULT_API_URL, null), new TestClock());
        assertFalse(unconfigured.configured());
        assertNull(unconfigured.checkInBackground());
        assertEquals(List.of(), FigmaHealthChecks.checks(TestConfig.of(Map.of()), () -> unconfigured));
        FigmaApiCheck configured = new FigmaApiCheck(settings(FigmaClientSettings.DEFAULT_API_URL, "figd_x"), new TestClock());
        assertEquals(List.of(configured), FigmaHealthChecks.checks(TestConfig.of(Map.of("figma.api.token", "figd_x")), () -> configured));
    }

}
