package dev.figmascim.fakefigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {

    /** The e-mails of the reference sample-members.csv whose users are provisioned through SCIM (not the guest). */
    private static final Set<String> SAMPLE_MEMBERS = Set.of("ada.park@example.com", "ben.okafor@example.com",
            "chloe.martin@example.com", "dev.shah@example.com", "elena.rossi@example.com", "farid.haddad@example.com",
            "grace.liu@example.com", "ines.costa@example.com", "jonas.weber@example.com");

    @Test
    void smallMatchesTheSampleMembers() {
        Scenario small = Scenario.builtin("small");
        assertEquals(SAMPLE_MEMBERS, new TreeSet<>(small.users().stream().map(ScimUserSpec::userName).toList()));
        assertEquals(7, small.events().size());
        assertEquals("grace.liu@example.com", small.me().email());
        Set<String> ids = new TreeSet<>(small.users().stream().map(ScimUserSpec::id).toList());
        small.groups().forEach(g -> assertTrue(ids.containsAll(g.memberIds()), g.displayName()));
    }

    @Test
    void quirksShowsEveryQuirk() {
        Scenario quirks = Scenario.builtin("quirks");
        Set<UserQuirk> seen = EnumSet.noneOf(UserQuirk.class);
        quirks.users().forEach(u -> seen.addAll(u.quirks()));
        assertEquals(EnumSet.allOf(UserQuirk.class), seen);
        assertTrue(quirks.groups().stream().anyMatch(g -> g.has(GroupQuirk.EXTERNAL_ID_SNAKE_CASE)));
        assertTrue(quirks.users().stream().anyMatch(u -> u.raw() != null));
        assertTrue(quirks.users().stream().anyMatch(u -> !u.active()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"scimToken\":\"s\",\"apiToken\":\"a\"}| test: tenantId: required",
        "{\"tenantId\":\"t\",\"scimToken\":\"s\",\"apiToken\":\"a\",\"users\":[{\"id\":\"1\"}]}| test: users[0].userName: required",
        "{\"tenantId\":\"t\",\"scimToken\":\"s\",\"apiToken\":\"a\",\"users\":[{\"id\":\"1\",\"userName\":\"u\",\"quirks\":[\"x\"]}]}"
                + "| test: users[0].quirks: unknown user quirk 'x'",
        "{\"tenantId\":\"t\",\"scimToken\":\"s\",\"apiToken\":\"a\",\"events\":[{\"id\":\"1\"}]}"
                + "| test: events[0].timestamp: required: Unix seconds",
        "{\"tenantId\":\"t\",\"scimToken\":\"s\",\"apiToken\":\"a\",\"groups\":{}}| test: groups: must be an array",
        "[]| test: the scenario must be a JSON object",
    })
    void errorsNameTheField(String json, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(json));
        assertEquals(message.trim(), e.getMessage());
    }

    @Test
    void badJsonNamesTheLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("{\n\"tenantId\": \n}"));
        assertTrue(e.getMessage().startsWith("test: not valid JSON (line 3)"), e.getMessage());
    }

    @Test
    void scenariosAreImmutable() {
        Scenario s = Scenario.builder().generatedUsers(2).build();
        assertThrows(UnsupportedOperationException.class, () -> s.users().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> s.users().get(0).quirks().add(UserQuirk.EMAILS_AS_OBJECT));
        assertFalse(s.users().get(1).active() && s.users().get(0).userName().isEmpty());
        assertEquals(List.of(), s.events());
    }

    private static Scenario parse(String json) {
        return Scenario.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
