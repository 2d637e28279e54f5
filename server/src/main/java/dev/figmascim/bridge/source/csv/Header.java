package dev.figmascim.bridge.source.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row resolved into known fields and their 0-based column indexes. Immutable, except that the
 * meaning of an "Account type" column may only be settled by the first row that has a value in it.
 *
 * <p>"Account type" rule (figma-domain.md §5 and §6 use the name for both the seat and the org role):
 * with another Role column in the file it is the SEAT; with another Seat column it is the ROLE; with
 * neither, it is the ROLE if its first non-empty cell is Admin/Member/Guest, else the SEAT (Figma's
 * documented meaning, also when the column is empty throughout).
 */
final class Header {

    private final int line;
    private final List<String> names;
    private final Map<CsvField, Integer> index;
    private final List<String> unknown;
    private final int pendingAccountType;

    private Header(int line, List<String> names, Map<CsvField, Integer> index, List<String> unknown,
                   int pendingAccountType) {
        this.line = line;
        this.names = names;
        this.index = index;
        this.unknown = unknown;
        this.pendingAccountType = pendingAccountType;
    }

    /** Resolves a header record, reporting duplicate known columns and a missing e-mail column to {@code log}. */
    static Header parse(CsvRecord record, ErrorLog log) {
        Map<CsvField, Integer> index = new EnumMap<>(CsvField.class);
        List<String> unknown = new ArrayList<>();
        int accountType = -1;
        for (int i = 0; i < record.size(); i++) {
            String name = record.cell(i).strip();
            if (name.isEmpty()) {
                continue;   // an unnamed column (often a trailing comma): nothing to map or report
            }
            if (CsvField.normalise(name).equals(CsvField.ACCOUNT_TYPE)) {
                if (accountType >= 0) {
                    log.add(record.line(), i + 1, duplicate(name, accountType, record));
                } else {
                    accountType = i;
                }
                continue;
            }
            CsvField field = CsvField.forHeader(name);
            if (field == null) {
                unknown.add(name);
            } else if (index.containsKey(field)) {
                log.add(record.line(), i + 1, duplicate(name, index.get(field), record));
            } else {
                index.put(field, i);
            }
        }
        int pending = -1;
        if (accountType >= 0) {
            if (index.containsKey(CsvField.ROLE)) {
                claim(index, CsvField.SEAT, accountType, record, log);
            } else if (index.containsKey(CsvField.SEAT)) {
                index.put(CsvField.ROLE, accountType);
            } else {
                pending = accountType;
            }
        }
        if (!index.containsKey(CsvField.EMAIL)) {
            log.add(record.line(), 1, "no e-mail column in the header (expected one of: Email, E-mail, Email address)");
        }
        return new Header(record.line(), record.cells(), index, List.copyOf(unknown), pending);
    }

    private static void claim(Map<CsvField, Integer> index, CsvField field, int column, CsvRecord record, ErrorLog log) {
        Integer first = index.putIfAbsent(field, column);
        if (first != null) {
            log.add(record.line(), column + 1, duplicate(record.cell(column).strip(), first, record));
        }
    }

    private static String duplicate(String name, int firstColumn, CsvRecord record) {
        return "duplicate column '" + name + "': column " + (firstColumn + 1) + " '" + record.cell(firstColumn).strip()
                + "' already holds the same field";
    }

    /** Whether the meaning of the "Account type" column still waits for its first value. */
    boolean accountTypePending() {
        return pendingAccountType >= 0;
    }

    /** The 0-based index of the unsettled "Account type" column; only while {@link #accountTypePending()}. */
    int accountTypeColumn() {
        return pendingAccountType;
    }

    /** This header with the "Account type" column read as {@code field} (ROLE or SEAT). */
    Header settleAccountType(CsvField field) {
        if (pendingAccountType < 0) {
            return this;
        }
        Map<CsvField, Integer> settled = new EnumMap<>(index);
        settled.put(field, pendingAccountType);
        return new Header(line, names, settled, unknown, -1);
    }

    /** Line of the header record. */
    int line() {
        return line;
    }

    /** The header cells as written, to check that the second pass reads the same file. */
    List<String> names() {
        return names;
    }

    /** Number of cells in the header: a longer row is an error. */
    int size() {
        return names.size();
    }

    boolean has(CsvField field) {
        return index.containsKey(field);
    }

    /** The 0-based column of {@code field}, or -1 when the header lacks it. */
    int column(CsvField field) {
        Integer column = index.get(field);
        return column == null ? -1 : column;
    }

    /** Known fields present; an unsettled "Account type" counts as SEAT, its default meaning. */
    Set<CsvField> columns() {
        Set<CsvField> columns = index.isEmpty() ? EnumSet.noneOf(CsvField.class) : EnumSet.copyOf(index.keySet());
        if (pendingAccountType >= 0) {
            columns.add(CsvField.SEAT);
        }
        return Collections.unmodifiableSet(columns);
    }

    List<String> unknownColumns() {
        return unknown;
    }
}
