package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.OrgSettingKey;

import java.time.Instant;
import java.util.Objects;

/**
 * An organisation setting as a source observed it at {@code observedAt}. The newer observation wins
 * whatever its source (docs/activity-log.md, "Organisation settings"): a declared value never overrides
 * a newer observed one, and an old event never overrides a newer declaration.
 *
 * @param key        which setting
 * @param op         SET for a whole value; ADD_ITEM / REMOVE_ITEM for one item of a list-valued setting
 *                   (verified domains), applied to the list the store knows
 * @param value      the value, or the item
 * @param observedAt when the source saw it (the event's time, the declaration's time)
 */
public record IncomingSetting(OrgSettingKey key, Op op, String value, Instant observedAt) implements Incoming {

    /** How {@code value} applies to the stored value. */
    public enum Op {
        SET, ADD_ITEM, REMOVE_ITEM
    }

    public IncomingSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    public static IncomingSetting set(OrgSettingKey key, String value, Instant observedAt) {
        return new IncomingSetting(key, Op.SET, value, observedAt);
    }
}
