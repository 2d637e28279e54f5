package dev.figmascim.bridge.scim;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * RFC 9865 cursors: an opaque, HMAC-signed token holding the last row's position (sort value and id),
 * the query it belongs to (resource type, filter, sortBy, sortOrder) and when it was issued. A token
 * that was tampered with, or is used with another query, is {@code invalidCursor}; an old one is
 * {@code expiredCursor}. Replicas share cursors when they share {@code bridge.scim.cursor-secret}.
 */
final class CursorCodec {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final char SEP = '\u001f';

    private final byte[] secret;
    private final Duration ttl;

    CursorCodec(String configuredSecret, Duration ttl) {
        if (configuredSecret == null || configuredSecret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.secret = random;
        } else {
            this.secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        }
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    String encode(String resource, ListRequest request, ResourceQuery.Position last) {
        return encode(resource, request, last, false);
    }

    /** A cursor for the page after {@code at}, or (previous) the page before it. */
    String encode(String resource, ListRequest request, ResourceQuery.Position at, boolean previous) {
        String payload = String.join(String.valueOf(SEP), previous ? "p" : "n", resource, queryHash(request),
                at.sortValue() == null ? "" : "v" + ResourceQuery.sortValueToText(at.sortValue()), at.id().toString(),
                Long.toString(Instant.now().getEpochSecond()));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
    }

    /** The position a cursor stands for, after checking it belongs to this query and is still valid. */
    Decoded decode(String token, String resource, ListRequest request) {
        int dot = token.indexOf('.');
        byte[] body;
        byte[] signature;
        try {
            body = B64D.decode(token.substring(0, Math.max(0, dot)));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw invalid();
        }
        if (dot < 1 || !MessageDigest.isEqual(mac(body), signature)) {
            throw invalid();
        }
        String[] parts = new String(body, StandardCharsets.UTF_8).split(String.valueOf(SEP), -1);
        if (parts.length != 6 || !(parts[0].equals("n") || parts[0].equals("p"))) {
            throw invalid();
        }
        if (!parts[1].equals(resource) || !parts[2].equals(queryHash(request))) {
            throw new ScimException(400, "invalidCursor",
                    "the cursor belongs to another query (filter, sortBy and sortOrder must stay the same)");
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[5]));
        if (issued.plus(ttl).isBefore(Instant.now())) {
            throw new ScimException(400, "expiredCursor",
                    "the cursor has expired (cursors are valid for " + ttl.toSeconds() + " s)");
        }
        return new Decoded(parts[3].isEmpty() ? null : parts[3].substring(1), UUID.fromString(parts[4]), parts[0].equals("p"));
    }

    /** A decoded cursor: the sort value as text (null when absent), the id, and whether it points backwards. */
    record Decoded(String sortValueText, UUID id, boolean previous) {
    }

    private static ScimException invalid() {
        return new ScimException(400, "invalidCursor", "the cursor is not one this service issued");
    }

    /** The query a cursor belongs to; SCIMple's canonical filter text, so spacing and case of keywords do not matter. */
    private static String queryHash(ListRequest request) {
        try {
            String q = (request.filter() == null ? "" : request.filter().toFilter()) + SEP
                    + (request.sortBy() == null ? "" : request.sortBy().toLowerCase(java.util.Locale.ROOT)) + SEP + request.descending();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(q.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
