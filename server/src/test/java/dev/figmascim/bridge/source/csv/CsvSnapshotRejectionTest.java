package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.reconcile.SnapshotRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rejection's summary line counts the problems, or says there were more than the report holds. */
class CsvSnapshotRejectionTest {

    @TempDir
    Path dir;

    private static SnapshotRejected reject(Path file) {
        CsvSnapshot snapshot = new CsvSnapshot(file, file.getFileName().toString());
        return assertThrows(SnapshotRejected.class, () -> snapshot.forEach(member -> { }));
    }

    @Test
    void aFewProblemsAreCounted() throws IOException {
        Path file = Files.writeString(dir.resolve("two.csv"), "Email,Role\nnot-an-email,Admin\nb@x.com,Boss\n");
        SnapshotRejected e = reject(file);
        assertEquals("two.csv rejected: 2 problem(s), nothing was changed", e.getMessage());
        assertEquals(2, e.problems().size());
    }

    @Test
    void pastTheReportsLimitTheCountIsNotPretended() {
        SnapshotRejected e = reject(Path.of("src/test/resources/csv/invalid/more-than-100-errors/input.csv"));
        assertEquals("input.csv rejected: more than 100 problems, nothing was changed", e.getMessage());
        assertEquals(ErrorLog.LIMIT + 1, e.problems().size(), "the first 100 and the marker");
        assertEquals(ErrorLog.MORE, e.problems().get(ErrorLog.LIMIT));
    }
}
