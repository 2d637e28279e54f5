package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Reads Figma's SCIM API ({@code figma.scim.url}, bearer {@code figma.scim.token}): every user and every group,
 * streamed page by page to a consumer so that a large organisation never sits in memory as one list.
 *
 * <p>Paging (RFC 7644 §3.4.2.4): asks for {@code count=1000} but Figma serves at most its {@code maxResults}
 * (200) per page, so the next {@code startIndex} advances by what actually came, until {@code totalResults} is
 * reached or a page is empty. Resources without an id are skipped with a warning.
 */
public final class FigmaScimClient implements AutoCloseable {

    /** Asked for per page; Figma's docs allow up to 3000 while its ServiceProviderConfig says 200. */
    static final int REQUESTED_COUNT = 1000;

    private static final Logger LOG = Logger.getLogger(FigmaScimClient.class.getName());

    private final FigmaHttp http;

    /** @throws IllegalArgumentException when {@code figma.scim.url} or {@code figma.scim.token} is not set */
    public FigmaScimClient(FigmaClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.scimUrl() == null || settings.scimToken() == null) {
            throw new IllegalArgumentException("the Figma SCIM client needs " + FigmaClientSettings.SCIM_URL + " and "
                    + FigmaClientSettings.SCIM_TOKEN + " (env FIGMA_SCIM_URL, FIGMA_SCIM_TOKEN)");
        }
        this.http = new FigmaHttp("Figma SCIM API", settings.scimUrl(), FigmaHttp.Auth.BEARER, settings.scimToken(),
                "application/scim+json, application/json", settings);
    }

    /**
     * Hands every user to {@code consumer}, in Figma's order.
     *
     * @return how many users were handed over
     * @throws FigmaApiException when a page could not be read; users already handed over stay handed over
     */
    public int forEachUser(Consumer<? super FigmaScimUser> consumer) {
        return forEach("/Users", FigmaScimReader::user, consumer);
    }

    /**
     * Hands every group (workspace or billing group) to {@code consumer}, in Figma's order.
     *
     * @return how many groups were handed over
     * @throws FigmaApiException when a page could not be read
     */
    public int forEachGroup(Consumer<? super FigmaScimGroup> consumer) {
        return forEach("/Groups", FigmaScimReader::group, consumer);
    }

    private <T> int forEach(String path, Function<JsonNode, T> reader, Consumer<? super T> consumer) {
        int startIndex = 1;
        int delivered = 0;
        while (true) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("startIndex", startIndex);
            query.put("count", REQUESTED_COUNT);
            JsonNode page = http.get(path, query);
            if (!page.isObject()) {
                throw new FigmaApiException(FigmaApiException.Reason.MALFORMED_RESPONSE, "Figma SCIM API GET " + path, 200, null, 1,
                        "Figma SCIM API GET " + path + ": HTTP 200 but not a SCIM ListResponse object", null);
            }
            JsonNode resources = page.has("Resources") ? page.get("Resources") : Tolerant.field(page, "Resources");
            int received = 0;
            for (JsonNode resource : Tolerant.items(resources)) {
                received++;
                T item = reader.apply(resource);
                if (item == null) {
                    LOG.warning("Figma SCIM API GET " + path + ": skipped a resource without an id at position "
                            + (startIndex + received - 1));
                    continue;
                }
                consumer.accept(item);
                delivered++;
            }
            long total = Tolerant.number(page.get("totalResults"), -1);
            int from = startIndex;
            int got = received;
            LOG.fine(() -> "Figma SCIM API GET " + path + ": " + got + " from " + from + " of " + (total < 0 ? "?" : total));
            startIndex += received;
            if (received == 0 || total >= 0 && startIndex > total) {
                return delivered;
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "FigmaScimClient[" + http + "]";
    }
}
