package dev.figmascim.bridge.scim;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (no such path, method not allowed, unsupported media type, bad parameter) as
 * SCIM error bodies with the same status, and never with the exception's text beyond a fixed phrase.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail;
        if (e instanceof NotFoundException) {
            detail = "no such endpoint";
        } else if (e instanceof NotAllowedException) {
            detail = "method not allowed on this endpoint";
        } else {
            detail = Response.Status.fromStatusCode(status) == null ? "request failed"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        }
        Response.ResponseBuilder out = Response.fromResponse(ScimErrorBody.response(status, null, detail));
        if (e instanceof NotAllowedException) {
            out.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return out.build();
    }
}
