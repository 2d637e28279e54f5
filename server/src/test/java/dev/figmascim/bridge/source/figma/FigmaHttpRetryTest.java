package dev.figmascim.bridge.source.figma;

import static dev.figmascim.bridge.source.figma.FigmaTestSupport.fails;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.requestsTo;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.fakefigma.FakeFigma;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP discipline of FigmaHttp, seen through the public clients against the fake's faults. */
class FigmaHttpRetryTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    private FakeFigma fake;

    @BeforeEach
    void start() {
        fake = FakeFigma.start(FigmaTestSupport.scenario().me("42", "Owner", null, "owner@example.com").generatedUsers(250).build());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private FigmaMeClient me(int maxAttempts) {
        return new FigmaMeClient(settings(fake, maxAttempts, Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }

    @Test
    void a429WithinTheCapIsWaitedOutAndRetried() {
        fake.faults().rateLimitNext(1, 1);
        try (FigmaMeClient client = me(4)) {
            long start = System.nanoTime();
            assertEquals("42", client.me().id());
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(waited >= 900, "Retry-After: 1 honoured, waited " + waited + " ms");
        }
        assertEquals(2, requestsTo(fake, "/v1/me").size());
        assertTrue(logs.records().stream().anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().contains("HTTP 429")));
    }

    @Test
    void a429WithAnHttpDateThatHasPassedIsRetriedAtOnce() {
        fake.faults().rateLimitNextAsHttpDate(1, 0);
        try (FigmaMeClient client = me(2)) {
            assertEquals("42", client.me().id());
        }
        assertEquals(2, requestsTo(fake, "/v1/me").size());
    }

    @Test
    void a429BeyondTheCapFailsAtOnceAndSaysWhy() {
        fake.faults().rateLimitNext(1, 86400);
        try (FigmaMeClient client = me(4)) {
            long start = System.nanoTime();
            FigmaApiException e = fails(client::me);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000, "did not wait");
            assertEquals(FigmaApiException.Reason.RATE_LIMITED, e.reason());
            assertEquals(429, e.status());
            assertEquals(1, e.attempts());
            assertEquals("Figma REST API GET /v1/me: HTTP 429: Rate limit exceeded (rate limited, rate limit type low, plan tier "
                    + "enterprise); Retry-After 86400 s is beyond the cap of 2 s (figma.http.retry-after-cap), not waiting",
                    e.getMessage());
        }
        assertEquals(1, requestsTo(fake, "/v1/me").size());
    }

    @Test
    void a429AsAnHttpDateBeyondTheCapFailsToo() {
        fake.faults().rateLimitNextAsHttpDate(1, 3600);
        try (FigmaMeClient client = me(4)) {
            FigmaApiException e = fails(client::me);
            assertEquals(FigmaApiException.Reason.RATE_LIMITED, e.reason());
            assertTrue(e.getMessage().contains("is beyond the cap of 2 s"), e.getMessage());
        }
    }

    @Test
    void still429AfterEveryAttemptFails() {
        fake.faults().rateLimitNext(10, 0);
        try (FigmaMeClient client = me(3)) {
            FigmaApiException e = fails(client::me);
            assertEquals(FigmaApiException.Reason.RATE_LIMITED, e.reason());
            assertEquals(3, e.attempts());
            assertTrue(e.getMessage().endsWith("; gave up after 3 attempts"), e.getMessage());
        }
        assertEquals(3, requestsTo(fake, "/v1/me").size());
    }

    @Test
    void aBurstOf5xxIsRetried() {
        fake.faults().serverErrorNext(1, 500).serverErrorNext(1, 502).serverErrorNext(1, 503);
        try (FigmaMeClient client = me(4)) {
            assertEquals("42", client.me().id());
        }
        assertEquals(4, requestsTo(fake, "/v1/me").size());
        assertEquals(3, logs.records().stream().filter(r -> r.getLevel() == Level.WARNING).count(), "one warning per retry");
    }

    @Test
    void aBurstOf5xxInTheMiddleOfAScimPullIsRetried() {
        try (FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            int[] seen = {0};
            assertEquals(250, client.forEachUser(u -> {
                if (++seen[0] == 1) {
                    fake.faults().serverErrorNext(2, 503);
                }
            }));
        }
        assertEquals(4, requestsTo(fake, "/Users").size(), "page 1, two 503s, page 2");
    }

    @Test
    void persistent5xxFailsAfterMaxAttempts() {
        fake.faults().serverErrorNext(10, 503);
        try (FigmaMeClient client = me(3)) {
            FigmaApiException e = fails(client::me);
            assertEquals(FigmaApiException.Reason.HTTP_ERROR, e.reason());
            assertEquals(503, e.status());
            assertEquals(3, e.attempts());
            assertEquals("Figma REST API GET /v1/me: HTTP 503 (no JSON error message); gave up after 3 attempts", e.getMessage());
        }
        assertEquals(3, requestsTo(fake, "/v1/me").size());
    }

    @Test
    void persistent500ShowsFigmasMessage() {
        fake.faults().serverErrorNext(2, 500);
        try (FigmaScimClient client = new FigmaScimClient(settings(fake, 2, Duration.ofSeconds(5), Duration.ofSeconds(2)))) {
            FigmaApiException e = fails(() -> client.forEachUser(u -> { }));
            assertEquals("Figma SCIM API GET /Users: HTTP 500: Internal server error; gave up after 2 attempts", e.getMessage());
        }
    }

    @Test
    void aSlowAnswerBeyondTheReadTimeoutFails() {
        fake.faults().delayResponses(1500);
        try (FigmaMeClient client = new FigmaMeClient(settings(fake, 2, Duration.ofMillis(200), Duration.ofSeconds(2)))) {
            long start = System.nanoTime();
            FigmaApiException e = fails(client::me);
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(took < 1400, "gave up before the answer came: " + took + " ms");
            assertEquals(FigmaApiException.Reason.TIMEOUT, e.reason());
            assertEquals(0, e.status());
            assertEquals(2, e.attempts());
            assertEquals("Figma REST API GET /v1/me: no complete answer within the read timeout of 200 ms; gave up after 2 attempts",
                    e.getMessage());
        }
    }

    @Test
    void anUnreachableFigmaFailsAfterMaxAttempts() {
        FigmaClientSettings settings = settings(fake, 3, Duration.ofSeconds(5), Duration.ofSeconds(2));
        fake.close();
        try (FigmaMeClient client = new FigmaMeClient(settings)) {
            FigmaApiException e = fails(client::me);
            assertEquals(FigmaApiException.Reason.NETWORK, e.reason());
            assertEquals(3, e.attempts());
            assertTrue(e.getMessage().startsWith("Figma REST API GET /v1/me: I/O error: "), e.getMessage());
        }
    }

    @Test
    void malformedJsonFailsClearlyWithoutRetrying() {
        fake.faults().malformedNext(1);
        try (FigmaMeClient client = me(4)) {
            FigmaApiException e = fails(client::me);
            assertEquals(FigmaApiException.Reason.MALFORMED_RESPONSE, e.reason());
            assertEquals(200, e.status());
            assertTrue(e.getMessage().startsWith("Figma REST API GET /v1/me: HTTP 200 with malformed JSON (line 1, column "),
                    e.getMessage());
        }
        assertEquals(1, requestsTo(fake, "/v1/me").size());
    }

    @Test
    void malformedScimPagesFailToo() {
        fake.faults().malformedNext(1);
        try (FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            assertEquals(FigmaApiException.Reason.MALFORMED_RESPONSE, fails(() -> client.forEachUser(u -> { })).reason());
        }
    }

    @Test
    void bothOfFigmasErrorShapesAreSurfaced() {
        fake.faults().errorBooleanNext(1, 400, "Invalid start_time").errMessageNext(1, 404, "Not found here");
        try (ActivityLogClient logClient = new ActivityLogClient(settings(fake))) {
            FigmaApiException second = fails(() -> logClient.page(null, null, 10));
            assertEquals("Figma REST API GET /v1/activity_logs: HTTP 400: Invalid start_time", second.getMessage());
            assertEquals("Invalid start_time", second.figmaMessage().orElseThrow());
            FigmaApiException first = fails(() -> logClient.page(null, null, 10));
            assertEquals("Figma REST API GET /v1/activity_logs: HTTP 404: Not found here", first.getMessage());
            assertEquals(404, first.status());
        }
        assertEquals(2, requestsTo(fake, "/v1/activity_logs").size(), "4xx are not retried");
    }

    @Test
    void scimErrorsShowTheirDetail() {
        FigmaClientSettings good = settings(fake);
        FigmaClientSettings wrongToken = new FigmaClientSettings(good.apiUrl(), good.apiToken(), good.scimUrl(), "scim-wrong-token",
                good.connectTimeout(), good.readTimeout(), good.maxAttempts(), good.retryAfterCap(), good.initialBackoff(),
                good.maxBackoff());
        try (FigmaScimClient client = new FigmaScimClient(wrongToken)) {
            FigmaApiException e = fails(() -> client.forEachGroup(g -> { }));
            assertEquals("Figma SCIM API GET /Groups: HTTP 401: Invalid or missing bearer token", e.getMessage());
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheMax() {
        FigmaClientSettings s = new FigmaClientSettings(fake.baseUrl(), "t0ken", null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(1000));
        try (FigmaHttp http = new FigmaHttp("test", fake.baseUrl(), FigmaHttp.Auth.BEARER, "t0ken", "application/json", s)) {
            for (int round = 0; round < 50; round++) {
                assertBetween(http.backoff(1), 50, 100);
                assertBetween(http.backoff(2), 100, 200);
                assertBetween(http.backoff(3), 200, 400);
                assertBetween(http.backoff(5), 500, 1000);
                assertBetween(http.backoff(60), 500, 1000);
            }
        }
    }

    private static void assertBetween(Duration d, long minMillis, long maxMillis) {
        assertTrue(d.toMillis() >= minMillis && d.toMillis() <= maxMillis, d + " not in " + minMillis + ".." + maxMillis + " ms");
    }
}
