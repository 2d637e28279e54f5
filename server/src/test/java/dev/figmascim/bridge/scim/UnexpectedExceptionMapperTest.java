package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A busy store is a 503 to retry; anything else unexpected a 500 that tells the client nothing of the cause. */
class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    @Test
    void aLockTimeoutIsA503WithRetryAfter() {
        Response r = mapper.toResponse(new IllegalStateException("user name look-up failed",
                new SQLException("canceling statement due to lock timeout", "55P03")));
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(ScimErrorBody.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        ObjectNode body = (ObjectNode) r.getEntity();
        assertEquals(ScimErrorBody.ERROR_SCHEMA, body.get("schemas").get(0).asText());
        assertEquals("503", body.get("status").asText());
        assertFalse(body.get("detail").asText().contains("lock timeout"), "the database's message stays in the server");
    }

    @Test
    void anythingElseIsA500WithACorrelationIdAndNoCause() {
        Response r = mapper.toResponse(new IllegalStateException("secret internals",
                new SQLException("duplicate key value violates unique constraint", "23505")));
        assertEquals(500, r.getStatus());
        assertNull(r.getHeaderString("Retry-After"));
        String detail = ((ObjectNode) r.getEntity()).get("detail").asText();
        assertTrue(detail.matches("internal error; correlation id [0-9a-f-]{36}"), detail);
    }
}
