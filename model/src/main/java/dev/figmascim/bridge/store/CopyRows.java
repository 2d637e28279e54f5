package dev.figmascim.bridge.store;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Rows in the CSV format of PostgreSQL's {@code COPY … FROM STDIN}, encoded as UTF-8 into one buffer
 * that goes to the server each time it fills: the memory a write needs does not grow with its rows,
 * and the server starts on the first rows while later ones are still being encoded.
 *
 * <p>NULL is an empty field and text is always quoted, so an empty string stays one. A run stamps most
 * rows with the same instant (its start), so each column remembers its last instant and the text it
 * became: formatting an {@link Instant} is the dearest conversion here.
 */
final class CopyRows {

    /** Bytes sent at a time. */
    static final int BLOCK = 64 * 1024;

    private final CopyIn target;
    private final byte[] buffer;
    private int length;
    private int column;
    private final Instant[] lastInstant;
    private final byte[][] lastInstantText;

    CopyRows(CopyIn target, int columns, int blockSize) {
        this.target = target;
        this.buffer = new byte[blockSize];
        this.lastInstant = new Instant[columns];
        this.lastInstantText = new byte[columns][];
    }

    /** The next value of the current row; {@code columnIndex} is its column's position. */
    void value(int columnIndex, Object value) throws SQLException {
        if (column++ > 0) {
            put((byte) ',');
        }
        switch (value) {
            case null -> {
            }
            case String s -> quoted(s);
            case Enum<?> e -> ascii(e.name());
            case Instant t -> instant(columnIndex, t);
            case OffsetDateTime t -> ascii(t.toString());
            case UUID u -> ascii(u.toString());
            case Boolean b -> ascii(b ? "true" : "false");
            case Number n -> ascii(n.toString());
            default -> throw new IllegalStateException("no COPY text form for " + value.getClass().getName());
        }
    }

    void endRow() throws SQLException {
        put((byte) '\n');
        column = 0;
    }

    /** Sends what is buffered. */
    void flush() throws SQLException {
        if (length > 0) {
            target.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void instant(int columnIndex, Instant t) throws SQLException {
        if (lastInstant[columnIndex] != t) {
            lastInstant[columnIndex] = t;
            lastInstantText[columnIndex] = t.toString().getBytes(StandardCharsets.US_ASCII);
        }
        put(lastInstantText[columnIndex]);
    }

    private void quoted(String s) throws SQLException {
        put((byte) '"');
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (s.indexOf('"') < 0) {
            put(bytes);
        } else {
            // In UTF-8 the byte of '"' never occurs inside another character's encoding.
            for (byte b : bytes) {
                if (b == '"') {
                    put(b);
                }
                put(b);
            }
        }
        put((byte) '"');
    }

    /** Text known to be ASCII (names of enum constants, numbers, UUIDs, timestamps): one byte a character. */
    private void ascii(String s) throws SQLException {
        int n = s.length();
        if (length + n > buffer.length) {
            flush();
        }
        if (n > buffer.length) {
            put(s.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) throws SQLException {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
    }

    private void put(byte[] bytes) throws SQLException {
        if (length + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                target.writeToCopy(bytes, 0, bytes.length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }
}
