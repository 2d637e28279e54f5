package dev.figmascim.bridge.source.figma;

import static dev.figmascim.bridge.source.figma.FigmaTestSupport.requestsTo;
import static dev.figmascim.bridge.source.figma.FigmaTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.figmascim.fakefigma.FakeFigma;
import dev.figmascim.fakefigma.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FigmaActivityLogClientTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    @Test
    void pagesToTheEndWithTheCursor() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                ActivityLogClient client = new ActivityLogClient(settings(fake))) {
            List<String> ids = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            String cursor = null;
            ActivityPage page;
            do {
                page = client.page(null, cursor, 3);
                page.events().forEach(e -> ids.add(e.id()));
                cursor = page.cursor();
                cursors.add(cursor);
            } while (page.nextPage() && cursors.size() < 10);
            assertEquals(List.of("8811990", "8812004", "8812019", "8812033", "8812040", "8812052", "8812061"), ids);
            assertEquals(3, cursors.size());
            assertFalse(page.nextPage());
            List<RecordedRequest> requests = requestsTo(fake, "/v1/activity_logs");
            assertNull(requests.get(0).queryParam("cursor"));
            assertEquals(cursors.get(0), requests.get(1).queryParam("cursor"));
            assertEquals(cursors.get(1), requests.get(2).queryParam("cursor"));
            for (RecordedRequest r : requests) {
                assertEquals("asc", r.queryParam("order"));
                assertEquals("3", r.queryParam("limit"));
                assertNull(r.queryParam("start_time"));
                assertTrue(r.authHeader());
            }
        }
    }

    @Test
    void readsTheSamplePageFromItsStartTime() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                ActivityLogClient client = new ActivityLogClient(settings(fake))) {
            ActivityPage page = client.page(Instant.ofEpochSecond(1777020301L, 999_000_000), null, 3);
            assertEquals("1777020301", requestsTo(fake, "/v1/activity_logs").get(0).queryParam("start_time"), "Unix seconds");
            assertEquals("ODgxMjAzMy8xNzc3MDI2MTAy", page.cursor(), "the reference sample page's cursor");
            assertTrue(page.nextPage());

            ActivityEvent created = page.events().get(0);
            assertEquals("org_user_create", created.actionType());
            assertEquals(1777020301L, created.timestamp());
            assertNull(created.actorId(), "SCIM-made: no actor id");
            assertEquals("SCIM Provider", created.actorName());
            assertEquals("user", created.entityType());
            assertEquals("1399087461225519873", created.entityId());
            assertEquals("Jonas Weber", created.entityName());
            assertEquals("jonas.weber@example.com", created.entityEmail());
            assertEquals("viewer", created.details().path("figma_paid_status").asText());

            ActivityEvent seat = page.events().get(1);
            assertEquals("1099091282752443416", seat.actorId());
            assertEquals("grace.liu@example.com", seat.actorEmail());
            assertEquals("Grace Liu", seat.actorName());
            assertEquals("collab", seat.details().path("old_seat_type").asText());
            assertEquals("full", seat.details().path("new_seat_type").asText());
            assertEquals("198.51.100.7", seat.context().path("ip_address").asText());
            assertEquals("1047918802483077121", seat.context().path("org_id").asText());
            assertThrows(UnsupportedOperationException.class, () -> page.events().clear());
        }
    }

    @Test
    void walksEveryEventAndResumesFromTheLastCursor() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                ActivityLogClient client = new ActivityLogClient(settings(fake))) {
            List<String> ids = new ArrayList<>();
            String last = client.forEachEvent(null, null, 2, e -> ids.add(e.id()));
            assertEquals(7, ids.size());
            assertEquals(4, requestsTo(fake, "/v1/activity_logs").size());
            List<String> more = new ArrayList<>();
            assertEquals(last, client.forEachEvent(null, last, 2, e -> more.add(e.id())), "nothing new: the cursor stays");
            assertEquals(List.of(), more);
        }
    }

    @Test
    void asksForEventTypesAndAtMost1000() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                ActivityLogClient client = new ActivityLogClient(settings(fake))) {
            ActivityPage page = client.page(null, null, 5000, List.of("org_user_account_type_change", "team_member_add"));
            assertEquals(List.of("8812019", "8812033", "8812040"), page.events().stream().map(ActivityEvent::id).toList());
            RecordedRequest request = requestsTo(fake, "/v1/activity_logs").get(0);
            assertEquals("1000", request.queryParam("limit"));
            assertEquals("org_user_account_type_change,team_member_add", request.queryParam("events"));
            client.page(null, "  ", 0);
            assertEquals("1", requestsTo(fake, "/v1/activity_logs").get(1).queryParam("limit"));
            assertNull(requestsTo(fake, "/v1/activity_logs").get(1).queryParam("cursor"), "a blank cursor is no cursor");
        }
    }

    @Test
    void toleratesMissingAndOddFields() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("quirks"));
                ActivityLogClient client = new ActivityLogClient(settings(fake))) {
            Map<String, ActivityEvent> events = new LinkedHashMap<>();
            client.forEachEvent(null, null, 1000, e -> events.put(e.id(), e));
            assertEquals(5, events.size());

            ActivityEvent deleted = events.get("9900001");
            assertNull(deleted.actorId(), "actor null");
            assertNull(deleted.actorName());
            assertEquals("member", deleted.details().path("permission").asText());

            ActivityEvent file = events.get("9900002");
            assertEquals("AbCdEf123456", file.entityId(), "a file's key");
            assertTrue(file.details().isNull(), "details null");
            assertEquals("Figma Support", file.actorName());
            assertTrue(file.context().path("is_figma_support_team_action").asBoolean());

            ActivityEvent idp = events.get("9900003");
            assertEquals(1777100120L, idp.timestamp(), "a timestamp as text");
            assertEquals("olive.object@example.com", idp.entityName(), "an idp_user's user_name");
            assertEquals("idp_user", idp.entityType());
            assertTrue(idp.details().isNull(), "details absent");
            assertTrue(idp.context().isNull(), "context absent");
            assertTrue(idp.details().path("anything").isMissingNode(), "safe to path() into");

            ActivityEvent seat = events.get("9900004");
            assertEquals("9900004", seat.id(), "a numeric id read as text");
            assertEquals("dev", seat.details().path("new_seat_type").asText());
            assertNull(seat.actorEmail(), "actor missing");
            assertTrue(seat.context().isNull());

            ActivityEvent workspace = events.get("9900005");
            assertEquals("workspace_member_add", workspace.actionType());
            assertEquals("Workspace Snake", workspace.entityName());
            assertNull(workspace.entityEmail());
        }
    }

    @Test
    void needsTheApiToken() {
        FigmaClientSettings none = FigmaClientSettings.of(FigmaClientSettings.DEFAULT_API_URL, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ActivityLogClient(none));
        assertTrue(e.getMessage().contains("figma.api.token"));
    }
}
