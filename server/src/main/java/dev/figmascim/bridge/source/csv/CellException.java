package dev.figmascim.bridge.source.csv;

/**
 * A cell whose value is not in its column's vocabulary; the message is the reason part of the error line.
 * It is thrown once per bad cell and caught right away, so it carries no stack trace.
 */
final class CellException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CellException(String reason) {
        super(reason, null, false, false);
    }
}
