package dev.figmascim.fakefigma;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake as a process: {@code FakeFigmaMain [--port N] [--scenario FILE|builtin:NAME] [--host ADDR]}.
 * Prints the base URL (and nothing else) on standard output, so a script can read it; the SCIM URL and tokens go
 * to standard error. Stops on SIGINT/SIGTERM. Defaults: port 0 (a free port), {@code builtin:small}, 127.0.0.1.
 */
public final class FakeFigmaMain {

    private static final String USAGE = "usage: FakeFigmaMain [--port N] [--scenario FILE|builtin:NAME] [--host ADDR]";

    private FakeFigmaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeFigma fake;
        try {
            fake = launch(args, System.out, System.err);
        } catch (IllegalArgumentException | ScenarioException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-figma-shutdown"));
        stopped.await();
    }

    /** Parses the arguments, starts the fake and prints its URLs; the caller owns the returned fake. */
    static FakeFigma launch(String[] args, PrintStream out, PrintStream err) {
        int port = 0;
        String scenarioArg = "builtin:small";
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = parsePort(value);
                case "--scenario" -> scenarioArg = require(value, "--scenario");
                case "--host" -> host = require(value, "--host");
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
            i++;
        }
        Scenario scenario = scenarioArg.startsWith("builtin:")
                ? Scenario.builtin(scenarioArg.substring("builtin:".length()))
                : Scenario.load(Path.of(scenarioArg));
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'", e);
        }
        FakeFigma fake = FakeFigma.start(scenario, address);
        out.println(fake.baseUrl());
        out.flush();
        err.println("fake Figma: SCIM API at " + fake.scimBaseUrl() + " (bearer " + scenario.scimToken() + "), REST API at "
                + fake.baseUrl() + " (X-Figma-Token " + scenario.apiToken() + "), control at " + fake.baseUrl() + "/__control/");
        return fake;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(require(value, "--port"));
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, not '" + value + "'", e);
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
