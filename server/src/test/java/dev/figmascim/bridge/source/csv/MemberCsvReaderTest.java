package dev.figmascim.bridge.source.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's contract beyond single files: all-or-nothing delivery, column presence, and what it throws. */
class MemberCsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void anErrorOnTheLastLineKeepsEveryEarlierRowFromTheSink() throws IOException {
        StringBuilder csv = new StringBuilder("Email,Seat\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("user").append(i).append("@example.com,Full\n");
        }
        csv.append("last@example.com,Gold\n");
        Path file = write(csv.toString());
        List<MemberRow> delivered = new ArrayList<>();

        CsvReadResult result = MemberCsvReader.read(file, "big.csv", delivered::add);

        assertFalse(result.ok());
        assertEquals(List.of("big.csv:5002:2: unknown seat 'Gold' (expected Full, Dev, Collab, View, Starter or Restricted)"),
                result.errors());
        assertEquals(0, delivered.size());
    }

    @Test
    void anUnclosedQuoteStopsAtTheCellLimitInsteadOfSwallowingTheFile() throws IOException {
        Path file = write("Email,Name\na@example.com,Ada\nb@example.com,\"Ben\n" + "c@example.com,Chloe\n".repeat(60_000));

        CsvReadResult result = MemberCsvReader.read(file, "f.csv", row -> { });

        assertEquals(List.of("f.csv:3:2: malformed quoting: a cell is longer than " + CsvRecords.MAX_CELL_CHARS
                + " characters; is a closing quote missing?"), result.errors());
    }

    @Test
    void columnsTellAnAbsentColumnFromAnEmptyCell() throws IOException {
        Path file = write("Email,Teams\na@example.com,\n");
        List<MemberRow> rows = new ArrayList<>();

        CsvReadResult result = MemberCsvReader.read(file, "f.csv", rows::add);

        assertTrue(result.hasColumn(CsvField.TEAMS));
        assertFalse(result.hasColumn(CsvField.ROLE));
        assertEquals(List.of(), rows.get(0).teams());
        assertEquals(EnumSet.of(CsvField.EMAIL, CsvField.TEAMS), result.columns());
        assertFalse(result.providesSeat());
    }

    @Test
    void legacyProductColumnsProvideTheSeat() throws IOException {
        CsvReadResult result = MemberCsvReader.read(write("Email,FigJam\na@example.com,Editor\n"), "f.csv", row -> { });

        assertTrue(result.providesSeat());
        assertFalse(result.hasColumn(CsvField.SEAT));
    }

    @Test
    void aMissingFileIsAnIoErrorNotAContentError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> MemberCsvReader.read(dir.resolve("absent.csv"), "absent.csv", row -> { }));
        assertTrue(e.getMessage().contains("absent.csv"), e.getMessage());
    }

    @Test
    void whatTheSinkThrowsReachesTheCaller() throws IOException {
        IllegalStateException boom = new IllegalStateException("sink failed");
        Path file = write("Email\na@example.com\n");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> MemberCsvReader.read(file, "f.csv", row -> {
            throw boom;
        }));
        assertSame(boom, thrown);
    }

    @Test
    void rowsArriveInFileOrderAndAreCounted() throws IOException {
        List<String> emails = new ArrayList<>();
        CsvReadResult result = MemberCsvReader.read(write("Email\nb@example.com\na@example.com\nc@example.com\n"), "f.csv",
                row -> emails.add(row.email()));

        assertEquals(List.of("b@example.com", "a@example.com", "c@example.com"), emails);
        assertEquals(3, result.rows());
    }

    @Test
    void resultCollectionsAreReadOnly() throws IOException {
        CsvReadResult result = MemberCsvReader.read(write("Email,Extra\na@example.com,x\n"), "f.csv", row -> { });

        assertThrows(UnsupportedOperationException.class, () -> result.columns().add(CsvField.NAME));
        assertThrows(UnsupportedOperationException.class, () -> result.unknownColumns().add("y"));
        assertThrows(UnsupportedOperationException.class, () -> result.errors().add("z"));
    }

    private Path write(String csv) throws IOException {
        Path file = Files.createTempFile(dir, "members", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
