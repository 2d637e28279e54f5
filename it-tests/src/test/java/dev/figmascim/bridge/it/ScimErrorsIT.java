package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.figmascim.bridge.it.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every client mistake gets a SCIM error body with the right status and scimType; none is a 500. */
class ScimErrorsIT extends BridgeIT {

    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    static void assertScimError(Http.Answer a, int status, String scimType) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.header("Content-Type").startsWith("application/scim+json"), a.header("Content-Type"));
        JsonNode body = a.json();
        assertNotNull(body, a.body());
        assertEquals(ERROR, body.get("schemas").get(0).asText());
        assertEquals(Integer.toString(status), body.get("status").asText());
        assertTrue(body.get("status").isTextual(), "status is a string (RFC 7644 §3.12)");
        if (scimType == null) {
            assertFalse(body.has("scimType"), a.body());
        } else {
            assertEquals(scimType, body.get("scimType").asText(), a.body());
        }
        assertFalse(body.path("detail").asText().isBlank());
        assertFalse(a.body().contains("Exception") || a.body().contains("\tat ") || a.body().contains(".java:"),
                "no stack trace reaches a client: " + a.body());
    }

    @ParameterizedTest
    @CsvSource({
        "POST, Users", "PUT, Users/abc", "PATCH, Users/abc", "DELETE, Users/abc",
        "POST, Groups", "PUT, Groups/abc", "PATCH, Groups/abc", "DELETE, Groups/abc",
        "POST, Bulk", "POST, Me", "PUT, Me", "PATCH, Me", "DELETE, Me"})
    void writesAreNotImplemented(String method, String path) {
        assertScimError(scim().send(method, path, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}",
                "application/scim+json"), 501, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ServiceProviderConfig", "ResourceTypes", "Schemas"})
    void discoveryEndpointsRefuseWritesAndFilters(String path) {
        assertScimError(scim().send("POST", path, "{}", "application/scim+json"), 405, null);
        assertScimError(scim().send("DELETE", path, null, null), 405, null);
        assertScimError(scim().get(path + "?filter=" + q("id eq \"x\"")), 403, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Users/2819c223-7f76-453a-919d-413861904646", "Users/not-a-uuid",
        "Groups/2819c223-7f76-453a-919d-413861904646", "ResourceTypes/Nope", "Schemas/urn:nope", "NoSuchEndpoint"})
    void unknownResourcesAre404(String path) {
        assertScimError(scim().get(path), 404, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName eq", "userName xx \"a\"", "(userName eq \"a\"", "userName eq \"a\" and", "nosuchattr eq \"x\"",
        "active eq \"yes\"", "meta.lastModified gt \"yesterday\"", "userName gt 5", "active co true", "emails[type eq \"work\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:nosuch eq \"x\"", "groups.nosuch eq \"x\""})
    void badFiltersAreInvalidFilter(String filter) {
        assertScimError(scim().get("Users?filter=" + q(filter)), 400, "invalidFilter");
    }

    @ParameterizedTest
    @CsvSource({"startIndex=abc, invalidValue", "count=ten, invalidValue", "sortOrder=sideways, invalidValue",
        "sortBy=nosuchattr, invalidValue"})
    void badParametersAreInvalidValue(String query, String scimType) {
        assertScimError(scim().get("Users?" + query), 400, scimType);
    }

    /** The benchmark's comparison endpoints exist only when bridge.bench.enabled=true. */
    @org.junit.jupiter.api.Test
    void benchEndpointsAreOffByDefault() {
        Http root = http();
        assertEquals(404, root.get("bench/v1/members/2819c223-7f76-453a-919d-413861904646").status());
        assertEquals(404, root.get("bench/v1/scimple-inmemory/Users").status());
    }

    @org.junit.jupiter.api.Test
    void badCursorsAreInvalidCursor() {
        assertScimError(scim().get("Users?cursor=not-a-cursor"), 400, "invalidCursor");
        String next = scim().get("Users?count=2&cursor=").json().get("nextCursor").asText();
        assertEquals(200, scim().get("Users?count=2&cursor=" + q(next)).status());
        assertScimError(scim().get("Users?count=2&filter=" + q("active eq true") + "&cursor=" + q(next)), 400, "invalidCursor");
        assertScimError(scim().get("Groups?count=2&cursor=" + q(next)), 400, "invalidCursor");
        assertScimError(scim().get("Users?cursor=&startIndex=1"), 400, "invalidValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"filter\": \"userName eq\"}"})
    void badSearchBodies(String body) {
        Http.Answer a = scim().send("POST", "Users/.search", body, "application/scim+json");
        assertEquals(400, a.status(), a.body());
        assertScimError(a, 400, body.contains("filter") ? "invalidFilter" : "invalidSyntax");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Users?startIndex=0", "Users?startIndex=-5", "Users?count=-1", "Users?count=0"})
    void outOfRangePagingIsClampedNotRefused(String path) {
        Http.Answer a = scim().get(path);
        assertEquals(200, a.status(), a.body());
        assertEquals(1, a.json().get("startIndex").asInt(), "startIndex below 1 is 1 (RFC 7644 §3.4.2.4)");
    }
}
