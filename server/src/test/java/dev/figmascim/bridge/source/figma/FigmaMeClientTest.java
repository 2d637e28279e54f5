package dev.figmascim.bridge.source.figma;

import static dev.figmascim.bridge.source.figma.FigmaTestSupport.fails;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.requestsTo;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.fakefigma.FakeFigma;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FigmaMeClientTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    @Test
    void returnsTheTokensOwner() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                FigmaMeClient client = new FigmaMeClient(settings(fake))) {
            assertEquals(new FigmaMe("1099091282752443416", "Grace Liu", "https://s3-alpha.figma.com/profile/1099091282752443416",
                    "grace.liu@example.com"), client.me());
            assertTrue(requestsTo(fake, "/v1/me").get(0).authHeader());
        }
    }

    @Test
    void aWrongTokenFailsAtOnceWithFigmasMessage() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.scenario().apiToken("figd_another-token").build());
                FigmaMeClient client = new FigmaMeClient(settings(fake))) {
            FigmaApiException e = fails(client::me);
            assertEquals(FigmaApiException.Reason.HTTP_ERROR, e.reason());
            assertEquals(403, e.status());
            assertEquals("Invalid token", e.figmaMessage().orElseThrow());
            assertEquals("Figma REST API GET /v1/me: HTTP 403: Invalid token", e.getMessage());
            assertEquals(1, e.attempts());
            assertEquals(1, requestsTo(fake, "/v1/me").size(), "a 4xx is not retried");
        }
    }

    @Test
    void noMeIsA404() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.scenario().build());
                FigmaMeClient client = new FigmaMeClient(settings(fake, 2, Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
            assertEquals(404, fails(client::me).status());
        }
    }

    @Test
    void needsTheApiToken() {
        FigmaClientSettings none = FigmaClientSettings.of(FigmaClientSettings.DEFAULT_API_URL, " ", null, null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FigmaMeClient(none)).getMessage().contains("figma.api.token"));
    }
}
