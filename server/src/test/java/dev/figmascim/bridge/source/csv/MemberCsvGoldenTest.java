package dev.figmascim.bridge.source.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files: every folder under {@code csv/valid/} holds {@code input.csv} and {@code expected.txt}
 * (the {@link CsvRowDump} of the read), every folder under {@code csv/invalid/} holds {@code input.csv}
 * and {@code expected-errors.txt} (one error per line). Adding a case is adding a folder. Errors name the
 * file {@code input.csv}, the display name given here.
 */
class MemberCsvGoldenTest {

    private static final String DISPLAY_NAME = "input.csv";

    static Stream<String> validCases() {
        return cases("valid");
    }

    static Stream<String> invalidCases() {
        return cases("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void validFileReadsAsExpected(String name) throws IOException {
        Path folder = folder("valid").resolve(name);
        CsvRowDump dump = CsvRowDump.create();

        CsvReadResult result = MemberCsvReader.read(folder.resolve("input.csv"), DISPLAY_NAME, dump::add);

        assertTrue(result.ok(), () -> "expected no errors, got " + result.errors());
        assertEquals(List.of(), result.errors());
        assertEquals(expected(folder.resolve("expected.txt")), dump.render(result));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidFileIsRejectedWithItsErrors(String name) throws IOException {
        Path folder = folder("invalid").resolve(name);
        List<MemberRow> delivered = new ArrayList<>();

        CsvReadResult result = MemberCsvReader.read(folder.resolve("input.csv"), DISPLAY_NAME, delivered::add);

        assertFalse(result.ok(), "a file with errors must not be ok");
        assertEquals(List.of(), delivered, "no row may reach the sink when the file has an error");
        assertEquals(0, result.rows());
        assertEquals(expected(folder.resolve("expected-errors.txt")), String.join("\n", result.errors()) + "\n");
    }

    @Test
    void bothCaseKindsAreDiscovered() {
        // Guards against a moved resource folder silently turning the golden tests into zero tests.
        assertTrue(validCases().count() >= 20, "valid cases");
        assertTrue(invalidCases().count() >= 20, "invalid cases");
    }

    private static Stream<String> cases(String kind) {
        try (Stream<Path> folders = Files.list(folder(kind))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String kind) {
        URL url = MemberCsvGoldenTest.class.getResource("/csv/" + kind);
        assertNotNull(url, "test resources csv/" + kind + " missing");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expected text with LF line ends and exactly one final line end, whatever the editor saved. */
    private static String expected(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return text.stripTrailing() + "\n";
    }
}
