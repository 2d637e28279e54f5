package dev.figmascim.bridge.source.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming guarantee: a large file goes through with memory that does not grow with its rows. The
 * sink samples the live heap (after a GC) while rows are emitted; if the reader held the rows, in either
 * pass, they would be live at those moments. No timing is asserted: the machine is shared.
 */
class MemberCsvStreamingTest {

    private static final int ROWS = 200_000;
    private static final int SAMPLE_EVERY = 25_000;
    /** Holding 200k rows of this width would take well over 150 MB; one record and some buffers take ~nothing. */
    private static final long MAX_GROWTH_BYTES = 48L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandRowsStreamWithModestHeap() throws IOException {
        Path file = dir.resolve("members.csv");
        writeLargeCsv(file);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(memory);
        long[] count = {0};
        long[] peak = {0};
        int[] lastLine = {0};

        CsvReadResult result = MemberCsvReader.read(file, "members.csv", row -> {
            count[0]++;
            lastLine[0] = row.line();
            if (count[0] % SAMPLE_EVERY == 0) {
                peak[0] = Math.max(peak[0], liveHeap(memory) - baseline);
            }
        });

        assertTrue(result.ok(), () -> String.valueOf(result.errors()));
        assertEquals(ROWS, count[0]);
        assertEquals(ROWS, result.rows());
        assertEquals(ROWS + 1, lastLine[0], "line numbers stay physical to the end");
        assertEquals(';', result.teamSeparator());
        assertTrue(peak[0] < MAX_GROWTH_BYTES, "live heap grew by " + peak[0] / (1024 * 1024) + " MB while streaming");
    }

    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void writeLargeCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Name,Email,Role,Seat,Job Title,Date Added,Date Upgraded,Last Edit,Last Active,Teams,Workspace,"
                    + "Billing Group,Cost Center ID,Division,Department,Employee Number,Manager\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("Zoë Member " + i + ",user" + i + "@example.com," + (i % 50 == 0 ? "Admin" : "Member") + ","
                        + (i % 3 == 0 ? "Full" : "View") + ",\"Designer, level " + (i % 5) + "\",2024-02-05,5/2/2026,"
                        + "\"May 3, 2026\",2026-05-03T10:00:00Z,\"Web App (Owner); Mobile; Team " + (i % 100) + "\","
                        + "Product,Product Design," + (4000 + i % 300) + ",Product,Design,E" + i + ",manager"
                        + (i % 40) + "@example.com\r\n");
            }
        }
    }
}
