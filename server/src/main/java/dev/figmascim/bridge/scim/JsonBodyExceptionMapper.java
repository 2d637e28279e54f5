package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that JAX-RS's Jackson provider cannot read (the admin API's JSON bodies): the client's
 * mistake, so 400 {@code invalidSyntax} saying where, not the 500 that {@link UnexpectedExceptionMapper}
 * would give it. Only the position is echoed, not Jackson's text, which quotes the body.
 */
@Provider
public class JsonBodyExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return ScimErrorBody.response(400, "invalidSyntax", "the request body is not the JSON this endpoint reads" + where);
    }
}
