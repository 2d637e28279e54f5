package dev.figmascim.bridge.scim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParamsTest {

    @Test
    void integersAreReadOrRefusedByName() {
        assertEquals(7, QueryParams.integer(" 7 ", "count", 100));
        assertEquals(100, QueryParams.integer(null, "count", 100));
        assertEquals(100, QueryParams.integer(" ", "count", 100));
        assertEquals(-5, QueryParams.integer("-5", "count", 100));
        ScimException tooBig = assertThrows(ScimException.class, () -> QueryParams.integer("99999999999", "count", 100));
        assertEquals("count must be an integer, not '99999999999'", tooBig.getMessage());
        assertEquals(400, tooBig.status());
        assertEquals(99_999_999_999L, QueryParams.longValue("99999999999", "after"));
        assertNull(QueryParams.longValue(null, "after"));
        assertEquals("after must be an integer, not '1.5'",
                assertThrows(ScimException.class, () -> QueryParams.longValue("1.5", "after")).getMessage());
    }

    @Test
    void flagsAreTrueOrFalseOnly() {
        assertFalse(QueryParams.flag(null, "dryRun"));
        assertTrue(QueryParams.flag("True", "dryRun"));
        assertFalse(QueryParams.flag("FALSE", "dryRun"));
        for (String unreadable : new String[] {"", "1", "0", "yes", "on", "t"}) {
            ScimException e = assertThrows(ScimException.class, () -> QueryParams.flag(unreadable, "dryRun"), unreadable);
            assertEquals("invalidValue", e.scimType());
        }
    }
}
