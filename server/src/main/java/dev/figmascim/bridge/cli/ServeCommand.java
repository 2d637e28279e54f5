package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.config.BridgeSettings;
import dev.figmascim.bridge.config.StoreBeans;
import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.security.Scope;
import io.helidon.microprofile.server.Server;
import io.helidon.service.registry.Services;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the HTTP server; with {@code --demo}, on a private in-memory store holding the sample org. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the SCIM service provider and admin API (the default command).")
public class ServeCommand implements Callable<Integer> {

    /** The options of serving, shared by {@code serve} and the bare command. */
    static final class Options {
        @Option(names = "--demo", description = "Serve the shipped sample organisation from an in-memory store and print a token.")
        boolean demo;

        @Option(names = "--port", description = "Port to listen on (default: server.port / SERVER_PORT, else 8080).")
        Integer port;

        /** Build-time only: serve the demo, send the requests clients send, exit (trains a JDK AOT cache). */
        @Option(names = "--aot-training", hidden = true)
        boolean aotTraining;
    }

    @Mixin
    Options options = new Options();

    @Override
    public Integer call() {
        return serve(options);
    }

    static int serve(Options options) {
        boolean demo = options.demo || options.aotTraining;
        Integer port = options.port;
        if (demo) {
            System.setProperty(BridgeSettings.DEMO, "true");
        }
        if (port != null) {
            System.setProperty("server.port", port.toString());
        }
        StoreBeans.openEarly(new BridgeSettings(ConfigProvider.getConfig()));
        Server server = Server.builder().build().start();
        pinGlobalMappers();
        String base = "http://localhost:" + server.port();
        System.err.println("figma-scim-bridge listening on " + base + " (SCIM at " + base + "/scim/v2)");
        if (options.aotTraining) {
            AotTraining.run(base, CDI.current().select(ApiTokens.class).get());
            System.exit(0);
        }
        if (demo) {
            ApiTokens tokens = CDI.current().select(ApiTokens.class).get();
            ApiTokens.Created created = tokens.create("demo-" + System.currentTimeMillis(), EnumSet.allOf(Scope.class));
            System.out.println("Demo organisation ready. Token (scim:read, admin; valid while this process runs):");
            System.out.println(created.secret());
            System.out.println("Try:");
            System.out.println("  curl -H 'Authorization: Bearer " + created.secret() + "' '" + base
                    + "/scim/v2/Users?count=2'");
            System.out.flush();
        }
        return waitForShutdown();
    }

    /**
     * Helidon 4.2.0 looks its global MapperManager up in the service registry for every request it routes
     * to a JAX-RS application (RouteCrawler re-wraps the route's path parameters, and Parameters.create asks
     * MapperManager.global()): 6 % of the server's CPU for a cached page of the filtered list in
     * docs/BENCHMARKS.md (JFR). Setting the registry's own instance as the static global makes that a field
     * read; the same object, so nothing else changes. Helidon 4.3 fixed it (helidon-io/helidon#10595), but
     * 4.2.0 is the newest with the integrations this build uses (STACK.md); drop this with the upgrade.
     * Helidon also offers the instance to its registry again, which refuses (already in use) and logs a
     * warning with a stack trace that would only alarm an operator: its logger is silenced for the call.
     */
    @SuppressWarnings("removal")
    static void pinGlobalMappers() {
        Logger logger = Logger.getLogger("io.helidon.common.mapper.GlobalManager");
        Level level = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            io.helidon.common.mapper.MapperManager.global(Services.get(io.helidon.common.mapper.MapperManager.class));
        } finally {
            logger.setLevel(level);
        }
    }

    private static int waitForShutdown() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
