package dev.figmascim.bridge.source.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of Figma's member CSV that the reader understands, each with the header strings it is known
 * by. Figma does not publish the exact header strings and has changed them (figma-domain.md §5), so a
 * header matches a field through {@link #aliases()} after normalisation: lower-cased, everything but
 * letters and digits dropped ({@code "E-mail"}, {@code "email"} and {@code "E MAIL"} are the same).
 *
 * <p>"Account type" is ambiguous: Figma's legacy exports use it for the seat (Starter / Full /
 * Restricted), some views use it for the org role (Admin / Member / Guest). It is listed under
 * {@link #SEAT} and resolved per file, see {@code docs/csv-format.md} ("Account type").
 */
public enum CsvField {
    EMAIL("Email", "E-mail", "Email address", "E-mail address", "User email"),
    NAME("Name", "Full name", "Display name"),
    ROLE("Role", "Org role", "Organization role", "Organisation role"),
    SEAT("Seat", "Seat type", "Seat name", "Account type", "License", "Licence", "License type"),
    TITLE("Job title", "Title"),
    DATE_ADDED("Date added", "Date joined", "Joined", "Added"),
    DATE_UPGRADED("Date upgraded", "Upgraded"),
    LAST_EDIT("Last edit", "Last edited"),
    LAST_ACTIVE("Last active", "Last seen", "Last activity"),
    TEAMS("Teams", "Team"),
    WORKSPACE("Workspace"),
    BILLING_GROUP("Billing group"),
    COST_CENTER("Cost center", "Cost center ID", "Cost centre", "Cost centre ID"),
    DIVISION("Division"),
    DEPARTMENT("Department"),
    EMPLOYEE_NUMBER("Employee number", "Employee ID"),
    MANAGER("Manager", "Manager email"),
    ORGANIZATION("Organization", "Organisation"),
    /**
     * Legacy per-product seat (before March 2025, figma-domain.md §6): Editor/Full, Viewer or
     * Viewer-restricted. When the file has no {@link #SEAT} column the seat is derived from the three
     * product columns: Figma Design Editor &rarr; FULL; else Dev Mode Full &rarr; DEV; else FigJam Editor
     * &rarr; COLLAB; else any Viewer &rarr; VIEW; else (only Viewer-restricted) &rarr; RESTRICTED.
     */
    FIGMA_DESIGN("Figma Design", "Figma Design seat"),
    /** Legacy FigJam seat; see {@link #FIGMA_DESIGN} for how the seat is derived. */
    FIGJAM("FigJam", "FigJam seat"),
    /** Legacy Dev Mode seat; see {@link #FIGMA_DESIGN} for how the seat is derived. */
    DEV_MODE("Dev Mode", "Dev Mode seat");

    /** The normalised form of the one alias whose meaning depends on the file's values. */
    static final String ACCOUNT_TYPE = "accounttype";

    private static final Map<String, CsvField> BY_ALIAS = new HashMap<>();

    static {
        for (CsvField field : values()) {
            for (String alias : field.aliases) {
                CsvField clash = BY_ALIAS.put(normalise(alias), field);
                if (clash != null && clash != field) {
                    // A clash would make header matching depend on declaration order: fail loudly instead.
                    // (Spellings of one field may normalise alike: "Email" and "E-mail" are both listed for docs.)
                    throw new IllegalStateException("alias '" + alias + "' of " + field + " also matches " + clash);
                }
            }
        }
    }

    private final List<String> aliases;

    CsvField(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** The header strings this field is recognised by; the first is the one Figma's current export uses. */
    public List<String> aliases() {
        return aliases;
    }

    /** The first alias, used to name the field in messages. */
    String label() {
        return aliases.get(0);
    }

    /** The field a header string names, or null when it names none. */
    static CsvField forHeader(String header) {
        return BY_ALIAS.get(normalise(header));
    }

    /** Lower-case, letters and digits only: how headers and vocabulary words are compared. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
