package dev.figmascim.bridge.scim;

import java.util.Locale;

/**
 * A person's given and family name, derived when no source gave them separately. Okta's SCIM checks
 * reject users without a non-empty {@code name.givenName} and {@code name.familyName}, so every member
 * gets both (see docs/scim-mapping.md):
 * <ol>
 *   <li>a full name "Ada Park" splits at its last space: given "Ada", family "Park"
 *       ("Mary Ann Lee" → "Mary Ann" + "Lee");</li>
 *   <li>with no name, the e-mail's local part splits on dots, underscores and hyphens:
 *       "jonas.weber@…" → "Jonas" + "Weber";</li>
 *   <li>a single word is both given and family name ("Cher" → "Cher" + "Cher"), the only choice that
 *       invents nothing.</li>
 * </ol>
 */
public record NameParts(String givenName, String familyName, String formatted) {

    public static NameParts of(String name, String givenName, String familyName, String email) {
        if (notBlank(givenName) && notBlank(familyName)) {
            String formatted = notBlank(name) ? name.trim() : givenName.trim() + " " + familyName.trim();
            return new NameParts(givenName.trim(), familyName.trim(), formatted);
        }
        String full = notBlank(name) ? name.trim().replaceAll("\\s+", " ") : fromEmail(email);
        int space = full.lastIndexOf(' ');
        String given = space < 0 ? full : full.substring(0, space);
        String family = space < 0 ? full : full.substring(space + 1);
        return new NameParts(notBlank(givenName) ? givenName.trim() : given,
                notBlank(familyName) ? familyName.trim() : family, full);
    }

    private static String fromEmail(String email) {
        String local = email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
        StringBuilder out = new StringBuilder();
        for (String word : local.split("[._\\-+]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.isEmpty() ? (local.isEmpty() ? "Unknown" : local) : out.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
