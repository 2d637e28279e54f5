package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.it.container.BridgeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reconciliation through the admin API on a server of its own (a fresh H2 store), then read back over SCIM. */
class AdminUploadIT {

    /** A copy of ../shared/reference/sample-members.csv, so the test does not depend on the checkout layout. */
    static final Path SAMPLE = Path.of("src/test/resources/csv/sample-members.csv");
    private static BridgeProcess server;

    @BeforeAll
    static void start() {
        server = BridgeProcess.start(List.of("serve"), Map.of(), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Http http() {
        return new Http(server.baseUrl(), server.token());
    }

    @Test
    void uploadsAsTextCsvAndMultipartThenServesTheRoster() throws Exception {
        String csv = java.nio.file.Files.readString(SAMPLE);
        Http.Answer created = http().send("POST", "admin/v1/reconciliations?fileName=members.csv", csv, "text/csv");
        assertEquals(201, created.status(), created.body());
        assertEquals(10, created.json().get("counts").get("added").asInt());
        String runId = created.json().get("id").asText();

        JsonNode user = http().get("scim/v2/Users?filter=" + Http.q("userName eq \"grace.liu@example.com\"")).json();
        assertEquals(1, user.get("totalResults").asInt());
        JsonNode grace = user.get("Resources").get(0);
        assertEquals("IT Systems Administrator", grace.get("title").asText());
        assertEquals("View", grace.get("urn:figma-scim-bridge:schemas:extension:figma:2.0:User").get("seatType").asText());
        JsonNode webApp = http().get("scim/v2/Groups?filter=" + Http.q("displayName eq \"Web App\"")).json().get("Resources").get(0);
        assertEquals(4, webApp.get("members").size(), "Ada, Ben, Hugo and Ines are in Web App");

        // The same file as multipart: nothing changes.
        String boundary = "----bridge" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"members.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        Http.Answer again = http().send(http().request("admin/v1/reconciliations")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, again.status(), again.body());
        assertEquals(0, again.json().get("changeEvents").asInt());
        assertEquals(10, again.json().get("counts").get("unchanged").asInt());

        // History: both runs, the first with its changes.
        JsonNode runs = http().get("admin/v1/reconciliations").json().get("reconciliations");
        assertTrue(runs.size() >= 2);
        assertEquals("SUCCEEDED", http().get("admin/v1/reconciliations/" + runId).json().get("status").asText());
        JsonNode changes = http().get("admin/v1/changes?run=" + runId + "&limit=5").json();
        assertEquals(5, changes.get("changes").size());
        long next = changes.get("next").asLong();
        JsonNode page2 = http().get("admin/v1/changes?run=" + runId + "&limit=5&after=" + next).json();
        assertTrue(page2.get("changes").get(0).get("id").asLong() > next);
        JsonNode ada = http().get("admin/v1/changes?member=ADA.PARK@example.com").json().get("changes");
        assertTrue(ada.size() >= 1);
        ada.forEach(c -> assertEquals("ada.park@example.com", c.get("entityKey").asText()));
    }

    @Test
    void badUploadsAreRefusedWithReasonsAndChangeNothing() {
        Http.Answer bad = http().send("POST", "admin/v1/reconciliations?fileName=x.csv", "Email,Role\nnot-an-email,Admin\n", "text/csv");
        assertEquals(422, bad.status(), bad.body());
        assertEquals("x.csv:2:1: invalid e-mail 'not-an-email'", bad.json().get("errors").get(0).asText());
        Http.Answer notCsv = http().send("POST", "admin/v1/reconciliations", "\u0000\u0001binary", "text/csv");
        assertEquals(422, notCsv.status(), notCsv.body());
        Http.Answer scimOnly = new Http(server.baseUrl(), null).send("POST", "admin/v1/reconciliations", "Email\na@x.com\n", "text/csv");
        assertEquals(401, scimOnly.status());
        Http.Answer badParam = http().get("admin/v1/changes?since=yesterday");
        assertEquals(400, badParam.status());
        assertEquals(404, http().get("admin/v1/reconciliations/" + java.util.UUID.randomUUID()).status());
    }

    /**
     * A flag or number the API cannot read is a 400 naming the parameter, before anything runs: JAX-RS on
     * its own would read {@code dryRun=1} as false and run for real, and answer a non-numeric limit with 404.
     */
    @Test
    void unreadableParametersAreRefusedAndNothingRuns() throws Exception {
        String csv = java.nio.file.Files.readString(SAMPLE);
        int runsBefore = http().get("admin/v1/reconciliations?limit=200").json().get("reconciliations").size();
        Map<String, String> refused = Map.of(
                "admin/v1/reconciliations?dryRun=1", "dryRun must be true or false, not '1'",
                "admin/v1/reconciliations?dryRun=", "dryRun must be true or false, not ''",
                "admin/v1/reconciliations?dryRun=true&allowMassRemoval=yes", "allowMassRemoval must be true or false, not 'yes'");
        for (Map.Entry<String, String> call : refused.entrySet()) {
            Http.Answer a = http().send("POST", call.getKey(), csv, "text/csv");
            assertEquals(400, a.status(), call.getKey() + ": " + a.body());
            assertEquals("invalidValue", a.json().get("scimType").asText());
            assertEquals(call.getValue(), a.json().get("detail").asText());
        }
        Http.Answer figma = http().send("POST", "admin/v1/reconciliations?source=figma-scim&dryRun=on", "", "application/json");
        assertEquals(400, figma.status(), figma.body());
        assertEquals(runsBefore, http().get("admin/v1/reconciliations?limit=200").json().get("reconciliations").size(),
                "a refused call records no run");

        Http.Answer dry = http().send("POST", "admin/v1/reconciliations?dryRun=TRUE", csv, "text/csv");
        assertEquals(200, dry.status(), dry.body());
        assertTrue(dry.json().get("dryRun").asBoolean());

        for (String get : List.of("admin/v1/changes?limit=abc", "admin/v1/changes?after=x", "admin/v1/reconciliations?limit=zz")) {
            Http.Answer a = http().get(get);
            assertEquals(400, a.status(), get + ": " + a.body());
            String name = get.substring(get.indexOf('?') + 1, get.indexOf('='));
            assertTrue(a.json().get("detail").asText().startsWith(name + " must be an integer"), a.body());
        }
    }

    /** A JSON body the admin API cannot read is the client's mistake: 400, never a 500, and no token is made. */
    @Test
    void unreadableJsonBodiesAre400AndCreateNothing() {
        Http.Answer broken = http().send("POST", "admin/v1/tokens", "{bad", "application/json");
        assertEquals(400, broken.status(), broken.body());
        assertEquals("invalidSyntax", broken.json().get("scimType").asText());
        assertEquals("the request body is not the JSON this endpoint reads (line 1, column 2)", broken.json().get("detail").asText());
        for (String body : List.of("{\"name\":123}", "{\"name\":\"n-array\",\"scopes\":[\"admin\"]}", "[]", "{}")) {
            Http.Answer a = http().send("POST", "admin/v1/tokens", body, "application/json");
            assertEquals(400, a.status(), body + ": " + a.body());
            assertEquals("invalidValue", a.json().get("scimType").asText(), a.body());
        }
        String tokens = http().get("admin/v1/tokens").body();
        assertTrue(!tokens.contains("\"123\"") && !tokens.contains("n-array"), tokens);
        Http.Answer nowhere = http().get("admin/v1/nothing-here");
        assertEquals(404, nowhere.status());
        assertEquals("no such endpoint", nowhere.json().get("detail").asText());
    }
}
