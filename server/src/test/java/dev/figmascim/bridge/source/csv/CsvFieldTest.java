package dev.figmascim.bridge.source.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header alias table: matching ignores case and punctuation, and every alias is documented. */
class CsvFieldTest {

    @Test
    void everyAliasFindsItsOwnField() {
        for (CsvField field : CsvField.values()) {
            for (String alias : field.aliases()) {
                assertEquals(field, CsvField.forHeader(alias), alias);
                assertEquals(field, CsvField.forHeader("  " + alias.toUpperCase() + "  "), alias);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            e-mail           | EMAIL
            E MAIL           | EMAIL
            email_address    | EMAIL
            User E-mail      | EMAIL
            Org Role         | ROLE
            seat-type        | SEAT
            ACCOUNT TYPE     | SEAT
            Last Seen        | LAST_ACTIVE
            Date Joined      | DATE_ADDED
            Cost Centre ID   | COST_CENTER
            Cost Center Id   | COST_CENTER
            Employee ID      | EMPLOYEE_NUMBER
            Manager Email    | MANAGER
            Organisation     | ORGANIZATION
            figjam           | FIGJAM
            Dev mode         | DEV_MODE
            Figma design     | FIGMA_DESIGN
            """)
    void matchesIgnoringCaseAndPunctuation(String header, CsvField expected) {
        assertEquals(expected, CsvField.forHeader(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status", "2FA", "Email verified", "Seats", "", "   ", "Id"})
    void otherHeadersAreUnknown(String header) {
        assertNull(CsvField.forHeader(header));
    }

    @Test
    void normaliseKeepsOnlyLowerCaseLettersAndDigits() {
        assertEquals("costcentreid2", CsvField.normalise(" Cost-Centre (ID) #2 "));
    }

    @Test
    void theFormatDocumentListsEveryAlias() throws IOException {
        // Surefire runs in the module folder; the user documentation lives at the repository root.
        Path doc = Path.of("..", "docs", "csv-format.md");
        assertTrue(Files.isRegularFile(doc), "docs/csv-format.md is missing");
        String text = Files.readString(doc);
        List<String> missing = new ArrayList<>();
        for (CsvField field : CsvField.values()) {
            for (String alias : field.aliases()) {
                if (!text.contains(alias)) {
                    missing.add(field + ": " + alias);
                }
            }
            if (!text.contains("`" + field.name() + "`")) {
                missing.add(field.name());
            }
        }
        assertEquals(List.of(), missing, "aliases not in docs/csv-format.md");
    }
}
