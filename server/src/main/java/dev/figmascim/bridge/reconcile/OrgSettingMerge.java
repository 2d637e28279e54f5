package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Source;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The pure part of applying an {@link IncomingSetting}: whether it wins over what the store holds, and
 * the value that results. The rule (docs/activity-log.md, "Organisation settings"): the newer
 * observation wins, whichever source made it; at the same instant an observed value (activity log,
 * Figma) beats a declared one, since the admin's file may be out of date and Figma cannot be.
 */
final class OrgSettingMerge {

    /** The value a list-valued setting has when the store knows none of its items. */
    static final String UNKNOWN = "unknown";

    private OrgSettingMerge() {
    }

    /** What the store holds for a setting, or null when no source has said anything. */
    record Stored(String value, Source source, Instant confirmedAt) {
    }

    /**
     * The outcome.
     *
     * @param applies  whether the incoming observation wins (false: the store keeps its value and time)
     * @param value    the resulting value (may equal the stored one: then only the confirmation moves)
     */
    record Decision(boolean applies, String value) {
    }

    static Decision decide(Stored stored, IncomingSetting in, Source source) {
        if (stored != null && !newer(in.observedAt(), source, stored)) {
            return new Decision(false, stored.value());
        }
        String current = stored == null ? null : stored.value();
        return new Decision(true, switch (in.op()) {
            case SET -> in.value();
            case ADD_ITEM -> join(items(current, in.value(), true));
            // Removing one item from a list nobody has stated leaves it unknown, not empty.
            case REMOVE_ITEM -> current == null || current.equals(UNKNOWN) ? UNKNOWN : join(items(current, in.value(), false));
        });
    }

    private static boolean newer(Instant observedAt, Source source, Stored stored) {
        if (observedAt.isAfter(stored.confirmedAt())) {
            return true;
        }
        return observedAt.equals(stored.confirmedAt()) && (source != Source.DECLARED || stored.source() == Source.DECLARED);
    }

    /** A list-valued setting is stored as its items, lower-cased, sorted, comma-separated ("" = none). */
    private static TreeSet<String> items(String current, String item, boolean add) {
        TreeSet<String> set = new TreeSet<>();
        if (current != null && !current.equals(UNKNOWN)) {
            Arrays.stream(current.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        String normalized = item.trim().toLowerCase(Locale.ROOT);
        if (add) {
            set.add(normalized);
        } else {
            set.remove(normalized);
        }
        return set;
    }

    private static String join(TreeSet<String> items) {
        return items.stream().collect(Collectors.joining(","));
    }
}
