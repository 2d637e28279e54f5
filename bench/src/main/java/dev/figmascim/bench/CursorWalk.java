package dev.figmascim.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks every SCIM User by RFC 9865 cursor as a Java sync client does: one HTTP/1.1 keep-alive connection,
 * every id checked for repeats. Prints {@code <users> <pages> <milliseconds>}. The walk bench/scim/run.sh
 * times. It replaced a Python walker whose json.loads alone took longer than the server needs to answer
 * (docs/BENCHMARKS.md).
 *
 * <p>How a page is read, by {@code PARSE}: {@code tree} (the default) parses it into a Jackson tree, as a
 * client that maps pages to objects does; {@code tokens} reads every value of every resource as a string
 * with Jackson's streaming parser and builds nothing, as the streaming SELECT it is compared with reads
 * every column of every row. On two shared cores the tree walker's own CPU (~2.8 s a walk against the
 * server's ~1.1 s) was most of what the walk measured.
 *
 * <p>usage: {@code CursorWalk <base-url> <count> [walks]} with the bearer token in {@code TOKEN}; one line per walk,
 * all in one JVM. With {@code WARM_UP=Groups}, three untimed walks of that resource type first compile the
 * client; without, the first walk also compiles the client.
 */
public final class CursorWalk {

    private CursorWalk() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        int walks = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Fetcher client = fetcher();
        String warmUp = System.getenv("WARM_UP");
        if (warmUp != null && !warmUp.isBlank()) {
            // The client's own JIT warm-up, on another resource type so the Users walks stay first for the
            // server: the first walk of a cold client JVM spent ~2 s compiling the client (docs/BENCHMARKS.md).
            for (int i = 0; i < 3; i++) {
                System.err.println("warm-up " + warmUp + ": " + walk(client, base, warmUp, args[1], System.getenv("TOKEN")));
            }
        }
        for (int i = 0; i < walks; i++) {
            System.out.println(walk(client, base, "Users", args[1], System.getenv("TOKEN")));
        }
    }

    /** One page as the walk needs it: its resources' ids (added to {@code seen}) and the next cursor. */
    private interface PageReader {
        /** The next cursor, or null on the last page; exits on a repeated id. */
        String read(InputStream body, Set<String> seen) throws IOException;
    }

    private static PageReader reader(ObjectMapper json) {
        String parse = System.getenv().getOrDefault("PARSE", "tree");
        return switch (parse) {
            case "tree" -> (in, seen) -> {
                JsonNode body = json.readTree(in);
                for (JsonNode user : body.get("Resources")) {
                    see(seen, user.get("id").asText());
                }
                return body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
            };
            case "tokens" -> (in, seen) -> {
                try (JsonParser p = json.getFactory().createParser(in)) {
                    return readTokens(p, seen);
                }
            };
            default -> throw new IllegalArgumentException("PARSE is tree or tokens, not " + parse);
        };
    }

    /** A ListResponse read token by token: every scalar of every resource read as text, nothing built. */
    private static String readTokens(JsonParser p, Set<String> seen) throws IOException {
        String next = null;
        long chars = 0;
        expect(p.nextToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("nextCursor".equals(field)) {
                next = value == JsonToken.VALUE_NULL ? null : p.getText();
            } else if ("Resources".equals(field)) {
                expect(value, JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String id = null;
                    int depth = 1;
                    while (depth > 0) {
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            depth++;
                        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                            depth--;
                        } else if (t.isScalarValue()) {
                            String text = p.getText();
                            chars += text.length();
                            if (depth == 1 && "id".equals(p.currentName())) {
                                id = text;
                            }
                        }
                    }
                    see(seen, id);
                }
            } else {
                p.skipChildren();
            }
        }
        return chars >= 0 ? next : null;
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            System.err.println("expected " + wanted + ", read " + actual);
            System.exit(1);
        }
    }

    private static void see(Set<String> seen, String id) {
        if (id == null || !seen.add(id)) {
            System.err.println("user " + id + (id == null ? " (no id)" : " seen twice"));
            System.exit(1);
        }
    }

    /** One page's body, opened by one of two JDK clients (CLIENT): java.net.http's HttpClient or HttpURLConnection. */
    private interface Fetcher {
        /** The body of a 200 answer; exits on another status. */
        InputStream open(URI page, String token) throws IOException, InterruptedException;
    }

    private static Fetcher fetcher() {
        String name = System.getenv().getOrDefault("CLIENT", "httpclient");
        return switch (name) {
            case "httpclient" -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                yield (page, token) -> {
                    HttpRequest request = HttpRequest.newBuilder(page).header("Authorization", "Bearer " + token).build();
                    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    return ok(page, response.statusCode(), response.body());
                };
            }
            case "urlconnection" -> (page, token) -> {
                // Keeps the connection alive between pages once each body has been read to its end and closed.
                HttpURLConnection connection = (HttpURLConnection) page.toURL().openConnection();
                connection.setRequestProperty("Authorization", "Bearer " + token);
                int status = connection.getResponseCode();
                return ok(page, status, status < 400 ? connection.getInputStream() : connection.getErrorStream());
            };
            default -> throw new IllegalArgumentException("CLIENT is httpclient or urlconnection, not " + name);
        };
    }

    private static InputStream ok(URI page, int status, InputStream body) throws IOException {
        if (status != 200) {
            System.err.println(page + ": HTTP " + status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            System.exit(1);
        }
        return body;
    }

    private static String walk(Fetcher fetcher, String base, String resource, String count, String token)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        PageReader pageReader = reader(json);
        Set<String> seen = new HashSet<>();
        int pages = 0;
        long start = System.nanoTime();
        String cursor = "";
        while (cursor != null) {
            String query = "count=" + count + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            try (InputStream in = fetcher.open(URI.create(base + "scim/v2/" + resource + "?" + query), token)) {
                cursor = pageReader.read(in, seen);
            }
            pages++;
        }
        return seen.size() + " " + pages + " " + (System.nanoTime() - start) / 1_000_000;
    }
}
