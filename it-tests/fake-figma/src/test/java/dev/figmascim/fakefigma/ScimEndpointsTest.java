package dev.figmascim.fakefigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScimEndpointsTest {

    private static final String TOKEN = "scim-test-token";
    private static FakeFigma bulk;
    private static FakeFigma quirks;

    @BeforeAll
    static void start() {
        bulk = FakeFigma.start(Scenario.builder()
                .generatedUsers(450)
                .group(ScimGroupSpec.of("g1", "Product", "ext-g1", List.of("9000000000000000001", "9000000000000000002")))
                .group(new ScimGroupSpec("g2", "Marketing", "ext-g2", List.of(), Set.of(GroupQuirk.EXTERNAL_ID_SNAKE_CASE)))
                .build());
        quirks = FakeFigma.start(Scenario.builtin("quirks"));
    }

    @AfterAll
    static void stop() {
        bulk.close();
        quirks.close();
    }

    private static Http.Reply users(FakeFigma fake, String query) {
        return Http.get(fake.scimBaseUrl() + "/Users" + query, "Authorization", "Bearer " + fake.scenario().scimToken());
    }

    @ParameterizedTest(name = "{0} -> {1} of {2} from {3}")
    @CsvSource({
        "?startIndex=1&count=1000, 200, 450, 1",
        "?startIndex=201&count=1000, 200, 450, 201",
        "?startIndex=401&count=1000, 50, 450, 401",
        "?startIndex=451&count=1000, 0, 450, 451",
        "?startIndex=0&count=10, 10, 450, 1",
        "?count=0, 0, 450, 1",
        "'', 100, 450, 1",
    })
    void pagesAndCapsTheCountAt200(String query, int items, int total, int start) {
        JsonNode page = users(bulk, query).json();
        assertEquals(total, page.get("totalResults").asInt());
        assertEquals(items, page.get("itemsPerPage").asInt());
        assertEquals(items, page.get("Resources").size());
        assertEquals(start, page.get("startIndex").asInt());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", page.get("schemas").get(0).asText());
        if (items > 0) {
            assertEquals(String.valueOf(9000000000000000000L + start), page.get("Resources").get(0).get("id").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "userName eq \"user0007@example.com\", 9000000000000000007",
        "USERNAME EQ \"User0007@Example.COM\", 9000000000000000007",
        "externalId eq \"ext-0450\", 9000000000000000450",
    })
    void supportsTheTwoEqualityFilters(String filter, String id) {
        JsonNode page = users(bulk, "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)).json();
        assertEquals(1, page.get("totalResults").asInt());
        assertEquals(id, page.get("Resources").get(0).get("id").asText());
    }

    @Test
    void externalIdIsCaseExactAndNoMatchIsAnEmptyList() {
        JsonNode page = users(bulk, "?filter=" + URLEncoder.encode("externalId eq \"EXT-0450\"", StandardCharsets.UTF_8)).json();
        assertEquals(0, page.get("totalResults").asInt());
        assertEquals(0, page.get("Resources").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName co \"user\"", "displayName eq \"User 0001\"", "userName eq \"a\" and active eq true",
        "userName pr", "active eq true", "userName eq user0001@example.com"})
    void refusesEveryOtherFilterWith400(String filter) {
        Http.Reply reply = users(bulk, "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(400, reply.status());
        assertEquals("invalidFilter", reply.json().get("scimType").asText());
        assertEquals("400", reply.json().get("status").asText());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", reply.json().get("schemas").get(0).asText());
    }

    @Test
    void refusesNonNumericPaging() {
        assertEquals(400, users(bulk, "?startIndex=abc").status());
    }

    @Test
    void getsOneUserOr404() {
        Http.Reply one = Http.get(bulk.scimBaseUrl() + "/Users/9000000000000000003", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, one.status());
        assertEquals("user0003@example.com", one.json().get("userName").asText());
        assertEquals(404, Http.get(bulk.scimBaseUrl() + "/Users/nope", "Authorization", "Bearer " + TOKEN).status());
    }

    @Test
    void groupsPageAndFilterByDisplayName() {
        Http.Reply all = Http.get(bulk.scimBaseUrl() + "/Groups?startIndex=2&count=1000", "Authorization", "Bearer " + TOKEN);
        assertEquals(2, all.json().get("totalResults").asInt());
        JsonNode g2 = all.json().get("Resources").get(0);
        assertEquals("Marketing", g2.get("displayName").asText());
        assertEquals("ext-g2", g2.get("external_id").asText());
        assertFalse(g2.has("externalId"));
        Http.Reply product = Http.get(bulk.scimBaseUrl() + "/Groups?filter="
                + URLEncoder.encode("displayName eq \"Product\"", StandardCharsets.UTF_8), "Authorization", "Bearer " + TOKEN);
        JsonNode g1 = product.json().get("Resources").get(0);
        assertEquals("ext-g1", g1.get("externalId").asText());
        assertEquals(2, g1.get("members").size());
        assertEquals("9000000000000000001", g1.get("members").get(0).get("value").asText());
        assertEquals(400, Http.get(bulk.scimBaseUrl() + "/Groups?filter="
                + URLEncoder.encode("members eq \"x\"", StandardCharsets.UTF_8), "Authorization", "Bearer " + TOKEN).status());
    }

    @Test
    void serviceProviderConfigSaysMaxResults200() {
        JsonNode spc = Http.get(bulk.scimBaseUrl() + "/ServiceProviderConfig", "Authorization", "Bearer " + TOKEN).json();
        assertEquals(200, spc.at("/filter/maxResults").asInt());
        assertTrue(spc.at("/patch/supported").asBoolean());
        assertFalse(spc.at("/bulk/supported").asBoolean());
        assertFalse(spc.at("/sort/supported").asBoolean());
        assertFalse(spc.at("/etag/supported").asBoolean());
    }

    @Test
    void wantsTheScimBearerToken() {
        assertEquals(401, Http.get(bulk.scimBaseUrl() + "/Users").status());
        assertEquals(401, Http.get(bulk.scimBaseUrl() + "/Users", "Authorization", "Bearer wrong").status());
        assertEquals(401, Http.get(bulk.scimBaseUrl() + "/Users", "Authorization", "Basic " + TOKEN).status());
        assertEquals(401, Http.get(bulk.scimBaseUrl() + "/Users", "X-Figma-Token", TOKEN).status());
        assertEquals(200, Http.get(bulk.scimBaseUrl() + "/Users", "Authorization", "bearer " + TOKEN).status());
        assertEquals(404, Http.get(bulk.baseUrl() + "/scim/v2/other-tenant/Users", "Authorization", "Bearer " + TOKEN).status());
    }

    @Test
    void rendersEachQuirk() {
        JsonNode users = users(quirks, "?count=200").json().get("Resources");
        JsonNode olive = users.get(0);
        assertTrue(olive.get("emails").isObject(), "emails as one object");
        assertEquals("true", olive.at("/emails/primary").asText());
        assertTrue(olive.at("/emails/primary").isTextual());
        assertEquals("Full", olive.at("/roles/0/value").asText());
        assertEquals("seatType", olive.at("/roles/0/type").asText());
        assertEquals("W/\"1699999999\"", olive.at("/meta/version").asText());
        JsonNode sam = users.get(1);
        assertEquals("true", sam.get("urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User").get("figmaAdmin").textValue());
        JsonNode rita = users.get(2);
        assertEquals("false", rita.get("active").textValue());
        JsonNode max = users.get(3);
        JsonNode enterprise = max.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertEquals("1000000000000000042", enterprise.get("manager").textValue());
        assertEquals("4200", enterprise.get("costCenter").asText());
        JsonNode lee = users.get(4);
        JsonNode figma = lee.get("urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User");
        assertEquals("viewer", figma.get("figmaPermission").asText());
        assertEquals("editor", figma.get("devModePermission").asText());
        assertEquals("2000000000000000004", lee.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value").asText());
        JsonNode nora = users.get(5);
        assertFalse(nora.has("name"));
        assertFalse(nora.has("roles"));
        JsonNode raw = users.get(6);
        assertTrue(raw.get("id").isNumber(), "the raw user is served verbatim");
        JsonNode snake = Http.get(quirks.scimBaseUrl() + "/Groups", "Authorization", "Bearer scim-quirks-token")
                .json().at("/Resources/0");
        assertEquals("00gSNAKE", snake.get("external_id").asText());
    }

    @Test
    void findsARawUserByItsUserName() {
        JsonNode page = users(quirks, "?filter=" + URLEncoder.encode("userName eq \"raw.ryan@example.com\"", StandardCharsets.UTF_8))
                .json();
        assertEquals(1, page.get("totalResults").asInt());
    }
}
