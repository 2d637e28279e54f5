package dev.figmascim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
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
 * every page parsed into a Jackson tree, every id checked for repeats. Prints
 * {@code <users> <pages> <milliseconds>}. The walk bench/scim/run.sh times. It replaced a Python walker whose json.loads alone took
 * longer than the server needs to answer (docs/BENCHMARKS.md).
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
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

    private static String walk(HttpClient client, String base, String resource, String count, String token)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        int pages = 0;
        long start = System.nanoTime();
        String cursor = "";
        while (cursor != null) {
            String query = "count=" + count + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            URI page = URI.create(base + "scim/v2/" + resource + "?" + query);
            HttpRequest request = HttpRequest.newBuilder(page).header("Authorization", "Bearer " + token).build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            JsonNode body;
            try (InputStream in = response.body()) {
                body = json.readTree(in);
            }
            if (response.statusCode() != 200) {
                System.err.println("page " + (pages + 1) + ": HTTP " + response.statusCode() + " " + body);
                System.exit(1);
            }
            for (JsonNode user : body.get("Resources")) {
                if (!seen.add(user.get("id").asText())) {
                    System.err.println("user " + user.get("id").asText() + " seen twice");
                    System.exit(1);
                }
            }
            pages++;
            cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
        }
        return seen.size() + " " + pages + " " + (System.nanoTime() - start) / 1_000_000;
    }
}
