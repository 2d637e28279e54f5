package dev.figmascim.bridge.reconcile;

import java.util.List;

/** The input was invalid: nothing was written. Carries every problem found (e.g. file:line:column: reason). */
public class SnapshotRejected extends RuntimeException {

    private final List<String> problems;

    public SnapshotRejected(String summary, List<String> problems) {
        super(summary, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
