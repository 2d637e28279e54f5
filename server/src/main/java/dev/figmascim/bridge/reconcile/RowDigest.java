package dev.figmascim.bridge.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A 128-bit digest (SHA-256, truncated) of one member report as the engine reads it: e-mail, every
 * field and value, the team list. Two reports with the same digest propose the same change to the same
 * member, so a member that has not changed since its last CSV row was applied, and that is reported
 * with the same digest, is unchanged without being loaded (docs/reconciliation.md, "Unchanged rows").
 * Not thread-safe: one per run.
 */
final class RowDigest {

    /** Bumped when what goes into a digest changes, so that old digests never match new ones. */
    private static final String FORMAT = "1";
    private static final char SEPARATOR = '\u0000';
    private static final String NULL = "\u0001";

    private final MessageDigest sha256;
    private final StringBuilder text = new StringBuilder(512);

    RowDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String of(IncomingMember in) {
        text.setLength(0);
        text.append(FORMAT).append(SEPARATOR).append(in.email());
        for (Map.Entry<MemberField, Object> e : in.values().entrySet()) {
            text.append(SEPARATOR).append(e.getKey().name()).append('=').append(e.getValue() == null ? NULL : e.getValue().toString());
        }
        text.append(SEPARATOR).append("teams");
        if (in.teams() == null) {
            text.append(NULL);
        } else {
            for (IncomingMember.TeamAssignment a : in.teams()) {
                text.append(SEPARATOR).append(a.team()).append(SEPARATOR).append(a.role().name());
            }
        }
        text.append(SEPARATOR).append("operations").append(in.teamOperations()).append(SEPARATOR).append(in.managerFigmaUserId());
        byte[] digest = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
