package dev.figmascim.bridge.source.figma;

/** A Figma source was asked for whose URL or token is not configured; the message names the keys. */
public final class SourceNotConfigured extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SourceNotConfigured(String message) {
        super(message, null, false, false);
    }
}
