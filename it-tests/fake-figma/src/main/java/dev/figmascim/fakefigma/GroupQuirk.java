package dev.figmascim.fakefigma;

/** Deviations from RFC 7643 that Figma's SCIM API shows on Groups (workspaces and billing groups). */
public enum GroupQuirk {
    /** {@code "external_id"} in snake case instead of {@code externalId} (seen in Figma's own examples). */
    EXTERNAL_ID_SNAKE_CASE("externalIdSnakeCase");

    private final String jsonName;

    GroupQuirk(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in scenario files. */
    public String jsonName() {
        return jsonName;
    }

    /** The quirk a scenario file names; unknown names are an error. */
    public static GroupQuirk fromJsonName(String name) {
        for (GroupQuirk quirk : values()) {
            if (quirk.jsonName.equals(name)) {
                return quirk;
            }
        }
        throw new IllegalArgumentException("unknown group quirk '" + name + "'");
    }
}
