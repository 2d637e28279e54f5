package dev.figmascim.bridge.admin;

import dev.figmascim.bridge.reconcile.ShuttingDown;
import dev.figmascim.bridge.scim.ScimErrorBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/** A run refused or stopped by the server's shutdown: 503 to retry elsewhere or later, one log line, no stack trace. */
@Provider
public class ShuttingDownMapper implements ExceptionMapper<ShuttingDown> {

    private static final Logger LOG = Logger.getLogger(ShuttingDownMapper.class.getName());

    @Override
    public Response toResponse(ShuttingDown e) {
        LOG.info(e.getMessage());
        return ScimErrorBody.unavailable(e.getMessage());
    }
}
