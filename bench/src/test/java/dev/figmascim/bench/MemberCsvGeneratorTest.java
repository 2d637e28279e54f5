package dev.figmascim.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberCsvGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesAndUniqueEmails() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        MemberCsvGenerator.write(2000, a, 7, 0);
        MemberCsvGenerator.write(2000, b, 7, 0);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<String> lines = Files.readAllLines(a);
        assertEquals(2001, lines.size());
        assertTrue(lines.get(0).startsWith("Name,Email,Role,Seat"));
        Set<String> emails = new HashSet<>();
        lines.stream().skip(1).forEach(l -> emails.add(l.split(",")[1]));
        assertEquals(2000, emails.size());
    }

    @Test
    void variantOneChangesEveryHundredthTitleOnly() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        MemberCsvGenerator.write(1000, a, 7, 0);
        MemberCsvGenerator.write(1000, b, 7, 1);
        List<String> x = Files.readAllLines(a);
        List<String> y = Files.readAllLines(b);
        int differing = 0;
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).equals(y.get(i))) {
                differing++;
                assertTrue(y.get(i).contains(" II,"));
            }
        }
        assertEquals(10, differing);
        assertFalse(x.get(1).contains(" II,"));
    }
}
