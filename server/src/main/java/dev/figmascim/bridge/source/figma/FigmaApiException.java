package dev.figmascim.bridge.source.figma;

import java.util.Optional;

/**
 * A call to Figma that did not give a usable answer. The message names the API, the endpoint, the HTTP status
 * and Figma's own error message (from either of its error shapes, {@code {"status":403,"err":"..."}} or
 * {@code {"error":true,"status":400,"message":"..."}}, or a SCIM error's {@code detail}); it never contains a token.
 */
public final class FigmaApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (e.g. stop a run on RATE_LIMITED, alert on HTTP_ERROR 401/403). */
    public enum Reason {
        /** Figma answered an error status: a 4xx at once, or a 5xx on every attempt. */
        HTTP_ERROR,
        /** 429 with a Retry-After beyond the configured cap, or still 429 after every attempt. */
        RATE_LIMITED,
        /** No complete answer within the connect or read timeout, on every attempt. */
        TIMEOUT,
        /** The connection failed (refused, reset, TLS...) on every attempt. */
        NETWORK,
        /** A 2xx whose body is not the JSON expected. */
        MALFORMED_RESPONSE,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Reason reason;
    private final String endpoint;
    private final int status;
    private final String figmaMessage;
    private final int attempts;

    FigmaApiException(Reason reason, String endpoint, int status, String figmaMessage, int attempts, String message,
            Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.endpoint = endpoint;
        this.status = status;
        this.figmaMessage = figmaMessage;
        this.attempts = attempts;
    }

    public Reason reason() {
        return reason;
    }

    /** The API and request, e.g. {@code Figma REST API GET /v1/activity_logs}. */
    public String endpoint() {
        return endpoint;
    }

    /** The last HTTP status, or 0 when there was no response (timeout, network, interrupt). */
    public int status() {
        return status;
    }

    /** Figma's error text from the last response body, when it had one (already free of tokens). */
    public Optional<String> figmaMessage() {
        return Optional.ofNullable(figmaMessage);
    }

    /** How many requests were sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
