package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /v1/me} on {@code figma.api.url} with {@code X-Figma-Token: figma.api.token} (a personal access
 * token): who owns the token. A cheap check that the token works before a run.
 */
public final class FigmaMeClient implements AutoCloseable {

    private static final String PATH = "/v1/me";

    private final FigmaHttp http;

    /** @throws IllegalArgumentException when {@code figma.api.token} is not set */
    public FigmaMeClient(FigmaClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.apiToken() == null) {
            throw new IllegalArgumentException("the Figma /v1/me client needs " + FigmaClientSettings.API_TOKEN
                    + " (env FIGMA_API_TOKEN)");
        }
        this.http = new FigmaHttp("Figma REST API", settings.apiUrl(), FigmaHttp.Auth.FIGMA_TOKEN, settings.apiToken(),
                "application/json", settings);
    }

    /**
     * The token's owner.
     *
     * @throws FigmaApiException when Figma refuses the token ({@code 403 Invalid token}) or answers no user
     */
    public FigmaMe me() {
        JsonNode me = http.get(PATH, Map.of());
        String id = Tolerant.text(me, "id");
        if (id == null) {
            throw new FigmaApiException(FigmaApiException.Reason.MALFORMED_RESPONSE, "Figma REST API GET " + PATH, 200, null, 1,
                    "Figma REST API GET " + PATH + ": HTTP 200 without a user id", null);
        }
        return new FigmaMe(id, Tolerant.text(me, "handle"), Tolerant.text(me, "img_url"), Tolerant.text(me, "email"));
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "FigmaMeClient[" + http + "]";
    }
}
