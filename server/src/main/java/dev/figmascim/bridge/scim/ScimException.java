package dev.figmascim.bridge.scim;

/**
 * A client-visible SCIM error (RFC 7644 §3.12): an HTTP status, an optional {@code scimType} and a
 * human-readable detail. Thrown anywhere in request handling; {@link ScimExceptionMapper} writes it.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException readOnly(String method) {
        return new ScimException(501, null, method + " is not supported: this SCIM service provider is read-only");
    }
}
