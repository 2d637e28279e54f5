package dev.figmascim.bridge.source.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects {@code file:line:column: reason} errors, up to {@link #LIMIT}. A bad export tends to be bad on
 * every row; a hundred lines show the pattern, and a million would only bury it.
 */
final class ErrorLog {

    static final int LIMIT = 100;
    static final String MORE = "... and more errors (first " + LIMIT + " shown)";

    private final String file;
    private final List<String> errors = new ArrayList<>();
    private boolean overflow;

    ErrorLog(String file) {
        this.file = file;
    }

    /** Records an error; past the limit it only notes that there were more. */
    void add(int line, int column, String reason) {
        if (errors.size() >= LIMIT) {
            overflow = true;
            return;
        }
        errors.add(file + ":" + line + ":" + column + ": " + reason);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** True once an error beyond the limit was seen: reading further cannot change the report. */
    boolean isFull() {
        return overflow;
    }

    /** The errors, with the {@link #MORE} marker last when some were left out. */
    List<String> lines() {
        List<String> lines = new ArrayList<>(errors);
        if (overflow) {
            lines.add(MORE);
        }
        return List.copyOf(lines);
    }
}
