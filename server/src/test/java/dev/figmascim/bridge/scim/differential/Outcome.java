package dev.figmascim.bridge.scim.differential;

import java.util.List;
import java.util.Objects;

/**
 * What a list request yields: the total number of matches and the ids of one page in order, or a
 * refusal with its HTTP status and SCIM {@code scimType}. Two outcomes agree when their totals and
 * pages are equal, or when both are refusals of the same status and scimType (the detail may differ).
 */
record Outcome(long total, List<String> ids, int status, String scimType, String detail) {

    static Outcome page(long total, List<String> ids) {
        return new Outcome(total, List.copyOf(ids), 200, null, null);
    }

    static Outcome refused(int status, String scimType, String detail) {
        return new Outcome(-1, List.of(), status, scimType, detail);
    }

    boolean isRefusal() {
        return status != 200;
    }

    boolean agreesWith(Outcome other) {
        if (isRefusal() || other.isRefusal()) {
            return status == other.status && Objects.equals(scimType, other.scimType);
        }
        return total == other.total && ids.equals(other.ids);
    }
}
