package dev.figmascim.fakefigma;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One user of a scenario, as Figma's SCIM API would list it. The fake renders it to SCIM JSON, applying the
 * {@code quirks}; a {@code raw} object, when given, is served verbatim instead (for shapes no quirk describes),
 * and then only {@code id} and {@code userName} are used, for lookups and filters.
 *
 * @param id         Figma's numeric user id, as a string
 * @param userName   the e-mail address Figma uses as userName
 * @param externalId the IdP's id, or null
 * @param givenName  may be null; with {@code familyName} null too, no {@code name} object is sent
 * @param familyName may be null
 * @param displayName may be null
 * @param title      may be null
 * @param active     false for a user removed from the organisation (Figma still lists them)
 * @param seatType   {@code Full|Dev|Collab|View} sent as {@code roles[type=seatType]}, or null for no roles (non-Enterprise)
 * @param figmaAdmin Figma's extension {@code figmaAdmin}, or null to omit the extension
 * @param enterprise enterprise extension attributes by name (employeeNumber, costCenter, organization, division,
 *                   department, manager); empty to omit the extension
 * @param version    the number in {@code meta.version} ({@code W/"1699999999"}), also the basis of meta dates
 * @param quirks     which of Figma's deviations to show for this user
 * @param raw        a verbatim SCIM user object, or null
 */
public record ScimUserSpec(String id, String userName, String externalId, String givenName, String familyName,
        String displayName, String title, boolean active, String seatType, Boolean figmaAdmin,
        Map<String, String> enterprise, long version, Set<UserQuirk> quirks, ObjectNode raw) {

    /** The {@code meta.version} Figma's examples show, used when a scenario names none. */
    public static final long DEFAULT_VERSION = 1699999999L;

    public ScimUserSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        enterprise = enterprise == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(enterprise));
        quirks = quirks == null || quirks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(quirks));
        raw = raw == null ? null : raw.deepCopy();
    }

    /** Whether this user shows the given quirk. */
    public boolean has(UserQuirk quirk) {
        return quirks.contains(quirk);
    }

    /** A builder with the two required fields; everything else defaults to absent, active, no quirks. */
    public static Builder builder(String id, String userName) {
        return new Builder(id, userName);
    }

    /** Builds a {@link ScimUserSpec}; fields left unset are absent from the rendered user. */
    public static final class Builder {
        private final String id;
        private final String userName;
        private String externalId;
        private String givenName;
        private String familyName;
        private String displayName;
        private String title;
        private boolean active = true;
        private String seatType;
        private Boolean figmaAdmin;
        private final Map<String, String> enterprise = new LinkedHashMap<>();
        private long version = DEFAULT_VERSION;
        private final Set<UserQuirk> quirks = EnumSet.noneOf(UserQuirk.class);
        private ObjectNode raw;

        private Builder(String id, String userName) {
            this.id = id;
            this.userName = userName;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        /** Given and family name; also sets the display name when none was set. */
        public Builder name(String given, String family) {
            this.givenName = given;
            this.familyName = family;
            if (displayName == null && given != null && family != null) {
                displayName = given + " " + family;
            }
            return this;
        }

        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder active(boolean value) {
            this.active = value;
            return this;
        }

        public Builder seatType(String value) {
            this.seatType = value;
            return this;
        }

        public Builder figmaAdmin(Boolean value) {
            this.figmaAdmin = value;
            return this;
        }

        /** One enterprise extension attribute, e.g. {@code ("costCenter", "4100")}. */
        public Builder enterprise(String attribute, String value) {
            if (value != null) {
                enterprise.put(attribute, value);
            }
            return this;
        }

        public Builder version(long value) {
            this.version = value;
            return this;
        }

        public Builder quirk(UserQuirk... values) {
            Collections.addAll(quirks, values);
            return this;
        }

        public Builder raw(ObjectNode value) {
            this.raw = value;
            return this;
        }

        public ScimUserSpec build() {
            return new ScimUserSpec(id, userName, externalId, givenName, familyName, displayName, title, active,
                    seatType, figmaAdmin, enterprise, version, quirks, raw);
        }
    }
}
