package dev.figmascim.bridge.admin;

import dev.figmascim.bridge.config.TestConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.config.BridgeSettings;
import dev.figmascim.bridge.reconcile.BlockingSnapshot;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.scim.ScimException;
import dev.figmascim.bridge.source.figma.FigmaTestSupport;
import dev.figmascim.bridge.source.figma.NoTokenInLogs;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import dev.figmascim.fakefigma.FakeFigma;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /admin/v1/reconciliations?source=figma-scim|activity-log}: the answers for each outcome. */
class AdminFigmaSourcesTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();


    static Map<String, String> figma(FakeFigma fake) {
        Map<String, String> c = new HashMap<>();
        c.put("figma.api.url", fake.baseUrl().toString());
        c.put("figma.api.token", FigmaTestSupport.API_TOKEN);
        c.put("figma.scim.url", fake.scimBaseUrl().toString());
        c.put("figma.scim.token", FigmaTestSupport.SCIM_TOKEN);
        c.put("figma.http.max-attempts", "2");
        c.put("figma.http.initial-backoff", "0.001");
        c.put("figma.activity.start", "2026-04-01T00:00:00Z");
        c.put("figma.activity.page-size", "3");
        return c;
    }

    static ReconciliationsResource resource(Store store, Map<String, String> values) {
        Config config = TestConfig.of(values);
        return new ReconciliationsResource(store, new BridgeSettings(config), config);
    }

    static ObjectNode body(Response r) {
        return (ObjectNode) r.getEntity();
    }

    @Test
    void runsEachFigmaSourceOnDemand() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings());
                FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            ReconciliationsResource resource = resource(store, figma(fake));
            Response dry = resource.trigger("figma-scim", "true", null);
            assertEquals(200, dry.getStatus());
            assertEquals(9, body(dry).at("/counts/added").asInt());
            Response scim = resource.uploadCsv(InputStreams.empty(), null, null, null, "Figma-SCIM");
            assertEquals(201, scim.getStatus());
            assertEquals("FIGMA_SCIM", body(scim).path("source").asText());
            assertEquals(9, body(scim).at("/counts/added").asInt());

            Response log = resource.trigger("activity-log", null, null);
            assertEquals(201, log.getStatus());
            assertEquals(3, body(log).path("appliedPages").size(), "seven events, pages of three");
            assertEquals(7, body(log).path("events").asInt());
            assertTrue(body(log).path("cursor").isTextual());
            FigmaTestSupport.assertNoToken(body(log).toString(), "the answer");
        }
    }

    @Test
    void figmaFailingIs502ABusyLockIs409AnUnconfiguredSourceIs503() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings());
                FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            ReconciliationsResource resource = resource(store, figma(fake));
            fake.faults().serverErrorNext(2, 503);
            Response failed = resource.trigger("activity-log", null, null);
            assertEquals(502, failed.getStatus());
            assertEquals("HTTP_ERROR", body(failed).path("reason").asText());
            assertEquals(0, body(failed).path("appliedPages").size());
            assertTrue(body(failed).path("detail").asText().startsWith("Figma REST API GET /v1/activity_logs"), body(failed).toString());
            FigmaTestSupport.assertNoToken(body(failed).toString(), "the answer");

            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread upload = new Thread(() -> new Reconciler(store).run(new BlockingSnapshot(inside, release), ReconcileOptions.defaults()));
            upload.start();
            try {
                assertTrue(inside.await(20, TimeUnit.SECONDS));
                assertEquals(409, resource.trigger("figma-scim", null, null).getStatus());
            } finally {
                release.countDown();
                upload.join(20_000);
            }

            Map<String, String> noScim = figma(fake);
            noScim.remove("figma.scim.url");
            Response unconfigured = resource(store, noScim).trigger("figma-scim", null, null);
            assertEquals(503, unconfigured.getStatus());
            assertTrue(body(unconfigured).path("detail").asText().contains("figma.scim.url"));
            Map<String, String> bad = figma(fake);
            bad.put("figma.activity.start", "someday");
            assertEquals(503, resource(store, bad).trigger("activity-log", null, null).getStatus());

            assertThrows(ScimException.class, () -> resource.trigger("okta", null, null));
            assertThrows(ScimException.class, () -> resource.trigger(null, null, null), "a JSON POST must name a source");
        }
    }

    @Test
    void withoutASourceItIsStillTheCsvUpload() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            Response r = resource(store, Map.of()).uploadCsv(new ByteArrayInputStream("Email,Role\nada@x.com,Admin\n"
                    .getBytes(StandardCharsets.UTF_8)), "m.csv", null, null, "csv");
            assertEquals(201, r.getStatus());
            assertEquals("CSV", body(r).path("source").asText());
        }
    }

    /** Input streams for bodyless POSTs. */
    private static final class InputStreams {
        static ByteArrayInputStream empty() {
            return new ByteArrayInputStream(new byte[0]);
        }
    }

}
