package dev.figmascim.bridge.source.figma;

import static dev.figmascim.bridge.source.figma.FigmaTestSupport.API_TOKEN;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.SCIM_TOKEN;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.assertNoToken;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.fails;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.fakefigma.FakeFigma;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every client through success and every failure mode with all logging on, then searches every log record,
 * exception message and toString for the tokens.
 */
class FigmaTokenSecrecyTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    @Test
    void noTokenInAnyLogRecordExceptionOrToString() {
        List<String> texts = new ArrayList<>();
        List<FigmaApiException> failures = new ArrayList<>();
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("quirks"))) {
            // Read timeout 1.5 s: ordinary answers must not time out on a loaded machine (with 300 ms, one did
            // at load 7); the delayed answer below (4 s) always does.
            FigmaClientSettings settings = settings(fake, 3, Duration.ofMillis(1500), Duration.ofSeconds(1));
            try (FigmaScimClient scim = new FigmaScimClient(settings);
                    ActivityLogClient activity = new ActivityLogClient(settings);
                    FigmaMeClient me = new FigmaMeClient(settings)) {
                texts.add(settings.toString());
                texts.add(scim.toString());
                texts.add(activity.toString());
                texts.add(me.toString());

                scim.forEachUser(u -> texts.add(u.toString()));
                scim.forEachGroup(g -> texts.add(g.toString()));
                activity.forEachEvent(null, null, 2, e -> texts.add(e.toString()));
                texts.add(me.me().toString());

                fake.faults().rateLimitNext(1, 0).serverErrorNext(1, 502);
                me.me();
                fake.faults().rateLimitNext(1, 3600);
                failures.add(fails(me::me));
                fake.faults().serverErrorNext(3, 500);
                failures.add(fails(() -> scim.forEachUser(u -> { })));
                fake.faults().malformedNext(1);
                failures.add(fails(() -> activity.page(null, null, 5)));
                fake.faults().errorBooleanNext(1, 400, "bad request");
                failures.add(fails(() -> activity.page(null, null, 5)));
                fake.faults().delayResponses(4000);
                failures.add(fails(me::me));
                fake.faults().delayResponses(0);

                // A server that echoes the credential in its error text (and in a retried 5xx, which is logged).
                fake.faults().errMessageNext(1, 503, "token " + SCIM_TOKEN + " overloaded").errMessageNext(1, 401,
                        "token " + SCIM_TOKEN + " is revoked");
                FigmaApiException echoed = fails(() -> scim.forEachGroup(g -> { }));
                failures.add(echoed);
                assertEquals("Figma SCIM API GET /Groups: HTTP 401: token <redacted> is revoked", echoed.getMessage());
                assertEquals("token <redacted> is revoked", echoed.figmaMessage().orElseThrow());
                fake.faults().errorBooleanNext(1, 400, "bad " + API_TOKEN);
                failures.add(fails(me::me));
            }
            try (FigmaMeClient wrong = new FigmaMeClient(new FigmaClientSettings(fake.baseUrl(), API_TOKEN + "-stale", null, null,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(1)))) {
                failures.add(fails(wrong::me));
            }
            assertTrue(fake.requests().stream().allMatch(r -> r.authHeader()), "every request carried its credential");
            texts.add(fake.requests().toString());
        }
        for (FigmaApiException e : failures) {
            assertNoToken(e);
        }
        for (String text : texts) {
            assertNoToken(text, "a toString");
        }
        assertEquals(8, failures.size());
        assertTrue(logs.records().size() > 20, "logging was on: " + logs.records().size() + " records");
        assertTrue(logs.texts().stream().anyMatch(t -> t.contains("token <redacted> overloaded")), "the retried 503 was logged, scrubbed");
        for (String text : logs.texts()) {
            assertFalse(text != null && (text.contains(SCIM_TOKEN) || text.contains(API_TOKEN)), text);
        }
    }
}
