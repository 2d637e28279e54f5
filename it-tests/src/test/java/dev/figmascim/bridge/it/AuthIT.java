package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens and scopes on /scim and /admin. */
class AuthIT extends BridgeIT {

    @Test
    void missingTokenIs401WithAChallenge() {
        for (String path : new String[] {"scim/v2/Users", "scim/v2/Groups", "scim/v2/ServiceProviderConfig", "admin/v1/tokens"}) {
            Http.Answer a = http().withToken(null).get(path);
            ScimErrorsIT.assertScimError(a, 401, null);
            assertTrue(a.header("WWW-Authenticate").startsWith("Bearer"), path);
        }
    }

    @Test
    void unknownTokenIs401() {
        Http.Answer a = http().withToken("fsb_not-a-real-token").get("scim/v2/Users");
        ScimErrorsIT.assertScimError(a, 401, null);
        assertTrue(a.header("WWW-Authenticate").contains("invalid_token"));
        assertFalse(a.body().contains("fsb_not-a-real-token"), "the presented token is never echoed");
        Http.Answer basic = http().send(http().withToken(null).request("scim/v2/Users")
                .header("Authorization", "Basic dXNlcjpwdw==").GET());
        ScimErrorsIT.assertScimError(basic, 401, null);
    }

    @Test
    void scopesAreEnforcedAndRevocationIsImmediate() {
        String name = "it-reader-" + System.nanoTime();
        Http.Answer created = http().send("POST", "admin/v1/tokens", "{\"name\":\"" + name + "\",\"scopes\":\"scim:read\"}",
                "application/json");
        assertEquals(201, created.status(), created.body());
        String secret = created.json().get("token").asText();
        assertTrue(secret.startsWith("fsb_"));

        Http reader = http().withToken(secret);
        assertEquals(200, reader.get("scim/v2/Users?count=1").status());
        Http.Answer forbidden = reader.get("admin/v1/tokens");
        ScimErrorsIT.assertScimError(forbidden, 403, null);

        JsonNode list = http().get("admin/v1/tokens").json();
        assertTrue(list.toString().contains(name));
        JsonNode listed = null;
        for (JsonNode t : list.get("tokens")) {
            listed = name.equals(t.get("name").asText()) ? t : listed;
        }
        assertEquals(created.json().get("createdAt").asText(), listed.get("createdAt").asText(),
                "the create's answer shows the time every later read shows (the store keeps microseconds)");
        assertFalse(list.toString().contains(secret), "listing never shows a secret");

        assertEquals(204, http().send("DELETE", "admin/v1/tokens/" + name, null, null).status());
        ScimErrorsIT.assertScimError(reader.get("scim/v2/Users?count=1"), 401, null);
    }

    @Test
    void duplicateTokenNamesAreRefused() {
        String name = "it-dup-" + System.nanoTime();
        assertEquals(201, http().send("POST", "admin/v1/tokens", "{\"name\":\"" + name + "\"}", "application/json").status());
        ScimErrorsIT.assertScimError(http().send("POST", "admin/v1/tokens", "{\"name\":\"" + name + "\"}", "application/json"),
                400, "invalidValue");
    }
}
