package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.security.ApiTokens;
import dev.figmascim.bridge.security.Scope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * The requests a JDK AOT-cache training run sends to the demo server, so that the classes and code
 * paths of a real first request (auth, JPA queries, JSON) are in the cache. Run by the build
 * ({@code --aot-training}, JDK 25+), never by users; see docs/BENCHMARKS.md for what it buys.
 */
final class AotTraining {

    private static final List<String> PATHS = List.of(
            "scim/v2/ServiceProviderConfig", "scim/v2/Schemas", "scim/v2/ResourceTypes",
            "scim/v2/Users?count=5", "scim/v2/Users?filter=userName%20eq%20%22ada.park%40example.com%22",
            "scim/v2/Users?filter=title%20co%20%22design%22%20and%20active%20eq%20true&sortBy=userName&count=20",
            "scim/v2/Users?count=10&cursor=", "scim/v2/Groups?excludedAttributes=members", "scim/v2/Groups",
            "scim/v2/Users/00000000-0000-0000-0000-000000000000", "admin/v1/reconciliations", "health/ready");

    private AotTraining() {
    }

    static void run(String base, ApiTokens tokens) {
        String token = tokens.create("aot-training", EnumSet.allOf(Scope.class)).secret();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int round = 0; round < 3; round++) {
            for (String path : PATHS) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
                try {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    System.err.println("training request failed: " + path + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
