package dev.figmascim.bridge.source.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strict UTF-8 decoding under the parser: exact text across buffer ends, BOM, and refusals with lines. */
class CsvUtf8TextReaderTest {

    @Test
    void decodesMultiByteCharactersSplitAcrossBufferEnds() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            // 1-, 2-, 3- and 4-byte sequences, so some straddle the 16 KiB byte buffer and the char chunks.
            text.append("a\u00e9\u20ac\ud83d\ude00,").append(i % 7 == 0 ? "\r\n" : "");
        }
        assertEquals(text.toString(), readAll(bytes(text.toString()), 7));
        assertEquals(text.toString(), readAll(bytes(text.toString()), 8192));
    }

    @Test
    void dropsOnlyALeadingBom() throws IOException {
        assertEquals("a\uFEFFb", readAll(bytes("\uFEFFa\uFEFFb"), 1));
        assertEquals("", readAll(bytes("\uFEFF"), 16));
    }

    @Test
    void nulIsRefusedOnItsPhysicalLine() {
        // CRLF, CR and LF each end one line, as the CSV parser counts them.
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> readAll(bytes("a\r\nb\rc\nd\u0000"), 3));
        assertEquals(4, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void invalidAndTruncatedUtf8AreRefused() {
        byte[] latin1 = "x\ny\nBeno\u00eet".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(3, assertThrows(CsvFormatException.class, () -> readAll(latin1, 64)).line());
        byte[] euro = bytes("ab\u20ac");
        byte[] truncated = Arrays.copyOf(euro, euro.length - 1);
        assertEquals(1, assertThrows(CsvFormatException.class, () -> readAll(truncated, 64)).line());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String readAll(byte[] input, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new Utf8TextReader(new ByteArrayInputStream(input))) {
            char[] buffer = new char[chunk];
            int n;
            while ((n = reader.read(buffer, 0, chunk)) != -1) {
                assertEquals(true, n > 0, "read must not return 0 for a non-empty request");
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }
}
