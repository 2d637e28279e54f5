package dev.figmascim.bridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.logging.LogManager;

/** {@code java -jar figma-scim-bridge.jar [command]}: without a command, it serves. */
@Command(name = "figma-scim-bridge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serves a Figma organisation as a read-only SCIM 2.0 service provider.",
        subcommands = {ServeCommand.class, ReconcileCommand.class, TokenCommand.class, MigrateCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    ServeCommand.Options options = new ServeCommand.Options();

    @Override
    public Integer call() {
        return ServeCommand.serve(options);
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(run(args));
    }

    /**
     * Applies the jar's logging.properties before any library logs: Helidon does this when it serves,
     * but the other commands never start Helidon, and their standard error must stay readable.
     */
    static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("warning: cannot read logging.properties: " + e.getMessage());
        }
    }

    /** Runs the command line and returns its exit code (for tests, which must not exit the JVM). */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + oneLine(e));
            if (System.getenv("BRIDGE_DEBUG") != null) {
                e.printStackTrace(line.getErr());
            }
            return 1;
        });
        // A usage mistake is one line, as every other CLI error, not picocli's line plus the whole help.
        cli.setParameterExceptionHandler((e, params) -> {
            CommandLine command = e.getCommandLine();
            String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring("Error: ".length()) : e.getMessage();
            command.getErr().println("error: " + message + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : root.getMessage();
        if (message == null) {
            message = root.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
