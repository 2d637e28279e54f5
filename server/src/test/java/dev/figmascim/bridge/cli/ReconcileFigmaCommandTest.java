package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.config.TestConfig;
import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.source.figma.FigmaTestSupport;
import dev.figmascim.bridge.source.figma.NoTokenInLogs;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import dev.figmascim.fakefigma.FakeFigma;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reconcile --figma-scim} and {@code reconcile --activity-log} against the fake Figma, config as MP Config. */
class ReconcileFigmaCommandTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    /** What one command printed, and its exit code. */
    record Outcome(int exit, String out, String err) {
    }

    /** Runs the CLI with its own MicroProfile Config (registered for a class loader of its own), capturing the output. */
    static Outcome cli(Map<String, String> config, String... args) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader isolated = new URLClassLoader(new URL[0], previous);
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config cfg = TestConfig.of(config);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Thread.currentThread().setContextClassLoader(isolated);
        resolver.registerConfig(cfg, isolated);
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Outcome(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            resolver.releaseConfig(cfg);
            Thread.currentThread().setContextClassLoader(previous);
        }
    }


    static Map<String, String> config(TestDatabase db, FakeFigma fake) {
        Map<String, String> c = new HashMap<>();
        c.put("bridge.db.url", db.settings().jdbcUrl());
        c.put("bridge.db.user", db.settings().user());
        c.put("figma.api.url", fake.baseUrl().toString());
        c.put("figma.api.token", FigmaTestSupport.API_TOKEN);
        c.put("figma.scim.url", fake.scimBaseUrl().toString());
        c.put("figma.scim.token", FigmaTestSupport.SCIM_TOKEN);
        c.put("figma.http.initial-backoff", "0.001");
        c.put("figma.activity.start", "2026-04-01T00:00:00Z");
        c.put("figma.activity.page-size", "4");
        return c;
    }

    static void assertNoToken(Outcome o) {
        FigmaTestSupport.assertNoToken(o.out(), "standard output");
        FigmaTestSupport.assertNoToken(o.err(), "standard error");
    }

    @Test
    void reconcilesFigmaScimThenTheActivityLog() {
        try (TestDatabase db = TestDatabase.create("h2"); FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            Map<String, String> config = config(db, fake);
            Outcome scim = cli(config, "reconcile", "--figma-scim");
            assertEquals(0, scim.exit(), scim.err());
            assertTrue(scim.out().contains("reconciled Figma SCIM (FIGMA_SCIM): 9 added, 0 updated, 0 removed"), scim.out());
            assertNoToken(scim);

            Outcome log = cli(config, "reconcile", "--activity-log");
            assertEquals(0, log.exit(), log.err());
            assertTrue(log.out().contains("activity log: 2 page(s), 7 event(s)"), log.out());
            assertNoToken(log);

            try (Store store = Store.open(db.settings())) {
                Member dev = store.read(em -> em.createQuery("select m from Member m where m.emailLower = 'dev.shah@example.com'",
                        Member.class).getSingleResult());
                assertEquals(SeatType.COLLAB, dev.getSeatType());
            }
        }
    }

    @Test
    void oneSourceAtATimeAndAnUnconfiguredSourceIsAnError() {
        try (TestDatabase db = TestDatabase.create("h2"); FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"))) {
            Map<String, String> config = config(db, fake);
            Outcome both = cli(config, "reconcile", "--figma-scim", "--activity-log");
            assertEquals(2, both.exit(), "a usage error");
            assertTrue(both.err().contains("mutually exclusive"), both.err());

            config.remove("figma.scim.token");
            Outcome missing = cli(config, "reconcile", "--figma-scim");
            assertEquals(1, missing.exit());
            assertTrue(missing.err().contains("figma.scim.token"), missing.err());

            Map<String, String> refused = config(db, fake);
            refused.put("figma.api.token", "figd_wrong-token");
            Outcome failed = cli(refused, "reconcile", "--activity-log");
            assertEquals(1, failed.exit());
            assertTrue(failed.err().contains("HTTP 403"), failed.err());
            assertNoToken(failed);
        }
    }
}
