package dev.figmascim.bridge.scim;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: a 500 whose detail is a fixed text and a correlation id. The stack trace goes
 * to the server log under that id, never to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        String correlation = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "unexpected error, correlation id " + correlation, e);
        return ScimErrorBody.response(500, null, "internal error; correlation id " + correlation);
    }
}
