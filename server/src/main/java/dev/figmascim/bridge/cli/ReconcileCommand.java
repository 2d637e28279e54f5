package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.SnapshotRejected;
import dev.figmascim.bridge.source.csv.CsvSnapshot;
import dev.figmascim.bridge.source.figma.ActivityLogSync;
import dev.figmascim.bridge.source.figma.FigmaSources;
import dev.figmascim.bridge.store.Store;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code reconcile --csv FILE | --figma-scim | --activity-log}: merge one source into the store, in one
 * transaction (the activity log: one per page, each with its cursor).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reconcile a source into the store (one transaction; a failure changes nothing).")
public class ReconcileCommand implements Callable<Integer> {

    /** Exactly one source per run. */
    static final class SourceChoice {
        @Option(names = "--csv", paramLabel = "FILE", required = true,
                description = "The Admin Console member CSV (a complete roster: members not in it are marked removed).")
        Path csv;

        @Option(names = "--figma-scim", required = true,
                description = "Pull Figma's SCIM API (figma.scim.url, FIGMA_SCIM_TOKEN): complete for SCIM-provisioned members.")
        boolean figmaScim;

        @Option(names = "--activity-log", required = true,
                description = "Read Figma's activity log (FIGMA_API_TOKEN) from the stored cursor, or figma.activity.start.")
        boolean activityLog;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    SourceChoice source;

    @Option(names = "--dry-run", description = "Show what would change and write nothing (the activity log: its first page).")
    boolean dryRun;

    @Option(names = "--allow-mass-removal",
            description = "Allow a complete snapshot to remove more than the guard's share (default 20%%) of members.")
    boolean allowMassRemoval;

    @Override
    public Integer call() {
        ReconcileOptions options = new ReconcileOptions(dryRun, allowMassRemoval, ReconcileOptions.DEFAULT_THRESHOLD,
                count -> System.err.println("… " + count + " members processed"));
        if (source.figmaScim || source.activityLog) {
            return figma(options);
        }
        Path file = source.csv;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println("error: " + file + ": " + (!Files.exists(file) ? "no such file"
                    : Files.isDirectory(file) ? "is a directory, not a CSV file" : "cannot be read"));
            return 1;
        }
        try (Store store = StoreCommands.open()) {
            CsvSnapshot snapshot = new CsvSnapshot(file, file.getFileName().toString());
            RunSummary summary;
            try {
                summary = new Reconciler(store).run(snapshot, options);
            } catch (SnapshotRejected e) {
                e.problems().forEach(System.err::println);
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            if (!snapshot.unknownColumns().isEmpty()) {
                System.err.println("note: unknown columns ignored: " + String.join(", ", snapshot.unknownColumns()));
            }
            report(summary, file.getFileName().toString());
            return 0;
        }
    }

    /** Figma's SCIM API or activity log; a Figma failure surfaces as the command's error (its message has no token). */
    private int figma(ReconcileOptions options) {
        try (Store store = StoreCommands.open()) {
            FigmaSources figma = FigmaSources.fromConfig(store, ConfigProvider.getConfig());
            if (source.figmaScim) {
                report(figma.reconcileScim(options), "Figma SCIM");
                return 0;
            }
            ActivityLogSync.Result result = figma.syncActivityLog(options, page -> report(page, "activity log page"));
            System.out.println(String.format("activity log: %d page(s), %d event(s), %d change event(s); cursor %s",
                    result.pages().size(), result.events(), result.changeEvents(), result.cursor() == null ? "none yet" : result.cursor()));
            return 0;
        }
    }

    private void report(RunSummary summary, String name) {
        if (dryRun) {
            summary.changes().forEach(line -> System.out.println("would change: " + line));
        }
        summary.warnings().forEach(w -> System.err.println("note: " + w));
        System.out.println(format(summary, name));
    }

    static String format(RunSummary s, String name) {
        return String.format("%s %s (%s): %d added, %d updated, %d removed, %d unchanged; %d change event(s)%s",
                s.dryRun() ? "dry run of" : "reconciled", name, s.source(), s.added(), s.updated(), s.removed(), s.unchanged(),
                s.changeEvents(), s.runId() == null ? "; nothing was written" : "; run " + s.runId());
    }
}
