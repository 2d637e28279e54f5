package dev.figmascim.bridge.source.csv;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link MemberCsvReader#read} found.
 *
 * @param ok             true when the file had no error and every row went to the sink
 * @param errors         {@code file:line:column: reason} lines in file order, at most 100 plus a final
 *                       {@code "... and more errors (first 100 shown)"} marker; empty when {@code ok}
 * @param columns        the known fields the header has (after resolving "Account type"), in enum order
 * @param unknownColumns header strings that match no alias, in header order: reported, not errors
 * @param rows           rows delivered to the sink; 0 when not {@code ok}, because none are delivered then
 * @param teamSeparator  {@code ';'} when any Teams cell contains a {@code ;}, else {@code ','}
 */
public record CsvReadResult(boolean ok, List<String> errors, Set<CsvField> columns, List<String> unknownColumns,
                            long rows, char teamSeparator) {

    /** Copies the collections, keeping {@code columns} in enum order so results print the same way each time. */
    public CsvReadResult {
        errors = List.copyOf(errors);
        Objects.requireNonNull(columns, "columns");
        columns = Collections.unmodifiableSet(columns.isEmpty() ? EnumSet.noneOf(CsvField.class) : EnumSet.copyOf(columns));
        unknownColumns = List.copyOf(unknownColumns);
    }

    /** Whether the header has this field: an absent column is not the same as an empty cell. */
    public boolean hasColumn(CsvField field) {
        return columns.contains(field);
    }

    /**
     * Whether the file says anything about seats: a SEAT column, or one of the legacy per-product columns
     * the seat is derived from when there is no SEAT column.
     */
    public boolean providesSeat() {
        return hasColumn(CsvField.SEAT) || hasColumn(CsvField.FIGMA_DESIGN) || hasColumn(CsvField.FIGJAM)
                || hasColumn(CsvField.DEV_MODE);
    }
}
