package dev.figmascim.fakefigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RestEndpointsTest {

    private static final String TOKEN = "figd_small-token";
    private static FakeFigma small;

    @BeforeAll
    static void start() {
        small = FakeFigma.start(Scenario.builtin("small"));
    }

    @AfterAll
    static void stop() {
        small.close();
    }

    private static Http.Reply logs(String query) {
        return Http.get(small.baseUrl() + "/v1/activity_logs" + query, "X-Figma-Token", TOKEN);
    }

    @Test
    void meAnswersWithEitherHeader() {
        JsonNode me = Http.get(small.baseUrl() + "/v1/me", "X-Figma-Token", TOKEN).json();
        assertEquals("1099091282752443416", me.get("id").asText());
        assertEquals("Grace Liu", me.get("handle").asText());
        assertEquals("grace.liu@example.com", me.get("email").asText());
        assertTrue(me.has("img_url"));
        assertEquals(200, Http.get(small.baseUrl() + "/v1/me", "Authorization", "Bearer " + TOKEN).status());
    }

    @Test
    void aWrongOrMissingTokenIs403InTheErrShape() {
        for (Http.Reply reply : List.of(Http.get(small.baseUrl() + "/v1/me", "X-Figma-Token", "nope"),
                Http.get(small.baseUrl() + "/v1/me"),
                Http.get(small.baseUrl() + "/v1/activity_logs", "Authorization", "Bearer scim-small-token"))) {
            assertEquals(403, reply.status());
            assertEquals(403, reply.json().get("status").asInt());
            assertEquals("Invalid token", reply.json().get("err").asText());
        }
    }

    @Test
    void theEnvelopeIsFigmasAndTheSamplePageComesBackWithItsCursor() {
        JsonNode page = logs("?start_time=1777020301&limit=3").json();
        assertEquals(200, page.get("status").asInt());
        assertFalse(page.get("error").asBoolean());
        JsonNode meta = page.get("meta");
        assertEquals(List.of("activity_logs", "cursor", "next_page"), fieldNames(meta));
        assertEquals(List.of("8812004", "8812019", "8812033"), ids(meta));
        // The reference sample page's own cursor: the fake encodes the last event the way Figma does.
        assertEquals("ODgxMjAzMy8xNzc3MDI2MTAy", meta.get("cursor").asText());
        assertTrue(meta.get("next_page").asBoolean());
        assertEquals("SCIM Provider", meta.at("/activity_logs/0/actor/name").asText());
    }

    @Test
    void pagesWithTheCursorToTheEnd() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonNode meta = logs("?limit=2&order=asc" + (cursor == null ? "" : "&cursor=" + cursor)).json().get("meta");
            seen.addAll(ids(meta));
            cursor = meta.get("cursor").asText();
            more = meta.get("next_page").asBoolean();
            assertTrue(++pages <= 10, "paging must end");
        }
        assertEquals(4, pages);
        assertEquals(List.of("8811990", "8812004", "8812019", "8812033", "8812040", "8812052", "8812061"), seen);
        JsonNode after = logs("?limit=2&cursor=" + cursor).json().get("meta");
        assertEquals(0, after.get("activity_logs").size());
        assertFalse(after.get("next_page").asBoolean());
    }

    @Test
    void filtersByTimeTypeAndOrder() {
        assertEquals(List.of("8812004", "8812019"), ids(logs("?start_time=1777020301&end_time=1777024855").json().get("meta")));
        assertEquals(List.of("8812019", "8812040"),
                ids(logs("?events=org_user_account_type_change").json().get("meta")));
        assertEquals(List.of("8812061", "8812052"), ids(logs("?order=desc&limit=2").json().get("meta")));
        assertEquals(List.of("8812004", "8812033"),
                ids(logs("?events=org_user_create,team_member_add").json().get("meta")));
    }

    @Test
    void capsTheLimitAt1000() {
        Scenario.Builder builder = Scenario.builder();
        for (int i = 0; i < 1005; i++) {
            builder.userEvent(String.valueOf(100000 + i), 1777000000L + i, "user_sign_in", "u" + i, "u" + i + "@example.com");
        }
        try (FakeFigma many = FakeFigma.start(builder.build())) {
            JsonNode meta = Http.get(many.baseUrl() + "/v1/activity_logs?limit=5000", "X-Figma-Token", "figd_test-token")
                    .json().get("meta");
            assertEquals(1000, meta.get("activity_logs").size());
            assertTrue(meta.get("next_page").asBoolean());
            JsonNode rest = Http.get(many.baseUrl() + "/v1/activity_logs?cursor=" + meta.get("cursor").asText(),
                    "X-Figma-Token", "figd_test-token").json().get("meta");
            assertEquals(5, rest.get("activity_logs").size());
            assertFalse(rest.get("next_page").asBoolean());
        }
    }

    @Test
    void badParametersAnswerTheErrorBooleanShape() {
        for (String query : List.of("?cursor=not-a-cursor", "?limit=abc", "?limit=0", "?order=sideways", "?start_time=yesterday")) {
            Http.Reply reply = logs(query);
            assertEquals(400, reply.status(), query);
            assertTrue(reply.json().get("error").asBoolean(), query);
            assertEquals(400, reply.json().get("status").asInt(), query);
            assertTrue(reply.json().hasNonNull("message"), query);
        }
    }

    @Test
    void unknownPathsAre404() {
        assertEquals(404, Http.get(small.baseUrl() + "/v1/files/abc", "X-Figma-Token", TOKEN).status());
        assertEquals(404, Http.get(small.baseUrl() + "/elsewhere").status());
    }

    private static List<String> ids(JsonNode meta) {
        List<String> ids = new ArrayList<>();
        meta.get("activity_logs").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
