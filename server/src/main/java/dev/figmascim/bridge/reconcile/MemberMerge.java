package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.Member;
import dev.figmascim.bridge.model.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pure part of reconciliation: which fields of an existing member change when {@code source}
 * reports {@code incoming}, by the rules of {@link MemberField}. Reads the member, never writes it.
 */
final class MemberMerge {

    private MemberMerge() {
    }

    static List<FieldChange> diff(Member current, IncomingMember incoming, Source source) {
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<MemberField, Object> e : incoming.values().entrySet()) {
            MemberField field = e.getKey();
            Object proposed = e.getValue();
            Object existing = field.get(current);
            if (Objects.equals(existing, proposed) || !accepts(field, current, source, existing, proposed)) {
                continue;
            }
            changes.add(new FieldChange(field, existing, proposed));
        }
        return changes;
    }

    private static boolean accepts(MemberField field, Member current, Source source, Object existing, Object proposed) {
        return switch (field.rule()) {
            case LATEST -> proposed != null;
            case MAX -> proposed != null && (existing == null || ((Instant) proposed).isAfter((Instant) existing));
            case OWNED -> source == field.owner() || existing == null || isBlank(existing) || !ownerHasReported(field, current);
        };
    }

    /** An empty string counts as unset, so a lower source may fill it. */
    private static boolean isBlank(Object value) {
        return value instanceof String s && s.isEmpty();
    }

    static boolean ownerHasReported(MemberField field, Member m) {
        return seenAt(m, field.owner()) != null;
    }

    static Instant seenAt(Member m, Source source) {
        return switch (source) {
            case CSV -> m.getCsvSeenAt();
            case FIGMA_SCIM -> m.getFigmaScimSeenAt();
            case ACTIVITY_LOG -> m.getActivitySeenAt();
            default -> null;
        };
    }

    static void markSeen(Member m, Source source, Instant at) {
        switch (source) {
            case CSV -> m.setCsvSeenAt(at);
            case FIGMA_SCIM -> m.setFigmaScimSeenAt(at);
            case ACTIVITY_LOG -> m.setActivitySeenAt(at);
            default -> {
                // DEMO and DECLARED data carry no per-member provenance.
            }
        }
    }
}
