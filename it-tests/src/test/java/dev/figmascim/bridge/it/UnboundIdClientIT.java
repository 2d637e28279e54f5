package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import dev.figmascim.bridge.it.container.BridgeContainer;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge through a real SCIM client: the UnboundID (Ping Identity) SCIM 2 SDK's {@link ScimService}
 * on a Jersey JAX-RS client with a bearer token. What the SDK parses strictly (ListResponse fields,
 * dateTimes with an offset, error bodies, typed resources) must parse here.
 */
class UnboundIdClientIT extends BridgeIT {

    private static final String BRIDGE_USER = "urn:figma-scim-bridge:schemas:extension:figma:2.0:User";
    private static final String ADA = "ada.park@example.com";

    private final List<Client> clients = new ArrayList<>();

    private ScimService client() {
        Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).build();
        clients.add(client);
        String token = BridgeContainer.current().token();
        ClientRequestFilter bearer = request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return new ScimService(client.target(root + "scim/v2").register(bearer));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
        clients.clear();
    }

    @Test
    void serviceProviderConfigParses() throws ScimException {
        ServiceProviderConfigResource spc = client().getServiceProviderConfig();
        assertTrue(spc.getFilter().isSupported());
        assertTrue(spc.getFilter().getMaxResults() > 0);
        assertTrue(spc.getSort().isSupported());
        assertTrue(spc.getEtag().isSupported());
        assertFalse(spc.getPatch().isSupported());
        assertFalse(spc.getBulk().isSupported());
        assertFalse(spc.getChangePassword().isSupported());
        assertTrue(spc.getAuthenticationSchemes().stream().map(AuthenticationScheme::getType).anyMatch("oauthbearertoken"::equals),
                "bearer tokens are advertised");
    }

    @Test
    void userNameFilterFindsOneTypedUser() throws ScimException {
        for (String filter : List.of("userName eq \"" + ADA + "\"", Filter.eq("userName", ADA.toUpperCase(Locale.ROOT)).toString())) {
            ListResponse<UserResource> list = client().searchRequest("Users").filter(filter).invoke(UserResource.class);
            assertEquals(1, list.getTotalResults(), filter);
            assertEquals(1, list.getItemsPerPage());
            assertEquals(1, list.getStartIndex());
            UserResource ada = list.getResources().get(0);
            assertEquals(ADA, ada.getUserName());
            assertEquals("Ada", ada.getName().getGivenName());
            assertEquals("Park", ada.getName().getFamilyName());
            assertEquals(Boolean.TRUE, ada.getActive());
            assertEquals(ADA, ada.getEmails().get(0).getValue());
            assertEquals("work", ada.getEmails().get(0).getType());
            assertEquals(Boolean.TRUE, ada.getEmails().get(0).getPrimary());
            assertEquals("User", ada.getMeta().getResourceType());
            assertNotNull(ada.getMeta().getCreated(), "meta.created parses as a dateTime");
            assertTrue(ada.getMeta().getVersion().startsWith("W/\""));
            assertTrue(ada.getMeta().getLocation().toString().endsWith("/Users/" + ada.getId()));
            assertFalse(ada.getGroups().isEmpty());
            ada.getGroups().forEach(g -> assertEquals("direct", g.getType()));
            EnterpriseUserExtension enterprise = ada.getExtension(EnterpriseUserExtension.class);
            assertNotNull(enterprise, "the enterprise extension maps onto the SDK's type");
            assertEquals("Engineering", enterprise.getDepartment());
        }
    }

    @Test
    void searchByPostMatchesGet() throws ScimException {
        String filter = "title co \"engineer\" and active eq true";
        ListResponse<GenericScimResource> viaGet = client().searchRequest("Users").filter(filter).page(1, 200)
                .invoke(GenericScimResource.class);
        ListResponse<GenericScimResource> viaPost = client().searchRequest("Users").filter(filter).page(1, 200)
                .invokePost(GenericScimResource.class);
        assertTrue(viaGet.getTotalResults() > 1, "the demo organisation has several active engineers");
        assertEquals(viaGet.getTotalResults(), viaPost.getTotalResults());
        assertEquals(ids(viaGet.getResources()), ids(viaPost.getResources()));
        for (GenericScimResource u : viaPost.getResources()) {
            assertTrue(u.getStringValue("title").toLowerCase(Locale.ROOT).contains("engineer"), u.getStringValue("title"));
            assertEquals(Boolean.TRUE, u.getBooleanValue("active"));
        }
    }

    @Test
    void sortedSearchIsOrderedCaseInsensitively() throws ScimException {
        ListResponse<UserResource> desc = client().searchRequest("Users").sort("userName", SortOrder.DESCENDING).page(1, 200)
                .invoke(UserResource.class);
        List<String> names = desc.getResources().stream().map(UserResource::getUserName).toList();
        assertEquals(desc.getTotalResults(), names.size());
        assertEquals(names.stream().sorted(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).reversed()).toList(), names);

        ListResponse<GenericScimResource> byLastActive = client().searchRequest("Users")
                .sort(BRIDGE_USER + ":lastActiveAt", SortOrder.ASCENDING).page(1, 200).invoke(GenericScimResource.class);
        List<Date> seen = new ArrayList<>();
        boolean absentSeen = false;
        for (GenericScimResource u : byLastActive.getResources()) {
            Date d = u.getDateValue(BRIDGE_USER + ":lastActiveAt");
            if (d == null) {
                absentSeen = true;
            } else {
                assertFalse(absentSeen, "members without lastActiveAt come last");
                seen.add(d);
            }
        }
        assertTrue(seen.size() > 10);
        assertEquals(seen.stream().sorted().toList(), seen);
    }

    @Test
    void indexPagingVisitsEveryUserOnce() throws ScimException {
        ScimService scim = client();
        int total = scim.searchRequest("Users").page(1, 0).invoke(UserResource.class).getTotalResults();
        assertTrue(total >= 60, "demo organisation: " + total);
        Set<String> ids = new HashSet<>();
        int pages = 0;
        for (int start = 1; start <= total; start += 7) {
            ListResponse<UserResource> page = scim.searchRequest("Users").page(start, 7).invoke(UserResource.class);
            pages++;
            assertEquals(total, page.getTotalResults(), "totalResults is stable across pages");
            assertEquals(start, page.getStartIndex());
            assertEquals(Math.min(7, total - start + 1), page.getItemsPerPage());
            assertEquals(page.getItemsPerPage(), page.getResources().size());
            for (UserResource u : page.getResources()) {
                assertTrue(ids.add(u.getId()), "no user twice: " + u.getUserName());
                assertFalse(u.getUserName().isBlank());
                assertFalse(u.getName().getGivenName().isBlank());
                assertFalse(u.getName().getFamilyName().isBlank());
                assertNotNull(u.getActive());
            }
        }
        assertEquals(total, ids.size());
        assertEquals((total + 6) / 7, pages);
        ListResponse<UserResource> beyond = scim.searchRequest("Users").page(total + 1, 7).invoke(UserResource.class);
        assertEquals(total, beyond.getTotalResults());
        assertTrue(beyond.getResources().isEmpty());
    }

    /** RFC 9865 cursors through the SDK's own cursor API: every user once, forward and back. */
    @Test
    void cursorPagingVisitsEveryUserOnceAndComesBack() throws ScimException {
        ScimService scim = client();
        int total = scim.searchRequest("Users").page(1, 0).invoke(UserResource.class).getTotalResults();
        ListResponse<UserResource> page = scim.searchRequest("Users").firstPageCursorWithCount(9).invoke(UserResource.class);
        List<String> ids = new ArrayList<>();
        int pages = 1;
        while (true) {
            assertEquals(total, page.getTotalResults(), "totalResults is stable across pages");
            assertTrue(page.getResources().size() <= 9);
            page.getResources().forEach(u -> assertFalse(ids.contains(u.getId()), "no user twice: " + u.getUserName()));
            page.getResources().forEach(u -> ids.add(u.getId()));
            if (page.getNextCursor() == null) {
                break;
            }
            page = scim.searchRequest("Users").pageWithCursor(page.getNextCursor(), 9).invoke(UserResource.class);
            pages++;
        }
        assertEquals(total, ids.size());
        assertEquals((total + 8) / 9, pages);
        // The last page's previousCursor leads back to the page before it.
        assertNotNull(page.getPreviousCursor());
        ListResponse<UserResource> back = scim.searchRequest("Users").pageWithCursor(page.getPreviousCursor(), 9)
                .invoke(UserResource.class);
        List<String> expected = ids.subList((pages - 2) * 9, (pages - 1) * 9);
        assertEquals(expected, back.getResources().stream().map(UserResource::getId).toList());
        ListResponse<UserResource> forward = scim.searchRequest("Users").pageWithCursor(back.getNextCursor(), 9)
                .invoke(UserResource.class);
        assertEquals(ids.subList((pages - 1) * 9, total), forward.getResources().stream().map(UserResource::getId).toList());
    }

    @Test
    void retrieveUserAndGroupById() throws ScimException {
        ScimService scim = client();
        UserResource ada = scim.searchRequest("Users").filter("userName eq \"" + ADA + "\"").invoke(UserResource.class)
                .getResources().get(0);
        UserResource byId = scim.retrieve("Users", ada.getId(), UserResource.class);
        assertEquals(ada.getId(), byId.getId());
        assertEquals(ADA, byId.getUserName());
        assertEquals(ada.getExternalId(), byId.getExternalId());

        GenericScimResource generic = scim.retrieve("Users", ada.getId(), GenericScimResource.class);
        assertEquals("Admin", generic.getStringValue(BRIDGE_USER + ":orgRole"));
        assertEquals("Full", generic.getStringValue(BRIDGE_USER + ":seatType"));
        assertEquals(Boolean.TRUE, generic.getBooleanValue("urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User:figmaAdmin"));
        assertNotNull(generic.getDateValue("meta.lastModified"));

        String groupId = byId.getGroups().get(0).getValue();
        GroupResource group = scim.retrieve("Groups", groupId, GroupResource.class);
        assertEquals(groupId, group.getId());
        assertEquals(byId.getGroups().get(0).getDisplay(), group.getDisplayName());
        assertTrue(group.getMembers().stream().map(Member::getValue).anyMatch(ada.getId()::equals), "Ada is among the members");
        for (Member m : group.getMembers()) {
            assertEquals("User", m.getType());
            assertTrue(m.getRef().toString().endsWith("/Users/" + m.getValue()));
        }
        GenericScimResource genericGroup = scim.retrieveRequest("Groups", groupId).excludedAttributes("members")
                .invoke(GenericScimResource.class);
        assertEquals(group.getDisplayName(), genericGroup.getStringValue("displayName"));
        assertNull(genericGroup.getObjectNode().get("members"), "excludedAttributes=members is honoured");
    }

    @Test
    void attributesNarrowTheResources() throws ScimException {
        ListResponse<GenericScimResource> list = client().searchRequest("Users").filter("userName eq \"" + ADA + "\"")
                .attributes("userName").invoke(GenericScimResource.class);
        JsonNode ada = list.getResources().get(0).getObjectNode();
        assertEquals(ADA, ada.get("userName").asText());
        assertNotNull(ada.get("id"), "id is always returned");
        assertNull(ada.get("title"));
        assertNull(ada.get("emails"));
    }

    @Test
    void anUnknownIdIsTheSdksResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> client().retrieve("Users", "2819c223-7f76-453a-919d-413861904646", UserResource.class));
        assertEquals(404, e.getScimError().getStatus());
        assertFalse(e.getScimError().getDetail().isBlank());
    }

    private static List<String> ids(List<GenericScimResource> resources) {
        return resources.stream().map(GenericScimResource::getId).toList();
    }
}
