package dev.figmascim.bridge.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a token may do. */
public enum Scope {
    /** Read the SCIM facade. */
    SCIM_READ("scim:read"),
    /** Use the admin API: reconciliations, history, tokens. */
    ADMIN("admin");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a comma-separated list such as {@code scim:read,admin}. */
    public static Set<Scope> parseList(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : text.split(",")) {
            String wanted = part.trim().toLowerCase(Locale.ROOT);
            if (wanted.isEmpty()) {
                continue;
            }
            scopes.add(Arrays.stream(values()).filter(s -> s.label.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + part.trim()
                            + "' (known: scim:read, admin)")));
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is needed (scim:read, admin)");
        }
        return scopes;
    }

    /** The inverse of {@link #parseList}. */
    public static String toList(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::label).collect(Collectors.joining(","));
    }
}
