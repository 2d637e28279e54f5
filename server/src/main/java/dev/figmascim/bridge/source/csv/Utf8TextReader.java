package dev.figmascim.bridge.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes strict UTF-8 for the CSV parser and refuses what is not text. {@link java.io.InputStreamReader}
 * would replace bad bytes with U+FFFD and hand NUL through, so a spreadsheet or UTF-16 file would
 * "parse" into garbage rows; here both stop the read with a {@link CsvFormatException} naming the
 * physical line (CR, LF and CRLF each end one line, as the CSV parser counts them). A leading UTF-8 BOM
 * is dropped, since Excel writes one and it would otherwise stick to the first header.
 */
final class Utf8TextReader extends Reader {

    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean finished;
    private boolean atStart = true;
    private boolean afterCr;
    private int line = 1;

    Utf8TextReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (!finished) {
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                inspect(buffer, offset, out.position() - offset);
                throw new CsvFormatException(line, 1, "not CSV text: the file is not valid UTF-8 (save it as CSV UTF-8)");
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    finished = true;
                } else {
                    fill();
                }
            }
            int produced = inspect(buffer, offset, out.position() - offset);
            if (produced > 0) {
                return produced;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    /** Drops the BOM, counts line ends and rejects NUL in freshly decoded chars; returns how many remain. */
    private int inspect(char[] buffer, int offset, int count) throws CsvFormatException {
        int n = count;
        if (atStart && n > 0) {
            atStart = false;
            if (buffer[offset] == BOM) {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
            }
        }
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c == '\0') {
                throw new CsvFormatException(line, 1,
                        "not CSV text: the file contains NUL bytes (a spreadsheet or UTF-16 file? save it as CSV UTF-8)");
            }
            if (c == '\r') {
                line++;
            } else if (c == '\n' && !afterCr) {
                line++;
            }
            afterCr = c == '\r';
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
