package dev.figmascim.bridge.scim;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Checks each request's query string before any endpoint sees it, in place of Helidon's own check.
 *
 * <p>Helidon 4.2.0's check ({@code server.protocols.http_1_1.validate-prologue}, now off) left ':' out of
 * RFC 3986's {@code pchar}, so {@code filter=meta.lastModified gt "2026-01-01T00:00:00Z"} with its colons
 * unescaped (legal, and what a hand-written URL or a lenient client sends) was refused as a bare 400 with
 * no body. Without any check, an illegal character or a broken {@code %} escape reaches Jersey, whose URI
 * parsing then fails as a 500. Here the query is parsed as {@link URI} parses it (the parser Jersey uses):
 * what it accepts goes on, anything else is a SCIM 400 {@code invalidSyntax} naming the problem.
 */
@ApplicationScoped
public class QueryStringCheck implements HttpService {

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::check);
    }

    private void check(ServerRequest request, ServerResponse response) {
        String problem = problem(request.prologue());
        if (problem == null) {
            response.next();
            return;
        }
        byte[] body = ScimErrorBody.of(400, "invalidSyntax", problem).toString().getBytes(StandardCharsets.UTF_8);
        response.status(Status.BAD_REQUEST_400).header(HeaderNames.CONTENT_TYPE, ScimMediaType.SCIM_JSON).send(body);
    }

    /** Why the request's query string or fragment is not a URI's, or null when it is. */
    static String problem(HttpPrologue prologue) {
        String query = prologue.query().rawValue();
        String fragment = prologue.fragment().hasValue() ? prologue.fragment().rawValue() : null;
        return problem(query, fragment);
    }

    static String problem(String rawQuery, String rawFragment) {
        if (rawQuery.isEmpty() && rawFragment == null) {
            return null;
        }
        String prefix = "http://host/?";
        try {
            new URI(prefix + rawQuery + (rawFragment == null ? "" : "#" + rawFragment));
            return null;
        } catch (URISyntaxException e) {
            int at = e.getIndex() - prefix.length();
            return "the query string is not valid (RFC 3986): " + e.getReason()
                    + (at >= 0 && at < rawQuery.length() ? " at character " + (at + 1) + " of the query" : "")
                    + "; percent-encode the parameter values";
        }
    }
}
