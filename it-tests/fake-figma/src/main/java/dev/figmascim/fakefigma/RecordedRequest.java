package dev.figmascim.fakefigma;

/**
 * One request the fake answered (control requests excepted). Holds whether an auth header was sent, never its
 * value, so that the log can be printed or served without leaking a token.
 *
 * @param method     HTTP method
 * @param path       the raw path
 * @param query      the raw query string, or null
 * @param authHeader whether an {@code Authorization} or {@code X-Figma-Token} header was present
 */
public record RecordedRequest(String method, String path, String query, boolean authHeader) {

    /** The decoded value of a query parameter, or null. */
    public String queryParam(String name) {
        return Request.parseQuery(query).get(name);
    }
}
