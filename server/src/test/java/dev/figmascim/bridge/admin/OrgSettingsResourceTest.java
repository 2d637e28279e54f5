package dev.figmascim.bridge.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.figmascim.bridge.model.OrgSetting;
import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /admin/v1/org-settings}'s body: every setting, with value, source and time, or unknown. */
class OrgSettingsResourceTest {

    @Test
    void everySettingIsListedUnknownWhereNoSourceHasSaid() {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            OrgSettingsResource resource = new OrgSettingsResource(store);
            ObjectNode empty = resource.get();
            assertEquals(List.of("ssoMode", "mfaRequired", "verifiedDomains", "domainCapture", "guestInvitePolicy"),
                    iterate(empty));
            for (String name : iterate(empty)) {
                assertEquals("unknown", empty.path(name).path("value").asText());
                assertTrue(empty.path(name).path("source").isNull());
                assertTrue(empty.path(name).path("confirmedAt").isNull());
            }

            Instant t = Instant.parse("2026-11-02T10:00:00Z");
            store.run(em -> {
                em.persist(new OrgSetting(OrgSettingKey.SSO_MODE, "saml_required", Source.ACTIVITY_LOG, t));
                em.persist(new OrgSetting(OrgSettingKey.VERIFIED_DOMAINS, "example.com,example.org", Source.DECLARED, t));
            });
            ObjectNode known = resource.get();
            assertEquals("saml_required", known.at("/ssoMode/value").asText());
            assertEquals("activity-log", known.at("/ssoMode/source").asText());
            assertEquals("2026-11-02T10:00:00Z", known.at("/ssoMode/confirmedAt").asText());
            assertEquals("declared", known.at("/verifiedDomains/source").asText());
            assertEquals(2, known.at("/verifiedDomains/items").size());
            assertEquals("example.org", known.at("/verifiedDomains/items/1").asText());
            assertEquals("unknown", known.at("/mfaRequired/value").asText());
        }
    }

    private static List<String> iterate(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
