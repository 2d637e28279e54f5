package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.source.csv.LegacySeats.ProductSeat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value vocabularies as tables: cell text &rarr; value, and cells that must be refused. */
class CsvValuesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-05-02                    | 2026-05-02T00:00:00Z
            2026-05-02T10:00:00Z          | 2026-05-02T10:00:00Z
            2026-05-02t10:00:00z          | 2026-05-02T10:00:00Z
            2026-05-02T10:00Z             | 2026-05-02T10:00:00Z
            2026-05-02T10:00:00.5Z        | 2026-05-02T10:00:00.500Z
            2026-05-02T10:00:00+02:00     | 2026-05-02T08:00:00Z
            2026-05-02T22:00:00-05:00     | 2026-05-03T03:00:00Z
            2026-05-02T10:00:00           | 2026-05-02T10:00:00Z
            2026-05-02 10:00:00           | 2026-05-02T10:00:00Z
            5/2/2026                      | 2026-05-02T00:00:00Z
            05/02/2026                    | 2026-05-02T00:00:00Z
            12/31/2025                    | 2025-12-31T00:00:00Z
            2/29/2024                     | 2024-02-29T00:00:00Z
            'May 2, 2026'                 | 2026-05-02T00:00:00Z
            'may 2, 2026'                 | 2026-05-02T00:00:00Z
            'Sep 3, 2026'                 | 2026-09-03T00:00:00Z
            'Sept 3, 2026'                | 2026-09-03T00:00:00Z
            'September 3, 2026'           | 2026-09-03T00:00:00Z
            'Dec. 24, 2025'               | 2025-12-24T00:00:00Z
            'January 1 2026'              | 2026-01-01T00:00:00Z
            """)
    void readsEveryDocumentedDateFormatAtUtc(String cell, String expected) {
        assertEquals(Instant.parse(expected), Values.date(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Never", "never", "NEVER", "-", "\u2013", "\u2014", "N/A", "n/a"})
    void noDateWordsMeanNoDate(String cell) {
        assertNull(Values.date(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-5-2", "2026-13-01", "2026-02-30", "2/30/2026", "13/1/2026", "02.05.2026",
        "2/5/26", "Mayo 2, 2026", "May 32, 2026", "2026-05-02T25:00:00Z", "2026-05-02T10:00:00+25:00", "1714600000", "0"})
    void refusesDatesItCannotReadExactly(String cell) {
        CellException e = assertThrows(CellException.class, () -> Values.date(cell));
        assertEquals("cannot read date '" + cell + "' (expected e.g. 2026-05-02, 2026-05-02T10:00:00Z, 5/2/2026 or May 2, 2026)",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Admin              | ADMIN
            admin              | ADMIN
            Organization admin | ADMIN
            Organisation Admin | ADMIN
            Org admin          | ADMIN
            org-admin          | ADMIN
            Member             | MEMBER
            MEMBER             | MEMBER
            Guest              | GUEST
            """)
    void readsRoles(String cell, OrgRole expected) {
        assertEquals(expected, Values.role(cell));
        assertTrue(Values.isRole(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Owner", "Full", "Administrator", "Members", "External"})
    void refusesOtherRoles(String cell) {
        assertEquals("unknown role '" + cell + "' (expected Admin, Member or Guest)",
                assertThrows(CellException.class, () -> Values.role(cell)).getMessage());
        assertFalse(Values.isRole(cell));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Full              | FULL
            full seat         | FULL
            Editor            | FULL
            Professional      | FULL
            Dev               | DEV
            Dev seat          | DEV
            Collab            | COLLAB
            Collab Seat       | COLLAB
            View              | VIEW
            View seat         | VIEW
            Viewer            | VIEW
            Starter           | STARTER
            Restricted        | RESTRICTED
            Viewer-restricted | RESTRICTED
            Viewer restricted | RESTRICTED
            """)
    void readsSeats(String cell, SeatType expected) {
        assertEquals(expected, Values.seat(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Enterprise", "Admin", "Paid", "Dev Mode", "Unknown", "FigJam"})
    void refusesOtherSeats(String cell) {
        assertEquals("unknown seat '" + cell + "' (expected Full, Dev, Collab, View, Starter or Restricted)",
                assertThrows(CellException.class, () -> Values.seat(cell)).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Editor            | EDITOR
            Full              | EDITOR
            Viewer            | VIEWER
            View              | VIEWER
            Viewer-restricted | RESTRICTED
            viewer restricted | RESTRICTED
            Restricted        | RESTRICTED
            """)
    void readsLegacyProductSeats(String cell, ProductSeat expected) {
        assertEquals(expected, Values.productSeat(CsvField.FIGJAM, cell));
    }

    @Test
    void refusedProductSeatNamesItsProduct() {
        assertEquals("unknown Dev Mode seat 'Dev' (expected Editor, Full, Viewer or Viewer-restricted)",
                assertThrows(CellException.class, () -> Values.productSeat(CsvField.DEV_MODE, "Dev")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "Ada.Park@Example.COM", "o'brien+tag@sub.example.co.uk", "a@b"})
    void acceptsEmails(String cell) {
        assertEquals(cell, Values.email(cell, "e-mail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.example.com", "a@b@example.com", "ada park@example.com", "ada\tpark@example.com",
        "ada\u00a0park@example.com", "@example.com", "ada@", "@"})
    void refusesWhatDoesNotLookLikeAnEmail(String cell) {
        assertEquals("invalid e-mail '" + cell + "'", assertThrows(CellException.class, () -> Values.email(cell, "e-mail")).getMessage());
    }

    @Test
    void splitsTeamsOnTheGivenSeparatorOnly() {
        assertEquals(List.of(team("Design, Systems"), team("Web App")), Values.teams("Design, Systems; Web App", ';'));
        assertEquals(List.of(team("Design"), team("Systems; Web App")), Values.teams("Design, Systems; Web App", ','));
    }

    @Test
    void teamsDropEmptyEntriesAndDuplicatesIgnoringCaseFirstWins() {
        assertEquals(List.of(team("Brand"), new TeamEntry("Web App", TeamRole.VIEWER)),
                Values.teams(" Brand ,, ,Web App (Viewer), WEB APP (Owner),brand,", ','));
        assertEquals(List.of(), Values.teams("  ", ','));
        assertEquals(List.of(), Values.teams(" ; ;", ';'));
    }

    @Test
    void lineBreaksSeparateTeamsToo() {
        assertEquals(List.of(team("Brand"), team("Mobile"), team("Web")), Values.teams("Brand\r\nMobile\nWeb", ','));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Web App (Owner)       | Web App         | OWNER
            Web App (owner)       | Web App         | OWNER
            Web App(Admin)        | Web App         | ADMIN
            Web App (Editor)      | Web App         | EDITOR
            Web App (Can edit)    | Web App         | EDITOR
            Web App (can view)    | Web App         | VIEWER
            Web App (Viewer)      | Web App         | VIEWER
            Web App               | Web App         | UNKNOWN
            Research (2024)       | Research (2024) | UNKNOWN
            (Owner)               | (Owner)         | UNKNOWN
            A (b) (Owner)         | A (b)           | OWNER
            """)
    void teamRoleOnlyFromATrailingRoleWord(String entry, String name, TeamRole role) {
        assertEquals(new TeamEntry(name, role), Values.teamEntry(entry));
    }

    private static TeamEntry team(String name) {
        return new TeamEntry(name, TeamRole.UNKNOWN);
    }
}
