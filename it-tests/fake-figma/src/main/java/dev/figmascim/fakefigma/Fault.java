package dev.figmascim.fakefigma;

/** One queued, one-shot fault: the next request it is taken by gets this instead of (or on top of) its answer. */
sealed interface Fault {

    /** A short name for the control endpoint's listing. */
    String kind();

    /** 429 with {@code Retry-After} in seconds, or as an HTTP-date that many seconds ahead. */
    record RateLimit(long retryAfterSeconds, boolean httpDate, String planTier, String rateLimitType) implements Fault {
        @Override
        public String kind() {
            return "rateLimit";
        }
    }

    /** A 5xx; 500 in the endpoint's error shape, 502/503 as the HTML page a front proxy sends. */
    record ServerError(int status) implements Fault {
        @Override
        public String kind() {
            return "serverError";
        }
    }

    /** The real answer with its body cut in half. */
    record Malformed() implements Fault {
        @Override
        public String kind() {
            return "malformed";
        }
    }

    /** An error in one of Figma's two REST shapes, whatever the endpoint. */
    record ErrorBody(int status, String message, boolean errorBooleanShape) implements Fault {
        @Override
        public String kind() {
            return "errorBody";
        }
    }
}
