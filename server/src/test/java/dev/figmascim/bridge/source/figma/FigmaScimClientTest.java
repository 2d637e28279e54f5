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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FigmaScimClientTest {

    @RegisterExtension
    final NoTokenInLogs logs = new NoTokenInLogs();

    @Test
    void pullsEveryUserThroughFigmasPageCapOf200() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.scenario().generatedUsers(450).build());
                FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            List<FigmaScimUser> users = new ArrayList<>();
            assertEquals(450, client.forEachUser(users::add));
            assertEquals(450, users.size());
            for (int i = 0; i < users.size(); i++) {
                assertEquals(String.valueOf(9000000000000000001L + i), users.get(i).id(), "in Figma's order, none twice");
            }
            List<RecordedRequest> pages = requestsTo(fake, "/Users");
            assertEquals(List.of("1", "201", "401"), pages.stream().map(r -> r.queryParam("startIndex")).toList());
            assertTrue(pages.stream().allMatch(r -> "1000".equals(r.queryParam("count"))), "asks for 1000, gets 200");
            assertTrue(pages.stream().allMatch(RecordedRequest::authHeader));
            FigmaScimUser seventh = users.get(6);
            assertFalse(seventh.active());
            assertEquals("user0007@example.com", seventh.userName());
            assertEquals("user0007@example.com", seventh.email());
            assertEquals("ext-0007", seventh.externalId());
            assertEquals("View", seventh.seatType());
        }
    }

    @Test
    void anExactMultipleOf200EndsWithoutAnExtraRequestAndAnEmptyTenantAfterOne() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.scenario().generatedUsers(400).build());
                FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            assertEquals(400, client.forEachUser(u -> { }));
            assertEquals(2, requestsTo(fake, "/Users").size());
            assertEquals(0, client.forEachGroup(g -> { }));
            assertEquals(1, requestsTo(fake, "/Groups").size());
        }
    }

    @Test
    void pullsGroupsWithTheirMembers() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            Map<String, FigmaScimGroup> groups = new LinkedHashMap<>();
            assertEquals(5, client.forEachGroup(g -> groups.put(g.displayName(), g)));
            FigmaScimGroup product = groups.get("Product");
            assertEquals("00gPRODUCT", product.externalId());
            assertEquals(5, product.memberIds().size());
            assertEquals("1120553398001245567", product.memberIds().get(0));
            assertThrows(UnsupportedOperationException.class, () -> product.memberIds().add("x"));
        }
    }

    @Test
    void readsTheSampleOrganisation() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("small"));
                FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            Map<String, FigmaScimUser> users = byUserName(client);
            assertEquals(9, users.size());
            FigmaScimUser ada = users.get("ada.park@example.com");
            assertEquals(new FigmaScimUser("1120553398001245567", "ada.park@example.com", "00uADAPARK", "Ada Park", "Ada", "Park",
                    "Design Ops Lead", true, "Full", true, "E10231", "4100", "Example Corp", "Product", "Design",
                    "maria.lopez@example.com", "ada.park@example.com"), ada);
        }
    }

    @Test
    void toleratesEveryQuirk() {
        try (FakeFigma fake = FakeFigma.start(FigmaTestSupport.builtin("quirks"));
                FigmaScimClient client = new FigmaScimClient(settings(fake))) {
            Map<String, FigmaScimUser> users = byUserName(client);
            assertEquals(7, users.size());

            FigmaScimUser olive = users.get("olive.object@example.com");
            assertEquals("olive.object@example.com", olive.email(), "emails as one object with primary \"true\"");
            assertEquals("Full", olive.seatType());
            assertEquals(Boolean.FALSE, olive.figmaAdmin());
            assertEquals("Olive", olive.givenName());
            assertEquals("Object", olive.familyName());
            assertEquals("Olive Object", olive.displayName());
            assertEquals("Designer", olive.title());
            assertTrue(olive.active());

            assertEquals(Boolean.TRUE, users.get("sam.string@example.com").figmaAdmin(), "figmaAdmin \"true\"");
            assertEquals("Dev", users.get("sam.string@example.com").seatType());
            assertFalse(users.get("rita.removed@example.com").active(), "active \"false\": removed but listed");

            FigmaScimUser max = users.get("max.manager@example.com");
            assertEquals("1000000000000000042", max.managerValue(), "manager as a plain string");
            assertEquals("E20004", max.employeeNumber());
            assertEquals("4200", max.costCenter());
            assertEquals("Quirky Corp", max.organization());
            assertEquals("Engineering", max.division());
            assertEquals("Platform", max.department());
            assertEquals("Collab", max.seatType());
            assertNull(max.figmaAdmin(), "no Figma extension sent");

            FigmaScimUser lee = users.get("lee.legacy@example.com");
            assertEquals("2000000000000000004", lee.managerValue(), "manager as {value}");
            assertNull(lee.figmaAdmin(), "legacy permissions only, no figmaAdmin");
            assertEquals("Dev", lee.seatType());

            FigmaScimUser nora = users.get("nora.noname@example.com");
            assertNull(nora.givenName());
            assertNull(nora.displayName());
            assertNull(nora.seatType(), "no roles: not Enterprise");
            assertNull(nora.externalId());
            assertNull(nora.costCenter());

            FigmaScimUser ryan = users.get("Raw.Ryan@Example.com");
            assertEquals("2000000000000000007", ryan.id(), "a numeric id");
            assertEquals("ryan.raw@example.com", ryan.email(), "the primary one, not the first");
            assertEquals("full", ryan.seatType(), "the raw value");
            assertEquals(Boolean.FALSE, ryan.figmaAdmin());
            assertTrue(ryan.active());
            assertEquals("Research", ryan.department());
            assertEquals("2000000000000000004", ryan.managerValue());
            assertNull(ryan.givenName());

            Map<String, FigmaScimGroup> groups = new LinkedHashMap<>();
            client.forEachGroup(g -> groups.put(g.displayName(), g));
            assertEquals("00gSNAKE", groups.get("Workspace Snake").externalId(), "external_id in snake case");
            assertEquals(List.of("2000000000000000001", "2000000000000000002", "2000000000000000007"),
                    groups.get("Workspace Snake").memberIds());
            assertNull(groups.get("Empty Billing Group").externalId());
            assertEquals(List.of(), groups.get("Empty Billing Group").memberIds());
            assertEquals(List.of("2999999999999999999"), groups.get("Dangling").memberIds());
        }
    }

    @Test
    void needsTheScimUrlAndToken() {
        FigmaClientSettings none = FigmaClientSettings.of(FigmaClientSettings.DEFAULT_API_URL, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FigmaScimClient(none));
        assertTrue(e.getMessage().contains("figma.scim.url") && e.getMessage().contains("figma.scim.token"));
    }

    private static Map<String, FigmaScimUser> byUserName(FigmaScimClient client) {
        Map<String, FigmaScimUser> users = new LinkedHashMap<>();
        client.forEachUser(u -> users.put(u.userName(), u));
        return users;
    }
}
