package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.OrgSetting;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.store.Store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The organisation settings' vocabulary, shared by every source that reports them (activity log,
 * declared file) and every reader (admin API, posture), and the settings as the store holds them
 * (docs/activity-log.md, "Organisation settings").
 *
 * <ul>
 *   <li>SSO_MODE: {@value #SSO_NONE}, {@value #SSO_GOOGLE}, {@value #SSO_SAML}, {@value #UNKNOWN}</li>
 *   <li>MFA_REQUIRED, DOMAIN_CAPTURE: {@value #TRUE}, {@value #FALSE}, {@value #UNKNOWN}</li>
 *   <li>VERIFIED_DOMAINS: lower-cased domains, sorted, comma-separated ("" = none), or {@value #UNKNOWN}</li>
 *   <li>GUEST_INVITE_POLICY: Figma's word for it, lower-cased, or {@value #UNKNOWN}</li>
 * </ul>
 * {@value #UNKNOWN} is also stored when an event says a setting changed but not to what: what the store
 * held before is then known to be stale.
 */
public final class OrgSettings {

    public static final String UNKNOWN = OrgSettingMerge.UNKNOWN;
    public static final String SSO_NONE = "none";
    public static final String SSO_GOOGLE = "google_required";
    public static final String SSO_SAML = "saml_required";
    public static final String TRUE = "true";
    public static final String FALSE = "false";

    private OrgSettings() {
    }

    /** One setting as the store holds it; source and time are null when no source has said anything. */
    public record Current(OrgSettingKey key, String value, Source source, Instant confirmedAt) {

        public boolean known() {
            return source != null;
        }
    }

    /** Every setting, {@link #UNKNOWN} where no source has said. */
    public static Map<OrgSettingKey, Current> read(Store store) {
        Map<OrgSettingKey, Current> out = new EnumMap<>(OrgSettingKey.class);
        for (OrgSettingKey key : OrgSettingKey.values()) {
            out.put(key, new Current(key, UNKNOWN, null, null));
        }
        store.read(em -> em.createQuery("select s from OrgSetting s", OrgSetting.class).getResultList())
                .forEach(s -> out.put(s.getKey(), new Current(s.getKey(), s.getValue(), s.getSource(), s.getConfirmedAt())));
        return out;
    }
}
