package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.OrgRole;
import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.model.TeamRole;
import dev.figmascim.bridge.source.csv.LegacySeats.ProductSeat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value vocabularies of the member CSV. Every parser takes a trimmed, non-empty cell and either
 * returns the value or throws {@link CellException} with the reason. Words are compared after
 * {@link CsvField#normalise} so case, spaces and hyphens do not matter ("Viewer-restricted" =
 * "viewer restricted"). The tables are the documentation: see {@code docs/csv-format.md}.
 */
final class Values {

    static final String DATE_EXAMPLES = "(expected e.g. 2026-05-02, 2026-05-02T10:00:00Z, 5/2/2026 or May 2, 2026)";

    /** figma-domain.md §6: Admin, Member, Guest; the Admin Console also says "Organization admin". */
    private static final Map<String, OrgRole> ROLES = Map.of(
            "admin", OrgRole.ADMIN, "orgadmin", OrgRole.ADMIN, "organizationadmin", OrgRole.ADMIN,
            "organisationadmin", OrgRole.ADMIN, "member", OrgRole.MEMBER, "guest", OrgRole.GUEST);

    /** Seats since March 2025 (Full/Dev/Collab/View), legacy account types, and the older product words. */
    private static final Map<String, SeatType> SEATS = Map.ofEntries(
            Map.entry("full", SeatType.FULL), Map.entry("fullseat", SeatType.FULL),
            Map.entry("editor", SeatType.FULL), Map.entry("professional", SeatType.FULL),
            Map.entry("dev", SeatType.DEV), Map.entry("devseat", SeatType.DEV),
            Map.entry("collab", SeatType.COLLAB), Map.entry("collabseat", SeatType.COLLAB),
            Map.entry("view", SeatType.VIEW), Map.entry("viewseat", SeatType.VIEW), Map.entry("viewer", SeatType.VIEW),
            Map.entry("starter", SeatType.STARTER),
            Map.entry("restricted", SeatType.RESTRICTED), Map.entry("viewerrestricted", SeatType.RESTRICTED));

    private static final Map<String, ProductSeat> PRODUCT_SEATS = Map.of(
            "editor", ProductSeat.EDITOR, "full", ProductSeat.EDITOR,
            "viewer", ProductSeat.VIEWER, "view", ProductSeat.VIEWER,
            "viewerrestricted", ProductSeat.RESTRICTED, "restricted", ProductSeat.RESTRICTED);

    /** figma-domain.md §6 team roles; the share dialog's "can edit" / "can view" are Editor and Viewer. */
    private static final Map<String, TeamRole> TEAM_ROLES = Map.of(
            "owner", TeamRole.OWNER, "admin", TeamRole.ADMIN,
            "editor", TeamRole.EDITOR, "canedit", TeamRole.EDITOR,
            "viewer", TeamRole.VIEWER, "canview", TeamRole.VIEWER);

    /** Cells that say "no date": Figma writes a dash or "Never" for members who never edited. */
    private static final Set<String> NO_DATE = Set.of("never", "-", "\u2013", "\u2014", "n/a");

    private static final Map<String, Month> MONTHS = months();

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}.*)");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern NAMED_MONTH = Pattern.compile("(\\p{Alpha}+)\\.? +(\\d{1,2})(?:, *| +)(\\d{4})");

    private Values() {
    }

    /** An org role: Admin, Member or Guest (also "Organization admin" / "Org admin"). */
    static OrgRole role(String cell) {
        OrgRole role = ROLES.get(CsvField.normalise(cell));
        if (role == null) {
            throw new CellException("unknown role '" + cell + "' (expected Admin, Member or Guest)");
        }
        return role;
    }

    /** Whether a cell is an org-role word; decides what an "Account type" column holds. */
    static boolean isRole(String cell) {
        return ROLES.containsKey(CsvField.normalise(cell));
    }

    /** A seat: Full, Dev, Collab, View, Starter, Restricted and their spellings in {@link #SEATS}. */
    static SeatType seat(String cell) {
        SeatType seat = SEATS.get(CsvField.normalise(cell));
        if (seat == null) {
            throw new CellException("unknown seat '" + cell + "' (expected Full, Dev, Collab, View, Starter or Restricted)");
        }
        return seat;
    }

    /** A legacy per-product seat: Editor/Full, Viewer or Viewer-restricted. */
    static ProductSeat productSeat(CsvField product, String cell) {
        ProductSeat seat = PRODUCT_SEATS.get(CsvField.normalise(cell));
        if (seat == null) {
            throw new CellException("unknown " + product.label() + " seat '" + cell
                    + "' (expected Editor, Full, Viewer or Viewer-restricted)");
        }
        return seat;
    }

    /**
     * A date or timestamp, as an instant at UTC; {@code null} for the "no date" words (Never, -, N/A, en and
     * em dash). Accepted: ISO date {@code 2026-05-02} (midnight UTC); ISO timestamp with {@code Z} or an
     * offset, or without one (then taken as UTC), {@code T} or a space before the time; US {@code M/d/yyyy};
     * English month name or abbreviation {@code May 2, 2026} / {@code Sep 3, 2026} / {@code September 3, 2026}.
     * Impossible dates (2/30/2026) are errors, not rolled over.
     */
    static Instant date(String cell) {
        if (NO_DATE.contains(cell.toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            Instant parsed = parseDate(cell);
            if (parsed != null) {
                return parsed;
            }
        } catch (DateTimeException e) {
            // falls through to the one message that lists what is accepted
        }
        throw new CellException("cannot read date '" + cell + "' " + DATE_EXAMPLES);
    }

    private static Instant parseDate(String cell) {
        if (ISO_DATE.matcher(cell).matches()) {
            // The pattern fixed the positions; LocalDate.of still rejects 2026-02-30. (LocalDate.parse's
            // formatter was half of pass 1's time on a 100k-row file with four date columns.)
            return LocalDate.of(Integer.parseInt(cell, 0, 4, 10), Integer.parseInt(cell, 5, 7, 10), Integer.parseInt(cell, 8, 10, 10))
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        Matcher m = ISO_DATE_TIME.matcher(cell);
        if (m.matches()) {
            String iso = m.group(1) + 'T' + m.group(2);
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeException noOffset) {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
        }
        m = US_DATE.matcher(cell);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        m = NAMED_MONTH.matcher(cell);
        if (m.matches()) {
            Month month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)))
                        .atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
        return null;
    }

    /**
     * An e-mail: exactly one {@code @} with text on both sides and no white space. Deliberately loose
     * beyond that: the CSV comes from Figma, which already accepted the address.
     */
    static String email(String cell, String what) {
        int at = cell.indexOf('@');
        boolean ok = at > 0 && at == cell.lastIndexOf('@') && at < cell.length() - 1
                && cell.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
        if (!ok) {
            throw new CellException("invalid " + what + " '" + cell + "'");
        }
        return cell;
    }

    /**
     * A Teams cell: split on the file's separator (and on line breaks, which some spreadsheets put between
     * entries), each entry trimmed, empty entries dropped, and entries naming the same team (ignoring case)
     * kept once, the first one winning. See {@link #teamEntry} for roles.
     */
    static List<TeamEntry> teams(String cell, char separator) {
        List<TeamEntry> teams = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == separator || cell.charAt(i) == '\n' || cell.charAt(i) == '\r') {
                String entry = cell.substring(start, i).strip();
                start = i + 1;
                if (!entry.isEmpty()) {
                    TeamEntry team = teamEntry(entry);
                    if (seen.add(team.name().toLowerCase(Locale.ROOT))) {
                        teams.add(team);
                    }
                }
            }
        }
        return teams;
    }

    /**
     * {@code "Web App (Owner)"} &rarr; ("Web App", OWNER). Only a trailing parenthesis holding a team-role
     * word is a role; anything else, such as {@code "Research (2024)"}, is part of the team's name and the
     * role is UNKNOWN, because team names may contain parentheses.
     */
    static TeamEntry teamEntry(String entry) {
        int open = entry.lastIndexOf('(');
        if (entry.endsWith(")") && open > 0) {
            TeamRole role = TEAM_ROLES.get(CsvField.normalise(entry.substring(open + 1, entry.length() - 1)));
            String name = entry.substring(0, open).strip();
            if (role != null && !name.isEmpty()) {
                return new TeamEntry(name, role);
            }
        }
        return new TeamEntry(entry, TeamRole.UNKNOWN);
    }

    /** English month names and abbreviations, spelled out here so parsing does not depend on locale data. */
    private static Map<String, Month> months() {
        Map<String, Month> months = new HashMap<>();
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            months.put(name, month);
            months.put(name.substring(0, 3), month);
        }
        months.put("sept", Month.SEPTEMBER);
        return Map.copyOf(months);
    }
}
