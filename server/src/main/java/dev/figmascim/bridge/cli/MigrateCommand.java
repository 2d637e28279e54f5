package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.store.Store;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code migrate}: apply pending schema migrations and exit (for deployments that migrate first). */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Apply pending database migrations and exit.")
public class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Store.MigrationReport report = Store.migrateOnly(StoreCommands.settings());
        System.err.println("applied " + report.applied() + " migration(s)");
        System.out.println("schema version " + report.schemaVersion());
        return 0;
    }
}
