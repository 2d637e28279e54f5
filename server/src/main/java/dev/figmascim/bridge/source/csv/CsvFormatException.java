package dev.figmascim.bridge.source.csv;

import java.io.IOException;

/**
 * The bytes cannot be read as CSV at a known place: not UTF-8 text, or quoting Jackson's parser rejects.
 * Reading stops there, because nothing after it can be split into records reliably. It is an
 * {@link IOException} so it can leave a {@link java.io.Reader} through Jackson unchanged.
 */
final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    CsvFormatException(int line, int column, String reason) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
