package dev.figmascim.bridge.source.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Figma's Admin Console member CSV (figma-domain.md §5); the format is in {@code docs/csv-format.md}.
 *
 * <p>The file is read twice. Pass 1 checks all of it: header, every cell, e-mail uniqueness, and which
 * Teams separator the file uses. Pass 2 runs only if pass 1 found no error, and hands each row to the
 * sink as it is read. So a file is accepted or rejected as a whole (architecture §5: "bad rows: the
 * whole file is rejected ... nothing written"), and neither pass holds rows: memory is one record plus,
 * in pass 1, the set of e-mails seen, and in pass 2 the few batches read ahead of the sink.
 */
public final class MemberCsvReader {

    private MemberCsvReader() {
    }

    /**
     * Reads {@code file}, delivering its rows to {@code sink} in file order if, and only if, the whole
     * file is valid.
     *
     * @param file        a regular file that can be read twice
     * @param displayName how errors name the file, e.g. the uploaded file name
     * @param sink        receives each row; not called at all when the result is not {@code ok}
     * @return the outcome; content problems are in {@link CsvReadResult#errors()}, never thrown
     * @throws UncheckedIOException when the file cannot be read, or it changed between the two passes
     */
    public static CsvReadResult read(Path file, String displayName, Consumer<MemberRow> sink) {
        return read(file, displayName, columns -> { }, sink);
    }

    /**
     * As {@link #read(Path, String, Consumer)}, telling {@code beforeRows} which known columns the file
     * has once it is validated and before the first row: a consumer can then tell an absent column
     * (the source says nothing) from an empty cell (the source says "empty").
     */
    public static CsvReadResult read(Path file, String displayName, Consumer<Set<CsvField>> beforeRows, Consumer<MemberRow> sink) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(sink, "sink");
        ErrorLog log = new ErrorLog(displayName);
        Checked checked = validate(file, displayName, log);
        Set<CsvField> columns = checked.header() == null ? Set.of() : checked.header().columns();
        List<String> unknown = checked.header() == null ? List.of() : checked.header().unknownColumns();
        if (!log.isEmpty()) {
            return new CsvReadResult(false, log.lines(), columns, unknown, 0, checked.teamSeparator());
        }
        beforeRows.accept(columns);
        long rows = emit(file, displayName, checked, sink);
        return new CsvReadResult(true, List.of(), columns, unknown, rows, checked.teamSeparator());
    }

    /** What pass 1 settled for pass 2: the header (null without one) and the Teams separator. */
    private record Checked(Header header, char teamSeparator) {
    }

    private static Checked validate(Path file, String displayName, ErrorLog log) {
        RowMapper mapper = null;
        try (CsvRecords records = CsvRecords.open(file)) {
            CsvRecord first = records.next();
            if (first == null) {
                log.add(1, 1, "empty file, expected a header row");
                return new Checked(null, ',');
            }
            mapper = RowMapper.validating(Header.parse(first, log), log);
            CsvRecord record;
            while (!log.isFull() && (record = records.next()) != null) {
                if (!record.isBlank()) {
                    mapper.map(record);
                }
            }
        } catch (CsvFormatException e) {
            log.add(e.line(), e.column(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        if (mapper == null) {
            return new Checked(null, ',');   // the header line itself was not text
        }
        // An "Account type" column that is empty throughout keeps Figma's documented meaning, the seat.
        return new Checked(mapper.header().settleAccountType(CsvField.SEAT), mapper.teamSeparator());
    }

    /** Pass 2, read ahead of {@code sink} on a thread of its own ({@link ReadAhead}). */
    private static long emit(Path file, String displayName, Checked checked, Consumer<MemberRow> sink) {
        return ReadAhead.run("csv-read-ahead", out -> emitRows(file, displayName, checked, out), sink);
    }

    private static long emitRows(Path file, String displayName, Checked checked, Consumer<MemberRow> sink) {
        ErrorLog log = new ErrorLog(displayName);
        RowMapper mapper = RowMapper.emitting(checked.header(), checked.teamSeparator(), log);
        long rows = 0;
        try (CsvRecords records = CsvRecords.open(file)) {
            CsvRecord first = records.next();
            if (first == null || !first.cells().equals(checked.header().names())) {
                throw changed(displayName);
            }
            CsvRecord record;
            while ((record = records.next()) != null) {
                if (record.isBlank()) {
                    continue;
                }
                MemberRow row = mapper.map(record);
                if (row == null) {
                    throw changed(displayName);
                }
                sink.accept(row);
                rows++;
            }
        } catch (CsvFormatException e) {
            throw changed(displayName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Pass 2 met something pass 1 did not: the file is not the one that was validated. */
    private static UncheckedIOException changed(String displayName) {
        return new UncheckedIOException(new IOException(displayName + " changed while it was being read"));
    }
}
