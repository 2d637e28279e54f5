package dev.figmascim.bridge.scim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which raw query strings go on to the endpoints: RFC 3986's, as java.net.URI parses them. */
class QueryStringCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "count=0", "filter=meta.lastModified%20gt%20%222026-01-01T00:00:00Z%22",
        "filter=meta.created%20gt%20%222026-01-01T00:00:00.5%2B02:00%22",
        "filter=userName%20eq%20%22a@b.example%22", "attributes=urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "cursor=&count=2", "a=/b?c", "x=!$&'()*+,;=", "filter=title%20eq%20%22%C3%A9%22"})
    void legalQueriesPass(String query) {
        assertNull(QueryStringCheck.problem(query, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"filter=a|b", "filter=\"a\"", "filter={a}", "filter=%zz", "count=1&%", "filter=a^b", "filter=<a>",
        "filter=a`b", "filter=a\\b", "filter=a%2"})
    void illegalQueriesAreNamed(String query) {
        String problem = QueryStringCheck.problem(query, null);
        assertNotNull(problem, query);
        assertTrue(problem.startsWith("the query string is not valid (RFC 3986)"), problem);
    }

    @Test
    void thePositionIsCountedInTheQuery() {
        assertTrue(QueryStringCheck.problem("filter=a|b", null).contains("at character 9 of the query"),
                QueryStringCheck.problem("filter=a|b", null));
    }

    @Test
    void aFragmentIsCheckedToo() {
        assertNull(QueryStringCheck.problem("count=0", "top"));
        assertNotNull(QueryStringCheck.problem("count=0", "a b"));
    }
}
