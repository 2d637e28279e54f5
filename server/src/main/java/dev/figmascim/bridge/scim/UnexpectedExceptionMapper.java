package dev.figmascim.bridge.scim;

import dev.figmascim.bridge.store.Store;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: a 500 whose detail is a fixed text and a correlation id. The stack trace goes
 * to the server log under that id, never to the client. A store that is only busy (a big first load
 * holds its tables, or the pool is exhausted; {@link Store#isBusy}) is not an error of ours: 503 with
 * {@code Retry-After}, which IdPs and HTTP clients retry, and one line in the log.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        if (Store.isBusy(e)) {
            LOG.info("store busy (a reconciliation holds its tables, or no connection is free); answered 503");
            return ScimErrorBody.unavailable("the store is busy, most likely loading a reconciliation; retry in "
                    + ScimErrorBody.RETRY_AFTER_SECONDS + " s");
        }
        String correlation = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "unexpected error, correlation id " + correlation, e);
        return ScimErrorBody.response(500, null, "internal error; correlation id " + correlation);
    }
}
