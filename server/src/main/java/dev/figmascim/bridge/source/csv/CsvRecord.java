package dev.figmascim.bridge.source.csv;

import java.util.List;

/**
 * One CSV record as the parser split it, before any meaning is given to it.
 *
 * @param line  physical 1-based line of the file where the record starts (a quoted cell may span lines)
 * @param cells the raw cells, untrimmed
 */
record CsvRecord(int line, List<String> cells) {

    CsvRecord {
        cells = List.copyOf(cells);
    }

    int size() {
        return cells.size();
    }

    /** The cell at a 0-based index; a row shorter than the header has empty cells at the end. */
    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** A record of empty cells only, as spreadsheets leave after the data ({@code ,,,,}). */
    boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
