package dev.figmascim.fakefigma;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Fault injection. One-shot faults queue up in the order they are set and each is taken by one request (to any
 * endpoint but {@code /__control}); a delay applies to every response until it is set back to 0. Faults are taken
 * before authentication, as a rate limiter or proxy in front of Figma would answer. Thread-safe.
 *
 * <p>The same settings are reachable over HTTP: {@code POST /__control/faults} (see README.md).
 */
public final class Faults {

    /** {@code X-Figma-Plan-Tier} sent with a 429 unless told otherwise. */
    public static final String DEFAULT_PLAN_TIER = "enterprise";
    /** {@code X-Figma-Rate-Limit-Type} sent with a 429 unless told otherwise ({@code low} is the view/collab seat limit). */
    public static final String DEFAULT_RATE_LIMIT_TYPE = "low";

    private final Deque<Fault> queue = new ArrayDeque<>();
    private volatile long delayMillis;

    Faults() {
    }

    /** The next {@code n} requests get 429 with {@code Retry-After: retryAfterSeconds}. */
    public Faults rateLimitNext(int n, long retryAfterSeconds) {
        return rateLimitNext(n, retryAfterSeconds, false, DEFAULT_PLAN_TIER, DEFAULT_RATE_LIMIT_TYPE);
    }

    /** The next {@code n} requests get 429 with {@code Retry-After} as an HTTP-date {@code retryAfterSeconds} ahead. */
    public Faults rateLimitNextAsHttpDate(int n, long retryAfterSeconds) {
        return rateLimitNext(n, retryAfterSeconds, true, DEFAULT_PLAN_TIER, DEFAULT_RATE_LIMIT_TYPE);
    }

    /** The next {@code n} requests get 429 with the given {@code Retry-After} and Figma rate-limit headers. */
    public Faults rateLimitNext(int n, long retryAfterSeconds, boolean httpDate, String planTier, String rateLimitType) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        return add(n, new Fault.RateLimit(retryAfterSeconds, httpDate, planTier, rateLimitType));
    }

    /** The next {@code n} requests get {@code status} (500, 502, 503 or another 5xx). */
    public Faults serverErrorNext(int n, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx, not " + status);
        }
        return add(n, new Fault.ServerError(status));
    }

    /** The next {@code n} requests get their real answer with the body cut in half (invalid JSON). */
    public Faults malformedNext(int n) {
        return add(n, new Fault.Malformed());
    }

    /** The next {@code n} requests get Figma's second error shape {@code {"error":true,"status":..,"message":..}}. */
    public Faults errorBooleanNext(int n, int status, String message) {
        return add(n, new Fault.ErrorBody(status, message, true));
    }

    /** The next {@code n} requests get Figma's first error shape {@code {"status":..,"err":..}}. */
    public Faults errMessageNext(int n, int status, String err) {
        return add(n, new Fault.ErrorBody(status, err, false));
    }

    /** Every response waits {@code millis} before it is sent; 0 turns it off. */
    public Faults delayResponses(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative");
        }
        this.delayMillis = millis;
        return this;
    }

    /** Drops every queued fault and the delay. */
    public synchronized Faults clear() {
        queue.clear();
        delayMillis = 0;
        return this;
    }

    /** How many one-shot faults are still queued. */
    public synchronized int pending() {
        return queue.size();
    }

    public long delayMillis() {
        return delayMillis;
    }

    synchronized List<String> pendingKinds() {
        List<String> kinds = new ArrayList<>();
        queue.forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    /** The fault for the request being answered, or null. */
    synchronized Fault take() {
        return queue.pollFirst();
    }

    private synchronized Faults add(int n, Fault fault) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        for (int i = 0; i < n; i++) {
            queue.addLast(fault);
        }
        return this;
    }
}
