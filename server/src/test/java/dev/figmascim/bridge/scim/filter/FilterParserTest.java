package dev.figmascim.bridge.scim.filter;

import dev.figmascim.bridge.scim.ScimException;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsed trees are kept per shape (literals replaced): each request must still get its own literals. */
class FilterParserTest {

    @Test
    void filtersOfOneShapeKeepTheirOwnLiterals() {
        FilterExpression first = FilterParser.parse("userName eq \"ada@example.com\"");
        FilterExpression second = FilterParser.parse("userName eq \"ben@example.com\"");
        assertEquals("ada@example.com", value(first));
        assertEquals("ben@example.com", value(second));
        assertNotSame(first, second);
        assertEquals("ada@example.com", value(FilterParser.parse("userName eq \"ada@example.com\"")), "the first is unchanged");
    }

    @Test
    void literalsAreDecodedPerRequestAndPutBackInOrder() {
        FilterExpression plain = FilterParser.parse("title co \"eng\" and userName sw \"a\"");
        FilterExpression escaped = FilterParser.parse("title co \"\\u00e9ng\" and userName sw \"b\\/c\"");
        LogicalExpression p = (LogicalExpression) plain;
        LogicalExpression e = (LogicalExpression) escaped;
        assertEquals("eng", value(p.getLeft()));
        assertEquals("a", value(p.getRight()));
        assertEquals("éng", value(e.getLeft()));
        assertEquals("b/c", value(e.getRight()));
    }

    @Test
    void aShapeThatFailedToParseFailsEveryTime() {
        for (String literal : new String[] {"a", "b"}) {
            ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse("userName eq \"" + literal + "\" and"));
            assertEquals("invalidFilter", error.scimType());
        }
        assertThrows(ScimException.class, () -> FilterParser.parse("userName eq \"a\u0001\""), "a raw control character is no JSON string");
    }

    @Test
    void aParseErrorSaysWhereInTheClientsText() {
        // The parser sees "fsbLiteral0" where the client wrote a 30-character literal: the position must be the client's.
        String filter = "userName eq \"a.rather.long.name@example.com\" and";
        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse(filter));
        assertTrue(error.getMessage().contains("line 1:" + filter.length()), error.getMessage());
        ScimException early = assertThrows(ScimException.class, () -> FilterParser.parse("title co \"x\" qq userName eq \"y\""));
        assertTrue(early.getMessage().contains("line 1:13"), early.getMessage());
    }

    private static Object value(FilterExpression e) {
        return ((AttributeComparisonExpression) e).getCompareValue();
    }
}
