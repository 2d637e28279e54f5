package dev.figmascim.bridge.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bridge jar running as a separate process: its own working directory (so an H2 file store
 * lands there), a free port, a random bootstrap token, and its output captured to files.
 */
public final class BridgeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final String token;
    private final Path workDir;

    private BridgeProcess(Process process, int port, String token, Path workDir) {
        this.process = process;
        this.port = port;
        this.token = token;
        this.workDir = workDir;
    }

    /** Where the packaged jar is: {@code -Dbridge.jar}, set by failsafe. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("bridge.jar", "../server/target/figma-scim-bridge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged jar not found at " + jar.toAbsolutePath() + ": build the server module first");
        }
        return jar;
    }

    /** The java launcher of the JDK running the tests (21+, enforced by the build). */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java -jar … args} with extra environment and waits until /health/ready is 200. */
    public static BridgeProcess start(List<String> args, Map<String, String> env, Duration timeout) {
        int port = freePort();
        String token = "fsb_it_" + randomToken();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("bridge-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar().toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile());
        Map<String, String> environment = pb.environment();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SERVER_HOST", "127.0.0.1");
        environment.put("BRIDGE_BOOTSTRAP_TOKEN", token);
        environment.putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BridgeProcess bridge = new BridgeProcess(process, port, token, workDir);
        bridge.awaitReady(timeout);
        return bridge;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(baseUrl() + "health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bridge exited with " + process.exitValue() + " before it was ready:\n" + stderr());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        String log = stderr();
        close();
        throw new IllegalStateException("the bridge was not ready within " + timeout + ":\n" + log);
    }

    /** {@code http://127.0.0.1:port/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** A token with every scope (the bootstrap token this process was started with). */
    public String token() {
        return token;
    }

    public Path workDir() {
        return workDir;
    }

    public String stdout() {
        return read("stdout.txt");
    }

    public String stderr() {
        return read("stderr.txt");
    }

    private String read(String file) {
        try {
            return Files.readString(workDir.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** Asks the process to stop (SIGTERM) and returns at once; {@link #close} then waits for it. */
    public void askToStop() {
        process.destroy();
    }

    /** Whether the process has ended. */
    public boolean hasEnded() {
        return !process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s) and deletes its working directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (!process.isAlive()) {
            deleteWorkDir();
        }
    }

    private void deleteWorkDir() {
        try (var paths = Files.walk(workDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory is not worth failing a test for.
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Environment for a PostgreSQL store. */
    public static Map<String, String> postgresEnv(String jdbcUrl, String user) {
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", jdbcUrl);
        env.put("BRIDGE_DB_USER", user);
        env.put("BRIDGE_DB_PASSWORD", "");
        return env;
    }
}
