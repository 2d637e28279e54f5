package dev.figmascim.fakefigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static final String TOKEN = "figd_test-token";
    private FakeFigma fake;

    @BeforeEach
    void start() {
        fake = FakeFigma.start(Scenario.builder().me("1", "Me", null, "me@example.com").generatedUsers(3).build());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Reply me() {
        return Http.get(fake.baseUrl() + "/v1/me", "X-Figma-Token", TOKEN);
    }

    @Test
    void rateLimitsTheNextNWithFigmasHeaders() {
        fake.faults().rateLimitNext(2, 30);
        for (int i = 0; i < 2; i++) {
            Http.Reply reply = me();
            assertEquals(429, reply.status());
            assertEquals("30", reply.header("Retry-After"));
            assertEquals("enterprise", reply.header("X-Figma-Plan-Tier"));
            assertEquals("low", reply.header("X-Figma-Rate-Limit-Type"));
            assertEquals(429, reply.json().get("status").asInt());
        }
        assertEquals(200, me().status());
    }

    @Test
    void rateLimitsWithAnHttpDate() {
        fake.faults().rateLimitNextAsHttpDate(1, 120);
        Http.Reply reply = me();
        assertEquals(429, reply.status());
        ZonedDateTime at = ZonedDateTime.parse(reply.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME);
        long ahead = Duration.between(ZonedDateTime.now(), at).toSeconds();
        assertTrue(ahead > 100 && ahead <= 120, "about two minutes ahead: " + ahead);
    }

    @Test
    void aRateLimitOnScimHasAScimBody() {
        fake.faults().rateLimitNext(1, 5);
        Http.Reply reply = Http.get(fake.scimBaseUrl() + "/Users", "Authorization", "Bearer scim-test-token");
        assertEquals(429, reply.status());
        assertEquals("429", reply.json().get("status").asText());
        assertEquals("5", reply.header("Retry-After"));
    }

    @Test
    void aBurstOf5xxThenRecovery() {
        fake.faults().serverErrorNext(1, 500).serverErrorNext(1, 502).serverErrorNext(1, 503);
        Http.Reply first = me();
        assertEquals(500, first.status());
        assertEquals("Internal server error", first.json().get("err").asText());
        Http.Reply second = me();
        assertEquals(502, second.status());
        assertTrue(second.body().contains("Bad Gateway"), "a proxy's HTML page");
        assertTrue(second.header("Content-Type").startsWith("text/html"));
        assertEquals(503, me().status());
        assertEquals(200, me().status());
        assertThrows(IllegalArgumentException.class, () -> fake.faults().serverErrorNext(1, 404));
    }

    @Test
    void slowsEveryResponseUntilTurnedOff() {
        fake.faults().delayResponses(150);
        long start = System.nanoTime();
        assertEquals(200, me().status());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 150);
        fake.faults().delayResponses(0);
        assertEquals(0, fake.faults().delayMillis());
    }

    @Test
    void sendsMalformedJsonForTheNextN() {
        fake.faults().malformedNext(1);
        Http.Reply broken = me();
        assertEquals(200, broken.status());
        assertThrows(JsonProcessingException.class, () -> Http.MAPPER.readTree(broken.body()));
        assertEquals("1", me().json().get("id").asText());
    }

    @Test
    void sendsEitherErrorShape() {
        fake.faults().errorBooleanNext(1, 400, "Invalid cursor value").errMessageNext(1, 404, "File not found");
        JsonNode second = me().json();
        assertTrue(second.get("error").asBoolean());
        assertEquals(400, second.get("status").asInt());
        assertEquals("Invalid cursor value", second.get("message").asText());
        Http.Reply first = me();
        assertEquals(404, first.status());
        assertEquals("File not found", first.json().get("err").asText());
        assertFalse(first.json().has("error"));
    }

    @Test
    void faultsAreTakenInTheOrderSet() {
        fake.faults().serverErrorNext(1, 503).rateLimitNext(1, 1).malformedNext(1);
        assertEquals(3, fake.faults().pending());
        assertEquals(503, me().status());
        assertEquals(429, me().status());
        assertEquals(200, me().status());
        assertEquals(0, fake.faults().pending());
    }

    @Test
    void faultsCanBeSetOverHttp() {
        String control = fake.baseUrl() + "/__control/faults";
        Http.Reply set = Http.post(control, """
                [{"kind":"rateLimit","count":1,"retryAfterSeconds":7,"rateLimitType":"high"},
                 {"kind":"serverError","count":2,"status":502},
                 {"kind":"errorBody","status":400,"message":"nope","shape":"error"},
                 {"kind":"errorBody","status":403,"message":"Invalid token","shape":"err"},
                 {"kind":"malformed"},
                 {"kind":"delay","millis":1}]""");
        assertEquals(200, set.status());
        assertEquals(6, set.json().get("pending").size());
        assertEquals(1, set.json().get("delayMillis").asInt());
        Http.Reply limited = me();
        assertEquals("7", limited.header("Retry-After"));
        assertEquals("high", limited.header("X-Figma-Rate-Limit-Type"));
        assertEquals(502, me().status());
        assertEquals(502, me().status());
        assertEquals("nope", me().json().get("message").asText());
        assertEquals("Invalid token", me().json().get("err").asText());
        assertThrows(JsonProcessingException.class, () -> Http.MAPPER.readTree(me().body()));
        assertEquals(400, Http.post(control, "{\"kind\":\"explode\"}").status());
        assertEquals(400, Http.post(control, "{not json").status());
        Http.post(control, "{\"kind\":\"serverError\",\"count\":5}");
        Http.Reply cleared = Http.delete(control);
        assertEquals(0, cleared.json().get("pending").size());
        assertEquals(0, cleared.json().get("delayMillis").asInt());
        assertEquals(200, me().status());
    }

    @Test
    void logsRequestsWithoutHeaderValues() {
        me();
        Http.get(fake.scimBaseUrl() + "/Users?startIndex=1&count=2", "Authorization", "Bearer scim-test-token");
        Http.get(fake.baseUrl() + "/v1/activity_logs?limit=5");
        Http.get(fake.baseUrl() + "/__control/faults");
        List<RecordedRequest> log = fake.requests();
        assertEquals(3, log.size(), "control requests are not logged");
        assertEquals(new RecordedRequest("GET", "/v1/me", null, true), log.get(0));
        assertEquals("/scim/v2/1047918802483077121/Users", log.get(1).path());
        assertEquals("2", log.get(1).queryParam("count"));
        assertFalse(log.get(2).authHeader());
        Http.Reply overHttp = Http.get(fake.baseUrl() + "/__control/requests");
        assertEquals(3, overHttp.json().size());
        assertEquals("startIndex=1&count=2", overHttp.json().get(1).get("query").asText());
        assertTrue(overHttp.json().get(1).get("authHeader").asBoolean());
        assertFalse(overHttp.body().contains("scim-test-token") || overHttp.body().contains(TOKEN));
        assertFalse(log.toString().contains("scim-test-token") || log.toString().contains(TOKEN));
        assertEquals(0, Http.delete(fake.baseUrl() + "/__control/requests").json().size());
        assertEquals(List.of(), fake.requests());
    }
}
