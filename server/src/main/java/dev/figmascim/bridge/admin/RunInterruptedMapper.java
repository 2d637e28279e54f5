package dev.figmascim.bridge.admin;

import dev.figmascim.bridge.reconcile.RunInterrupted;
import dev.figmascim.bridge.scim.ScimErrorBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/** A run stopped by the server's shutdown: 503 to retry elsewhere or later, one log line, no stack trace. */
@Provider
public class RunInterruptedMapper implements ExceptionMapper<RunInterrupted> {

    private static final Logger LOG = Logger.getLogger(RunInterruptedMapper.class.getName());

    @Override
    public Response toResponse(RunInterrupted e) {
        LOG.info(e.getMessage());
        return ScimErrorBody.unavailable(e.getMessage() + "; send it again once the server is back");
    }
}
