package dev.figmascim.fakefigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeFigmaMainTest {

    @Test
    void printsOnlyItsBaseUrlOnStandardOutput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.json");
        Files.writeString(file, """
                {"tenantId":"t1","scimToken":"s1","apiToken":"a1","me":{"id":"7","handle":"H","email":"h@example.com"}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (FakeFigma fake = FakeFigmaMain.launch(new String[] {"--port", "0", "--scenario", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(fake.baseUrl() + System.lineSeparator(), printed);
            assertTrue(fake.port() > 0);
            assertTrue(printed.startsWith("http://127.0.0.1:"));
            assertEquals("7", Http.get(printed.trim() + "/v1/me", "X-Figma-Token", "a1").json().get("id").asText());
        }
    }

    @Test
    void runsABuiltinScenario() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (FakeFigma fake = FakeFigmaMain.launch(new String[] {"--scenario", "builtin:quirks"}, quiet, quiet)) {
            assertEquals(200, Http.get(fake.scimBaseUrl() + "/Users", "Authorization", "Bearer scim-quirks-token").status());
        }
    }

    @Test
    void refusesBadArguments() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> FakeFigmaMain.launch(new String[] {"--port"}, quiet, quiet));
        assertThrows(IllegalArgumentException.class, () -> FakeFigmaMain.launch(new String[] {"--port", "x"}, quiet, quiet));
        assertThrows(IllegalArgumentException.class, () -> FakeFigmaMain.launch(new String[] {"--nope", "1"}, quiet, quiet));
        assertThrows(ScenarioException.class, () -> FakeFigmaMain.launch(new String[] {"--scenario", "builtin:none"}, quiet, quiet));
        assertThrows(ScenarioException.class, () -> FakeFigmaMain.launch(new String[] {"--scenario", "/no/such/file.json"}, quiet, quiet));
    }
}
