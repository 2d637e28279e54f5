package dev.figmascim.fakefigma;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler needs from an exchange, decoupled from {@code HttpExchange} so handlers stay simple. */
record Request(String method, String path, String rawQuery, Map<String, String> query, Headers headers, byte[] body) {

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The value of {@code Authorization: Bearer <value>}, or null; the scheme is case-insensitive (RFC 6750). */
    String bearer() {
        String value = header("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return value.substring(7).trim();
    }

    boolean hasAuthHeader() {
        return header("Authorization") != null || header("X-Figma-Token") != null;
    }

    /** Decodes {@code a=1&b=x%20y}; a repeated name keeps its first value, as most servers do. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }
}
