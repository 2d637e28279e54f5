package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.security.Scope;
import dev.figmascim.bridge.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code token create|list|revoke}: manage the bearer tokens that may call the bridge. */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public class TokenCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("usage: token create|list|revoke (see token --help)");
        return 2;
    }

    /** Prints the new secret alone on standard output; only its hash is stored. */
    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create a token and print it once on standard output.")
    static class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "A unique name for the token.")
        String name;

        @Option(names = "--scope", defaultValue = "scim:read",
                description = "Comma-separated scopes: scim:read, admin (default: ${DEFAULT-VALUE}).")
        String scopes;

        @Override
        public Integer call() {
            var parsed = Scope.parseList(scopes);
            try (Store store = StoreCommands.open()) {
                ApiTokens.Created created = new ApiTokens(store).create(name, parsed);
                System.err.println("created token '" + name + "' with scopes " + Scope.toList(parsed)
                        + "; it is shown once, store it now");
                System.out.println(created.secret());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List tokens (never their secrets).")
    static class ListTokens implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Store store = StoreCommands.open()) {
                System.out.printf("%-36s  %-24s  %-16s  %-20s  %-20s  %s%n", "ID", "NAME", "SCOPES", "CREATED", "LAST USED", "REVOKED");
                for (ApiTokens.TokenInfo t : new ApiTokens(store).list()) {
                    System.out.printf("%-36s  %-24s  %-16s  %-20s  %-20s  %s%n", t.id(), t.name(), Scope.toList(t.scopes()),
                            t.createdAt(), t.lastUsedAt() == null ? "-" : t.lastUsedAt(), t.revokedAt() == null ? "-" : t.revokedAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Revoke a token by name or id.")
    static class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "NAME_OR_ID", description = "The token's name or id.")
        String nameOrId;

        @Override
        public Integer call() {
            try (Store store = StoreCommands.open()) {
                if (!new ApiTokens(store).revoke(nameOrId)) {
                    System.err.println("error: no token named '" + nameOrId + "'");
                    return 1;
                }
            }
            System.err.println("revoked token '" + nameOrId + "'");
            return 0;
        }
    }
}
