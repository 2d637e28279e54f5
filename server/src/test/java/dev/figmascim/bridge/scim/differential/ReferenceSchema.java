package dev.figmascim.bridge.scim.differential;

import dev.figmascim.bridge.scim.ScimUrns;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The filterable attributes of Users and Groups as docs/scim-mapping.md describes them, typed the way
 * RFC 7643 does: written down here from the documentation, not taken from the engine's attribute tables.
 *
 * <p>{@code multiValued} marks sub-attributes of a multi-valued attribute ({@code emails}, {@code groups},
 * {@code members}): a comparison on them matches when one element matches (RFC 7644 §3.4.2.2). A bare
 * {@code emails}, {@code groups}, {@code members} or {@code manager} means its {@code value}
 * sub-attribute (RFC 7644 §3.4.2.2, "if the attribute is complex, the 'value' sub-attribute").
 */
final class ReferenceSchema {

    /** How an attribute's values compare. */
    enum Type {
        /** A string; case-insensitive unless caseExact; every operator. */
        STRING,
        /** A resource id (caseExact string); {@code eq}, {@code ne}, {@code pr}. */
        ID,
        /** An enumeration shown under display names; {@code eq}/{@code ne}/{@code pr} by display value or constant name. */
        ENUM,
        /** true/false; {@code eq}, {@code ne}, {@code pr}. */
        BOOLEAN,
        /** An RFC 3339 dateTime, compared as an instant. */
        DATE_TIME,
        /** A value fixed by the mapping ({@code emails.type} is "work"); {@code eq}, {@code ne}, {@code pr}. */
        FIXED
    }

    /** One attribute: where it sits in the JSON and how it compares. */
    record Attr(String urn, String attribute, String sub, Type type, boolean caseExact, boolean multiValued) {

        boolean sortable() {
            return !multiValued && type != Type.BOOLEAN && type != Type.FIXED;
        }

        String path() {
            return attribute + (sub == null ? "" : "." + sub);
        }
    }

    static final ReferenceSchema USERS = users();
    static final ReferenceSchema GROUPS = groups();

    private final String coreUrn;
    private final Map<String, Attr> byKey = new HashMap<>();
    private final Map<String, String> complex = new HashMap<>();

    private ReferenceSchema(String coreUrn) {
        this.coreUrn = coreUrn;
    }

    String coreUrn() {
        return coreUrn;
    }

    private static ReferenceSchema users() {
        ReferenceSchema s = new ReferenceSchema(ScimUrns.USER);
        String core = ScimUrns.USER;
        s.add(core, "id", null, Type.ID, true, false);
        s.add(core, "externalId", null, Type.STRING, true, false);
        s.add(core, "userName", null, Type.STRING, false, false);
        s.add(core, "displayName", null, Type.STRING, false, false);
        s.add(core, "title", null, Type.STRING, false, false);
        s.add(core, "active", null, Type.BOOLEAN, false, false);
        s.complex(core, "name");
        s.add(core, "name", "formatted", Type.STRING, false, false);
        s.add(core, "name", "givenName", Type.STRING, false, false);
        s.add(core, "name", "familyName", Type.STRING, false, false);
        s.complex(core, "emails");
        s.add(core, "emails", "value", Type.STRING, false, true);
        s.add(core, "emails", "type", Type.FIXED, false, true);
        s.add(core, "emails", "primary", Type.FIXED, false, true);
        s.complex(core, "meta");
        s.add(core, "meta", "created", Type.DATE_TIME, false, false);
        s.add(core, "meta", "lastModified", Type.DATE_TIME, false, false);
        s.add(core, "meta", "resourceType", Type.FIXED, false, false);
        s.complex(core, "groups");
        s.add(core, "groups", "value", Type.ID, true, true);
        s.add(core, "groups", "display", Type.STRING, false, true);
        s.add(core, "groups", "type", Type.FIXED, false, true);

        String ent = ScimUrns.ENTERPRISE_USER;
        for (String a : new String[] {"employeeNumber", "costCenter", "organization", "division", "department"}) {
            s.add(ent, a, null, Type.STRING, false, false);
        }
        s.complex(ent, "manager");
        s.add(ent, "manager", "value", Type.STRING, true, false);

        s.add(ScimUrns.FIGMA_USER, "figmaAdmin", null, Type.BOOLEAN, false, false);

        String b = ScimUrns.BRIDGE_USER;
        for (String a : new String[] {"orgRole", "seatType", "status"}) {
            s.add(b, a, null, Type.ENUM, false, false);
        }
        s.add(b, "figmaUserId", null, Type.STRING, true, false);
        for (String a : new String[] {"dateAdded", "dateUpgraded", "lastEditAt", "lastActiveAt", "lastSignInAt"}) {
            s.add(b, a, null, Type.DATE_TIME, false, false);
        }
        s.add(b, "managedByIdp", null, Type.BOOLEAN, false, false);
        for (String a : new String[] {"workspace", "billingGroup", "managerEmail"}) {
            s.add(b, a, null, Type.STRING, false, false);
        }
        return s;
    }

    private static ReferenceSchema groups() {
        ReferenceSchema s = new ReferenceSchema(ScimUrns.GROUP);
        String core = ScimUrns.GROUP;
        s.add(core, "id", null, Type.ID, true, false);
        s.add(core, "displayName", null, Type.STRING, false, false);
        s.complex(core, "meta");
        s.add(core, "meta", "created", Type.DATE_TIME, false, false);
        s.add(core, "meta", "lastModified", Type.DATE_TIME, false, false);
        s.add(core, "meta", "resourceType", Type.FIXED, false, false);
        s.complex(core, "members");
        s.add(core, "members", "value", Type.ID, true, true);
        s.add(core, "members", "display", Type.STRING, false, true);
        s.add(core, "members", "type", Type.FIXED, false, true);
        s.add(ScimUrns.BRIDGE_GROUP, "kind", null, Type.ENUM, false, false);
        s.add(ScimUrns.BRIDGE_GROUP, "figmaTeamId", null, Type.STRING, true, false);
        return s;
    }

    private void add(String urn, String attribute, String sub, Type type, boolean caseExact, boolean multi) {
        byKey.put(key(urn, attribute, sub), new Attr(urn, attribute, sub, type, caseExact, multi));
    }

    /** Declares a complex attribute: a bare name means its {@code value} sub-attribute, and it may hold a value path. */
    private void complex(String urn, String attribute) {
        complex.put(key(urn, attribute, null), attribute);
    }

    /** The attribute a filter or sortBy path names, if it is one of ours. */
    Optional<Attr> find(FilterSyntax.Path p) {
        String urn = p.urn() == null ? coreUrn : p.urn();
        Attr direct = byKey.get(key(urn, p.attribute(), p.sub()));
        if (direct != null || p.sub() != null) {
            return Optional.ofNullable(direct);
        }
        return Optional.ofNullable(byKey.get(key(urn, p.attribute(), "value")));
    }

    /** Whether {@code p} (without a sub-attribute) names a complex attribute a value path may filter. */
    boolean isComplex(FilterSyntax.Path p) {
        return p.sub() == null && complex.containsKey(key(p.urn() == null ? coreUrn : p.urn(), p.attribute(), null));
    }

    private static String key(String urn, String attribute, String sub) {
        return (urn + ":" + attribute + (sub == null ? "" : "." + sub)).toLowerCase(Locale.ROOT);
    }
}
