package dev.figmascim.bridge.source.csv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stable text form of a read that the golden files ({@code expected.txt}) hold: a summary of the
 * result, then one block per row listing every non-null component in declaration order. Components are
 * found by reflection, so a component added to {@link MemberRow} shows up in every golden diff. Line
 * breaks inside values are written as {@code \n} / {@code \r} to keep one value per line.
 */
final class CsvRowDump {

    private final StringBuilder rows = new StringBuilder();

    private CsvRowDump() {
    }

    static CsvRowDump create() {
        return new CsvRowDump();
    }

    /** Adds one row; used as the reader's sink. */
    void add(MemberRow row) {
        rows.append("\nline ").append(row.line()).append('\n');
        for (RecordComponent component : MemberRow.class.getRecordComponents()) {
            if (component.getName().equals("line")) {
                continue;
            }
            Object value = valueOf(component, row);
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            rows.append("  ").append(component.getName()).append(": ").append(format(value)).append('\n');
        }
    }

    /** The whole dump: the result's summary, then the rows in the order the sink got them. */
    String render(CsvReadResult result) {
        StringBuilder out = new StringBuilder();
        out.append("columns: ").append(result.columns().stream().map(Enum::name).collect(Collectors.joining(" "))).append('\n');
        if (!result.unknownColumns().isEmpty()) {
            out.append("unknown columns: ").append(String.join(" | ", result.unknownColumns())).append('\n');
        }
        out.append("team separator: ").append(result.teamSeparator()).append('\n');
        out.append("rows: ").append(result.rows()).append('\n');
        return out.append(rows).toString();
    }

    private static Object valueOf(RecordComponent component, MemberRow row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(entry -> {
                TeamEntry team = (TeamEntry) entry;
                return escape(team.name()) + " [" + team.role() + "]";
            }).collect(Collectors.joining(" | "));
        }
        return escape(String.valueOf(value));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
