package dev.figmascim.bridge.reconcile;

import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The organisation-setting rule as a table: stored (value, source, time) + incoming → applies?, value. */
class OrgSettingMergeTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @ParameterizedTest(name = "{0}/{1}/{2} + {3} {4} {5} at {6}s from {7} -> {8} {9}")
    @CsvSource(nullValues = "NULL", value = {
        // nothing stored: any observation applies
        "NULL, NULL, 0, SET, SSO_MODE, saml_required, 0, ACTIVITY_LOG, true, saml_required",
        "NULL, NULL, 0, SET, SSO_MODE, none, -50, DECLARED, true, none",
        // the newer observation wins, whichever source made it
        "none, DECLARED, 0, SET, SSO_MODE, saml_required, 10, ACTIVITY_LOG, true, saml_required",
        "saml_required, ACTIVITY_LOG, 10, SET, SSO_MODE, none, 5, DECLARED, false, saml_required",
        "saml_required, ACTIVITY_LOG, 10, SET, SSO_MODE, none, 20, DECLARED, true, none",
        "saml_required, ACTIVITY_LOG, 10, SET, SSO_MODE, none, 5, ACTIVITY_LOG, false, saml_required",
        // a tie: observed beats declared, never the other way round
        "none, DECLARED, 10, SET, SSO_MODE, saml_required, 10, ACTIVITY_LOG, true, saml_required",
        "saml_required, ACTIVITY_LOG, 10, SET, SSO_MODE, none, 10, DECLARED, false, saml_required",
        "none, DECLARED, 10, SET, SSO_MODE, google_required, 10, DECLARED, true, google_required",
        // list items
        "NULL, NULL, 0, ADD_ITEM, VERIFIED_DOMAINS, Example.com, 1, ACTIVITY_LOG, true, example.com",
        "'b.com,d.com', DECLARED, 0, ADD_ITEM, VERIFIED_DOMAINS, c.com, 1, ACTIVITY_LOG, true, 'b.com,c.com,d.com'",
        "'b.com,d.com', DECLARED, 0, ADD_ITEM, VERIFIED_DOMAINS, b.com, 1, ACTIVITY_LOG, true, 'b.com,d.com'",
        "'b.com,d.com', DECLARED, 0, REMOVE_ITEM, VERIFIED_DOMAINS, d.com, 1, ACTIVITY_LOG, true, b.com",
        "b.com, DECLARED, 0, REMOVE_ITEM, VERIFIED_DOMAINS, b.com, 1, ACTIVITY_LOG, true, ''",
        "unknown, ACTIVITY_LOG, 0, ADD_ITEM, VERIFIED_DOMAINS, a.com, 1, ACTIVITY_LOG, true, a.com",
        "NULL, NULL, 0, REMOVE_ITEM, VERIFIED_DOMAINS, a.com, 1, ACTIVITY_LOG, true, unknown",
        "'a.com,b.com', ACTIVITY_LOG, 5, REMOVE_ITEM, VERIFIED_DOMAINS, a.com, 1, ACTIVITY_LOG, false, 'a.com,b.com'",
    })
    void theNewerObservationWins(String storedValue, Source storedSource, long storedAt, IncomingSetting.Op op, OrgSettingKey key,
                                 String value, long observedAt, Source source, boolean applies, String expected) {
        OrgSettingMerge.Stored stored = storedValue == null ? null
                : new OrgSettingMerge.Stored(storedValue, storedSource, T.plusSeconds(storedAt));
        OrgSettingMerge.Decision d = OrgSettingMerge.decide(stored,
                new IncomingSetting(key, op, value, T.plusSeconds(observedAt)), source);
        assertEquals(applies, d.applies());
        assertEquals(expected == null ? "" : expected, d.value());
    }
}
