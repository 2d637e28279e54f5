package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7644 §3.4.2.5 attributes / excludedAttributes on a User-shaped document. */
class ProjectionTest {

    private static final Set<String> EXT = UsersEndpoint.EXTENSIONS;

    private static ObjectNode user() {
        try {
            return (ObjectNode) ScimJson.MAPPER.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                  "urn:figma-scim-bridge:schemas:extension:figma:2.0:User"],
                 "id":"1","userName":"a@x.com","name":{"givenName":"A","familyName":"B","formatted":"A B"},
                 "emails":[{"value":"a@x.com","type":"work","primary":true}],
                 "groups":[{"value":"g1","display":"G","type":"direct"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"D","costCenter":"C"},
                 "urn:figma-scim-bridge:schemas:extension:figma:2.0:User":{"seatType":"Full","orgRole":"Admin"},
                 "meta":{"resourceType":"User"}}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode apply(String attributes, String excluded) {
        return Projection.of(attributes, excluded, ScimUrns.USER, EXT).apply(user(), ScimUrns.USER);
    }

    @Test
    void attributesKeepOnlyWhatIsAskedPlusIdAndSchemas() {
        ObjectNode out = apply("userName", null);
        assertEquals(Set.of("schemas", "id", "userName"), fields(out));
        assertEquals(1, out.get("schemas").size(), "schemas lists only extensions still present");
    }

    @Test
    void subAttributesAndCaseInsensitiveNames() {
        ObjectNode out = apply("NAME.givenname,emails.value", null);
        assertEquals("A", out.get("name").get("givenName").asText());
        assertFalse(out.get("name").has("familyName"));
        assertEquals(Set.of("value"), fields((ObjectNode) out.get("emails").get(0)));
    }

    @Test
    void extensionAttributesByFullPathOrWholeExtension() {
        ObjectNode one = apply("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", null);
        assertEquals(Set.of("department"), fields((ObjectNode) one.get(ScimUrns.ENTERPRISE_USER)));
        assertFalse(one.has(ScimUrns.BRIDGE_USER));
        assertEquals(2, one.get("schemas").size());
        ObjectNode whole = apply(ScimUrns.BRIDGE_USER, null);
        assertEquals(Set.of("seatType", "orgRole"), fields((ObjectNode) whole.get(ScimUrns.BRIDGE_USER)));
        ObjectNode core = apply("urn:ietf:params:scim:schemas:core:2.0:User:userName", null);
        assertTrue(core.has("userName"));
    }

    @Test
    void excludedAttributesRemoveButNeverTheId() {
        ObjectNode out = apply(null, "groups,id,name.familyName," + ScimUrns.ENTERPRISE_USER);
        assertFalse(out.has("groups"));
        assertTrue(out.has("id"), "id is returned always");
        assertFalse(out.get("name").has("familyName"));
        assertTrue(out.get("name").has("givenName"));
        assertFalse(out.has(ScimUrns.ENTERPRISE_USER));
        assertFalse(out.get("schemas").toString().contains("enterprise"));
        ObjectNode ext = apply(null, ScimUrns.BRIDGE_USER + ":seatType");
        assertEquals(Set.of("orgRole"), fields((ObjectNode) ext.get(ScimUrns.BRIDGE_USER)));
    }

    @Test
    void wantsTellsWhetherToLoadAnAttribute() {
        assertTrue(Projection.of(null, null, ScimUrns.GROUP, Set.of()).wants(ScimUrns.GROUP, "members"));
        assertFalse(Projection.of(null, "members", ScimUrns.GROUP, Set.of()).wants(ScimUrns.GROUP, "members"));
        assertFalse(Projection.of("displayName", null, ScimUrns.GROUP, Set.of()).wants(ScimUrns.GROUP, "members"));
        assertTrue(Projection.of("members.value", null, ScimUrns.GROUP, Set.of()).wants(ScimUrns.GROUP, "members"));
        assertTrue(Projection.of(null, "members.display", ScimUrns.GROUP, Set.of()).wants(ScimUrns.GROUP, "members"));
    }

    private static Set<String> fields(ObjectNode node) {
        java.util.Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
