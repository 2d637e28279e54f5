package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.source.csv.LegacySeats.ProductSeat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns records into {@link MemberRow}s, reporting each bad cell to the {@link ErrorLog} with its line
 * and 1-based column. One instance serves one pass over one file, because it carries state across rows:
 * in the validation pass the first line of every e-mail (for duplicates), whether any Teams cell holds a
 * {@code ;}, and the settled meaning of an "Account type" column.
 */
final class RowMapper {

    private final ErrorLog log;
    private final boolean validating;
    private final char teamSeparator;
    /** Lower-cased e-mail to the line it was first seen on; the only per-row state kept, and only in pass 1. */
    private final Map<String, Integer> firstLines;
    private Header header;
    private boolean semicolonInTeams;
    private boolean rowFailed;

    private RowMapper(Header header, ErrorLog log, boolean validating, char teamSeparator) {
        this.header = header;
        this.log = log;
        this.validating = validating;
        this.teamSeparator = teamSeparator;
        this.firstLines = validating ? new HashMap<>() : Map.of();
    }

    /**
     * Pass 1: checks every cell and e-mail uniqueness. Teams are not split yet, because the separator
     * depends on every Teams cell of the file; the rows it returns have no teams.
     */
    static RowMapper validating(Header header, ErrorLog log) {
        return new RowMapper(header, log, true, ',');
    }

    /** Pass 2: builds the full rows with the separator pass 1 decided. */
    static RowMapper emitting(Header header, char teamSeparator, ErrorLog log) {
        return new RowMapper(header, log, false, teamSeparator);
    }

    /** The header, with "Account type" settled if a row decided it. */
    Header header() {
        return header;
    }

    /** The Teams separator the rows seen so far call for: {@code ;} once any Teams cell contains one. */
    char teamSeparator() {
        return semicolonInTeams ? ';' : ',';
    }

    /**
     * Maps one non-blank data record; returns null when it has an error (already logged) or, while the
     * header lacks an e-mail column, no e-mail. A row longer than the header is reported once and its cells
     * are not checked: the extra cell usually means an unquoted comma shifted all that follow.
     */
    MemberRow map(CsvRecord record) {
        rowFailed = false;
        if (record.size() > header.size()) {
            log.add(record.line(), header.size() + 1,
                    "row has " + record.size() + " fields, header has " + header.size());
            return null;
        }
        settleAccountType(record);
        String email = email(record);
        String name = text(record, CsvField.NAME);
        OrgRole role = value(record, CsvField.ROLE, Values::role);
        SeatType seat = header.has(CsvField.SEAT) ? value(record, CsvField.SEAT, Values::seat) : legacySeat(record);
        String title = text(record, CsvField.TITLE);
        Instant added = value(record, CsvField.DATE_ADDED, Values::date);
        Instant upgraded = value(record, CsvField.DATE_UPGRADED, Values::date);
        Instant lastEdit = value(record, CsvField.LAST_EDIT, Values::date);
        Instant lastActive = value(record, CsvField.LAST_ACTIVE, Values::date);
        List<TeamEntry> teams = teams(record);
        String manager = value(record, CsvField.MANAGER, cell -> Values.email(cell, "manager e-mail"));
        if (rowFailed || email == null) {
            return null;
        }
        return new MemberRow(record.line(), email, name, role, seat, title, added, upgraded, lastEdit, lastActive, teams,
                text(record, CsvField.WORKSPACE), text(record, CsvField.BILLING_GROUP), text(record, CsvField.COST_CENTER),
                text(record, CsvField.DIVISION), text(record, CsvField.DEPARTMENT), text(record, CsvField.EMPLOYEE_NUMBER),
                manager, text(record, CsvField.ORGANIZATION));
    }

    private void settleAccountType(CsvRecord record) {
        if (header.accountTypePending()) {
            String cell = record.cell(header.accountTypeColumn()).strip();
            if (!cell.isEmpty()) {
                header = header.settleAccountType(Values.isRole(cell) ? CsvField.ROLE : CsvField.SEAT);
            }
        }
    }

    private String email(CsvRecord record) {
        int column = header.column(CsvField.EMAIL);
        if (column < 0) {
            return null;
        }
        String cell = record.cell(column).strip();
        if (cell.isEmpty()) {
            fail(record, column, "empty e-mail");
            return null;
        }
        String email = value(record, CsvField.EMAIL, c -> Values.email(c, "e-mail"));
        if (email != null && validating) {
            Integer first = firstLines.putIfAbsent(email.toLowerCase(Locale.ROOT), record.line());
            if (first != null) {
                fail(record, column, "duplicate e-mail '" + email + "' (first on line " + first + ")");
            }
        }
        return email;
    }

    private SeatType legacySeat(CsvRecord record) {
        ProductSeat design = value(record, CsvField.FIGMA_DESIGN, cell -> Values.productSeat(CsvField.FIGMA_DESIGN, cell));
        ProductSeat devMode = value(record, CsvField.DEV_MODE, cell -> Values.productSeat(CsvField.DEV_MODE, cell));
        ProductSeat figjam = value(record, CsvField.FIGJAM, cell -> Values.productSeat(CsvField.FIGJAM, cell));
        return LegacySeats.derive(design, devMode, figjam);
    }

    private List<TeamEntry> teams(CsvRecord record) {
        int column = header.column(CsvField.TEAMS);
        if (column < 0) {
            return List.of();
        }
        String cell = record.cell(column);
        if (validating) {
            semicolonInTeams |= cell.indexOf(';') >= 0;
            return List.of();
        }
        return Values.teams(cell, teamSeparator);
    }

    /** A trimmed text cell; null when the column is absent or the cell empty. */
    private String text(CsvRecord record, CsvField field) {
        int column = header.column(field);
        if (column < 0) {
            return null;
        }
        String cell = record.cell(column).strip();
        return cell.isEmpty() ? null : cell;
    }

    /** A cell through its parser; null when absent or empty, or (after logging) when the parser rejects it. */
    private <T> T value(CsvRecord record, CsvField field, Function<String, T> parser) {
        String cell = text(record, field);
        if (cell == null) {
            return null;
        }
        try {
            return parser.apply(cell);
        } catch (CellException e) {
            fail(record, header.column(field), e.getMessage());
            return null;
        }
    }

    private void fail(CsvRecord record, int column, String reason) {
        rowFailed = true;
        log.add(record.line(), column + 1, reason);
    }
}
