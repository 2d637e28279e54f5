package dev.figmascim.bridge.scim;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * RFC 7643 §2.3.5 dateTime values, always with an offset ({@code 2026-01-02T03:04:05Z}): SCIMple's
 * own writer omits the zone, which strict clients such as UnboundID's refuse.
 */
final class ScimDates {

    private ScimDates() {
    }

    static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
