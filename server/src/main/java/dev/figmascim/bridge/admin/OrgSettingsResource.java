package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.OrgSettings;
import dev.figmascim.bridge.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /admin/v1/org-settings}: the organisation's security settings as the bridge knows them, each with its
 * value, the source that last said it and when; {@code "unknown"} (source and time null) where no source has said
 * (docs/activity-log.md, "Organisation settings").
 * <pre>
 * {"ssoMode": {"value": "saml_required", "source": "activity-log", "confirmedAt": "2026-11-02T10:00:00Z"},
 *  "verifiedDomains": {"value": "example.com,example.org", "items": ["example.com", "example.org"], ...}, ...}
 * </pre>
 */
@ApplicationScoped
@Path("org-settings")
@Produces(MediaType.APPLICATION_JSON)
public class OrgSettingsResource {

    private static final Map<OrgSettingKey, String> NAMES = Map.of(
            OrgSettingKey.SSO_MODE, "ssoMode",
            OrgSettingKey.MFA_REQUIRED, "mfaRequired",
            OrgSettingKey.VERIFIED_DOMAINS, "verifiedDomains",
            OrgSettingKey.DOMAIN_CAPTURE, "domainCapture",
            OrgSettingKey.GUEST_INVITE_POLICY, "guestInvitePolicy");

    private final Store store;

    @Inject
    OrgSettingsResource(Store store) {
        this.store = store;
    }

    @GET
    public ObjectNode get() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (OrgSettings.Current c : OrgSettings.read(store).values()) {
            ObjectNode node = out.putObject(NAMES.get(c.key()));
            node.put("value", c.value());
            if (c.key() == OrgSettingKey.VERIFIED_DOMAINS && !c.value().equals(OrgSettings.UNKNOWN)) {
                Arrays.stream(c.value().split(",")).filter(d -> !d.isEmpty()).forEach(node.putArray("items")::add);
            }
            node.put("source", c.source() == null ? null : sourceName(c.source()));
            node.put("confirmedAt", c.confirmedAt() == null ? null : c.confirmedAt().toString());
        }
        return out;
    }

    /** {@code ACTIVITY_LOG} → {@code activity-log}, the spelling of {@code POST /reconciliations?source=}. */
    static String sourceName(Source source) {
        return source.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
