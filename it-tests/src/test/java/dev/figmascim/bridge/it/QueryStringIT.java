package dev.figmascim.bridge.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.figmascim.bridge.it.container.BridgeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query strings as they arrive on the wire, sent over a plain socket so that no client library escapes
 * them: what RFC 3986 allows unescaped (':' and '@' in a dateTime or an e-mail) is answered, anything else
 * is a SCIM 400 {@code invalidSyntax}, never a bare 400 or a 500.
 */
class QueryStringIT extends BridgeIT {

    /** Status, Content-Type and body of one GET of {@code target} exactly as written. */
    private record Raw(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return Http.JSON.readTree(body);
        }
    }

    private Raw rawGet(String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + BridgeContainer.current().token()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Read by Content-Length: Helidon keeps the socket open after answering, Connection: close or not.
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            while (!headBytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed in the headers: " + headBytes);
                }
                headBytes.write(b);
            }
            String head = headBytes.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = header(head, "content-type");
            String body = new String(in.readNBytes(Integer.parseInt(header(head, "content-length"))), StandardCharsets.UTF_8);
            return new Raw(status, contentType, body);
        }
    }

    private static String header(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("0");
    }

    @Test
    void unescapedColonsAndAtSignsAreAnswered() throws IOException {
        Raw dated = rawGet("/scim/v2/Users?filter=meta.lastModified%20gt%20%222000-01-01T00:00:00Z%22&count=0");
        assertEquals(200, dated.status(), dated.body());
        assertTrue(dated.json().get("totalResults").asInt() > 0, dated.body());

        Raw email = rawGet("/scim/v2/Users?filter=userName%20eq%20%22nobody@example.com%22"
                + "&attributes=urn:ietf:params:scim:schemas:core:2.0:User:userName");
        assertEquals(200, email.status(), email.body());
        assertEquals(0, email.json().get("totalResults").asInt(), email.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"filter=title%20eq%20%22a|b%22", "filter=title%20eq%20\"a\"", "filter=title%20eq%20%22{a}%22",
        "filter=%zz", "count=1&%", "filter=title%20eq%20%22a^b%22", "filter=title%20eq%20%22<a>%22"})
    void anIllegalQueryStringIsAScimInvalidSyntax(String query) throws IOException {
        Raw answer = rawGet("/scim/v2/Users?" + query);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/scim+json"), answer.contentType());
        JsonNode body = answer.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.get("schemas").get(0).asText());
        assertEquals("400", body.get("status").asText());
        assertEquals("invalidSyntax", body.get("scimType").asText());
        assertTrue(body.get("detail").asText().contains("query string"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }
}
