package dev.figmascim.fakefigma;

/** A scenario file that cannot be used; the message names the file (when known) and the offending field. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScenarioException(String message) {
        super(message);
    }

    ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
