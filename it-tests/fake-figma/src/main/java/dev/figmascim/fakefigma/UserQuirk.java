package dev.figmascim.fakefigma;

/**
 * Deviations from RFC 7643 that Figma's SCIM API shows on Users, switched on per user by a scenario so that a
 * reader can be tested against each. The JSON name is what a scenario file lists under {@code quirks}.
 */
public enum UserQuirk {
    /** {@code "emails": {...}}: one object instead of an array (seen in Figma's own examples). */
    EMAILS_AS_OBJECT("emailsAsObject"),
    /** {@code "primary": "true"}: the primary flag as a string (seen in Figma's own examples). */
    PRIMARY_AS_STRING("primaryAsString"),
    /** {@code "active": "false"}: the active flag as a string (inferred: some IdP-fed attributes arrive as text). */
    ACTIVE_AS_STRING("activeAsString"),
    /** {@code "figmaAdmin": "true"} in Figma's extension: a boolean as text (inferred, same reason). */
    FIGMA_ADMIN_AS_STRING("figmaAdminAsString"),
    /** The enterprise {@code manager} as a plain string instead of {@code {"value": ...}}. */
    MANAGER_AS_STRING("managerAsString"),
    /** Older tenants: {@code figmaPermission}, {@code figjamPermission}, {@code devModePermission} in Figma's extension. */
    LEGACY_PERMISSIONS("legacyPermissions");

    private final String jsonName;

    UserQuirk(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in scenario files. */
    public String jsonName() {
        return jsonName;
    }

    /** The quirk a scenario file names; unknown names are an error so that typos do not silently do nothing. */
    public static UserQuirk fromJsonName(String name) {
        for (UserQuirk quirk : values()) {
            if (quirk.jsonName.equals(name)) {
                return quirk;
            }
        }
        throw new IllegalArgumentException("unknown user quirk '" + name + "'");
    }
}
