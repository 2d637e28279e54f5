package dev.figmascim.bridge.scim;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the store's enum constants appear in SCIM: {@code BILLING_GROUP} is "BillingGroup", {@code FULL}
 * is "Full", the way Figma writes roles and seats. Filters accept the display form or the constant's
 * name, in any case.
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : value.name().split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** Lower-cased display form and constant name → constant, for filter values. */
    public static <T extends Enum<T>> Map<String, T> lookup(Class<T> type) {
        Map<String, T> map = new HashMap<>();
        for (T constant : type.getEnumConstants()) {
            map.put(of(constant).toLowerCase(Locale.ROOT), constant);
            map.put(constant.name().toLowerCase(Locale.ROOT), constant);
        }
        return Map.copyOf(map);
    }
}
