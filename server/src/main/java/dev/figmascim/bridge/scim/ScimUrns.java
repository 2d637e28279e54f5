package dev.figmascim.bridge.scim;

/** The schema URNs this service provider serves (ARCHITECTURE §4). */
public final class ScimUrns {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** Figma's own SCIM extension, so clients written against Figma's SCIM keep working. */
    public static final String FIGMA_USER = "urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User";
    public static final String BRIDGE_USER = "urn:figma-scim-bridge:schemas:extension:figma:2.0:User";
    public static final String BRIDGE_GROUP = "urn:figma-scim-bridge:schemas:extension:figma:2.0:Group";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private ScimUrns() {
    }
}
