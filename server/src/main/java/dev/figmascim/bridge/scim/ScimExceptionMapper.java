package dev.figmascim.bridge.scim;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a {@link ScimException} as a SCIM error body; client errors are logged at fine level only. */
@Provider
public class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    private static final Logger LOG = Logger.getLogger(ScimExceptionMapper.class.getName());

    @Override
    public Response toResponse(ScimException e) {
        LOG.log(e.status() >= 500 && e.status() != 501 ? Level.WARNING : Level.FINE,
                () -> "SCIM error " + e.status() + " " + e.scimType() + ": " + e.getMessage());
        return ScimErrorBody.response(e.status(), e.scimType(), e.getMessage());
    }
}
