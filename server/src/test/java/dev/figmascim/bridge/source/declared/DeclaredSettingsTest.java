package dev.figmascim.bridge.source.declared;

import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.IncomingSetting;
import dev.figmascim.bridge.reconcile.OrgSettings;
import dev.figmascim.bridge.reconcile.ReconcileOptions;
import dev.figmascim.bridge.reconcile.Reconciler;
import dev.figmascim.bridge.reconcile.RunSummary;
import dev.figmascim.bridge.reconcile.SnapshotRejected;
import dev.figmascim.bridge.store.Store;
import dev.figmascim.bridge.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declared-settings file: what it accepts, what it rejects, and that a declaration never beats newer news. */
class DeclaredSettingsTest {

    @TempDir
    Path dir;

    Path file(String text) throws IOException {
        Path f = dir.resolve("org-settings.properties");
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-10-01T00:00:00Z")));
        return f;
    }

    @Test
    void readsEverySettingWithItsConfirmationTime() throws IOException {
        DeclaredSettings d = DeclaredSettings.read(file("""
                # what the admin console shows
                sso-mode = SAML_required
                mfa-required = true
                verified-domains = Example.org, example.com
                domain-capture = false
                guest-invite-policy = Admins_Only
                mfa-required.confirmed-at = 2026-11-20T09:00:00Z
                """));
        Map<OrgSettingKey, IncomingSetting> byKey = new java.util.EnumMap<>(OrgSettingKey.class);
        d.settings().forEach(s -> byKey.put(s.key(), s));
        assertEquals(OrgSettings.SSO_SAML, byKey.get(OrgSettingKey.SSO_MODE).value());
        assertEquals("example.com,example.org", byKey.get(OrgSettingKey.VERIFIED_DOMAINS).value());
        assertEquals("false", byKey.get(OrgSettingKey.DOMAIN_CAPTURE).value());
        assertEquals("admins_only", byKey.get(OrgSettingKey.GUEST_INVITE_POLICY).value());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), byKey.get(OrgSettingKey.SSO_MODE).observedAt(), "the file's last change");
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), byKey.get(OrgSettingKey.MFA_REQUIRED).observedAt());
        assertEquals(Source.DECLARED, d.source());

        DeclaredSettings dated = DeclaredSettings.read(file("sso-mode=none\nconfirmed-at=2026-11-02T00:00:00Z\n"));
        assertEquals(List.of(IncomingSetting.set(OrgSettingKey.SSO_MODE, "none", Instant.parse("2026-11-02T00:00:00Z"))),
                dated.settings());
    }

    @Test
    void rejectsTheWholeFileNamingEveryProblem() throws IOException {
        Path f = file("sso-mode = okta\nmfa-required = maybe\nverified-domains = example.com, not a domain\nsso_mode = none\n"
                + "confirmed-at = yesterday\n");
        SnapshotRejected e = assertThrows(SnapshotRejected.class, () -> DeclaredSettings.read(f));
        assertEquals(5, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().stream().allMatch(p -> p.startsWith(f + ": ")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("sso_mode: unknown setting")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("sso-mode: 'okta' is not one of")), e.problems().toString());
        assertThrows(SnapshotRejected.class, () -> DeclaredSettings.read(dir.resolve("missing.properties")));
    }

    @Test
    void aDeclarationIsRecordedAndNeverOverridesANewerObservation() throws IOException {
        try (TestDatabase db = TestDatabase.create("h2"); Store store = Store.open(db.settings())) {
            RunSummary first = new Reconciler(store).run(DeclaredSettings.read(file("sso-mode=none\nmfa-required=false\n")),
                    ReconcileOptions.defaults());
            assertEquals(2, first.changeEvents());
            assertEquals(Source.DECLARED, first.source());
            assertEquals(Source.DECLARED, OrgSettings.read(store).get(OrgSettingKey.SSO_MODE).source());
            assertEquals(0, new Reconciler(store).run(DeclaredSettings.read(file("sso-mode=none\nmfa-required=false\n")),
                    ReconcileOptions.defaults()).changeEvents(), "loaded again at the next start: no change");

            // Figma's activity log says SAML became required after the file was written...
            store.run(em -> em.find(dev.figmascim.bridge.model.OrgSetting.class, OrgSettingKey.SSO_MODE)
                    .confirm(OrgSettings.SSO_SAML, Source.ACTIVITY_LOG, Instant.parse("2026-10-15T00:00:00Z")));
            // ...so the stale file does not put "none" back; a newer declaration would.
            new Reconciler(store).run(DeclaredSettings.read(file("sso-mode=none\n")), ReconcileOptions.defaults());
            assertEquals(OrgSettings.SSO_SAML, OrgSettings.read(store).get(OrgSettingKey.SSO_MODE).value());
            new Reconciler(store).run(DeclaredSettings.read(file("sso-mode=none\nconfirmed-at=2026-10-16T00:00:00Z\n")),
                    ReconcileOptions.defaults());
            assertEquals(OrgSettings.SSO_NONE, OrgSettings.read(store).get(OrgSettingKey.SSO_MODE).value());
        }
    }
}
