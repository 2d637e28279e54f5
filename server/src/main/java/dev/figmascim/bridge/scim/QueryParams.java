package dev.figmascim.bridge.scim;

import java.util.Locale;

/**
 * Query parameters read as text and checked here, not converted by JAX-RS: a parameter JAX-RS cannot
 * convert is a bare 404 by the JAX-RS specification, and a {@code boolean} it can convert turns anything
 * but "true" into false, so {@code dryRun=1} would run for real. Here a bad value is a 400
 * {@code invalidValue} naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code value} as an int; {@code absent} when missing or blank. */
    public static int integer(String value, String name, int absent) {
        Long parsed = longValue(value, name);
        if (parsed != null && (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE)) {
            throw notAnInteger(value, name);
        }
        return parsed == null ? absent : parsed.intValue();
    }

    /** {@code value} as a long; null when missing or blank. */
    public static Long longValue(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw notAnInteger(value, name);
        }
    }

    /** {@code true} or {@code false} in any case; false when missing. Anything else, an empty value included, is refused. */
    public static boolean flag(String value, String name) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ScimException.invalidValue(name + " must be true or false, not '" + value + "'");
        };
    }

    private static ScimException notAnInteger(String value, String name) {
        return ScimException.invalidValue(name + " must be an integer, not '" + value + "'");
    }
}
