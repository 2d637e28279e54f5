package dev.figmascim.bridge.source.figma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP discipline every Figma client shares: one base URL and one credential, GET only, JSON answers.
 *
 * <ul>
 *   <li>Timeouts: {@code connectTimeout} for the connection, {@code readTimeout} for the whole exchange up to the
 *       last byte of the body (the JDK's request timeout alone stops at the headers).</li>
 *   <li>Retries: 5xx, timeouts and I/O errors are retried up to {@code maxAttempts} in all, after an exponential
 *       backoff with jitter, so that many bridges hitting a recovering Figma do not retry in step.</li>
 *   <li>429: waits what {@code Retry-After} asks (seconds or HTTP-date) if that is within {@code retryAfterCap},
 *       else fails at once: Figma reports waits of days, which a run must not sit out.</li>
 *   <li>Other 4xx and malformed 2xx bodies fail at once: retrying cannot fix them.</li>
 *   <li>Secrecy: the credential goes only into its request header. It is never logged, never in an exception
 *       message (Figma's error texts are scrubbed of it too) and not in {@link #toString()}. Redirects are not
 *       followed, so the header cannot be replayed to another host.</li>
 * </ul>
 */
final class FigmaHttp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FigmaHttp.class.getName());
    private static final String USER_AGENT = "figma-scim-bridge";
    private static final String REDACTED = "<redacted>";
    /** Shorter strings are not scrubbed from texts: replacing every "a" would garble messages and protect nothing. */
    private static final int MIN_SCRUB_LENGTH = 4;

    /** How a client presents its token. */
    enum Auth {
        /** {@code Authorization: Bearer <token>}: SCIM, OAuth and plan tokens. */
        BEARER("Authorization"),
        /** {@code X-Figma-Token: <token>}: personal access tokens. */
        FIGMA_TOKEN("X-Figma-Token");

        private final String header;

        Auth(String header) {
            this.header = header;
        }

        String header() {
            return header;
        }

        String value(String token) {
            return this == BEARER ? "Bearer " + token : token;
        }
    }

    private final String api;
    private final URI base;
    private final Auth auth;
    private final String token;
    private final String accept;
    private final FigmaClientSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Clock clock;

    /**
     * @param api    names the API in messages, e.g. {@code Figma SCIM API}
     * @param base   the root the request paths are appended to
     * @param accept the {@code Accept} header
     */
    FigmaHttp(String api, URI base, Auth auth, String token, String accept, FigmaClientSettings settings) {
        this.api = Objects.requireNonNull(api);
        this.base = Objects.requireNonNull(base);
        this.auth = Objects.requireNonNull(auth);
        this.token = Objects.requireNonNull(token);
        this.accept = accept;
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.clock = Clock.systemUTC();
    }

    /**
     * GETs {@code path} (appended to the base URL) with the query parameters (null values left out) and returns the
     * parsed JSON body of a 2xx answer.
     *
     * @throws FigmaApiException when no usable answer came, after the retries described above
     */
    JsonNode get(String path, Map<String, ?> query) {
        URI uri = uri(path, query);
        String endpoint = api + " GET " + path;
        for (int attempt = 1; ; attempt++) {
            Retry retry = once(uri, endpoint, attempt);
            if (retry.answer() != null) {
                return retry.answer();
            }
            FigmaApiException failure = retry.failure();
            if (attempt >= settings.maxAttempts()) {
                throw new FigmaApiException(failure.reason(), endpoint, failure.status(), failure.figmaMessage().orElse(null),
                        attempt, failure.getMessage() + "; gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s"),
                        failure.getCause());
            }
            Duration wait = retry.delay();
            LOG.log(failure.reason() == FigmaApiException.Reason.RATE_LIMITED ? Level.INFO : Level.WARNING,
                    scrub(failure.getMessage() + "; retrying in " + human(wait) + " (attempt " + (attempt + 1) + " of "
                            + settings.maxAttempts() + ")"));
            pause(wait, endpoint, attempt);
        }
    }

    /** Either the answer, or a retryable failure and how long to wait before the next attempt. */
    private record Retry(JsonNode answer, FigmaApiException failure, Duration delay) {
        static Retry done(JsonNode answer) {
            return new Retry(answer, null, Duration.ZERO);
        }

        static Retry after(Duration wait, FigmaApiException failure) {
            return new Retry(null, failure, wait);
        }
    }

    private Retry once(URI uri, String endpoint, int attempt) {
        LOG.fine(() -> "GET " + loggable(uri) + " (attempt " + attempt + ")");
        HttpResponse<byte[]> response;
        try {
            response = send(uri, endpoint);
        } catch (HttpConnectTimeoutException e) {
            return Retry.after(backoff(attempt), failure(FigmaApiException.Reason.TIMEOUT, endpoint, 0, null, attempt,
                    "could not connect within " + human(settings.connectTimeout()), e));
        } catch (HttpTimeoutException e) {
            return Retry.after(backoff(attempt), failure(FigmaApiException.Reason.TIMEOUT, endpoint, 0, null, attempt,
                    "no complete answer within the read timeout of " + human(settings.readTimeout()), e));
        } catch (IOException e) {
            return Retry.after(backoff(attempt), failure(FigmaApiException.Reason.NETWORK, endpoint, 0, null, attempt,
                    "I/O error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Retry.done(parse(response.body(), endpoint, status, attempt));
        }
        String figmaMessage = scrub(FigmaErrorBody.message(mapper, response.body()));
        String said = "HTTP " + status + (figmaMessage == null ? " (no JSON error message)" : ": " + figmaMessage);
        if (status == 429) {
            return rateLimited(response, endpoint, figmaMessage, said, attempt);
        }
        FigmaApiException failure = failure(FigmaApiException.Reason.HTTP_ERROR, endpoint, status, figmaMessage, attempt, said, null);
        if (status >= 500) {
            return Retry.after(backoff(attempt), failure);
        }
        throw failure;
    }

    private Retry rateLimited(HttpResponse<byte[]> response, String endpoint, String figmaMessage, String said, int attempt) {
        String header = response.headers().firstValue("Retry-After").orElse(null);
        // Which of Figma's limits was hit tells an operator whether a better seat or plan would help.
        String limits = response.headers().firstValue("X-Figma-Rate-Limit-Type").map(v -> ", rate limit type " + v).orElse("")
                + response.headers().firstValue("X-Figma-Plan-Tier").map(v -> ", plan tier " + v).orElse("");
        Duration wait = RetryAfter.parse(header, clock.instant()).orElse(null);
        if (wait != null && wait.compareTo(settings.retryAfterCap()) > 0) {
            throw failure(FigmaApiException.Reason.RATE_LIMITED, endpoint, 429, figmaMessage, attempt, said + " (rate limited"
                    + limits + "); Retry-After " + human(wait) + " is beyond the cap of " + human(settings.retryAfterCap())
                    + " (" + FigmaClientSettings.RETRY_AFTER_CAP + "), not waiting", null);
        }
        String because = said + " (rate limited" + limits + ")";
        return Retry.after(wait == null ? backoff(attempt) : wait,
                failure(FigmaApiException.Reason.RATE_LIMITED, endpoint, 429, figmaMessage, attempt, because, null));
    }

    private HttpResponse<byte[]> send(URI uri, String endpoint) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.readTimeout())
                .header(auth.header(), auth.value(token))
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        // The request timeout covers the wait for the headers; this deadline also covers a body that trickles in.
        long deadline = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
        try {
            return future.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + human(settings.readTimeout()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.getClass().getSimpleName(), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FigmaApiException(FigmaApiException.Reason.INTERRUPTED, endpoint, 0, null, 0,
                    endpoint + ": interrupted while waiting for the answer", e);
        }
    }

    private JsonNode parse(byte[] body, String endpoint, int status, int attempt) {
        try {
            JsonNode node = body.length == 0 ? null : mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw failure(FigmaApiException.Reason.MALFORMED_RESPONSE, endpoint, status, null, attempt,
                        "HTTP " + status + " with an empty body where JSON was expected", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the body; only the position is kept, so no content can leak.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw failure(FigmaApiException.Reason.MALFORMED_RESPONSE, endpoint, status, null, attempt,
                    "HTTP " + status + " with malformed JSON" + where + ", " + body.length + " bytes", null);
        } catch (IOException e) {
            throw failure(FigmaApiException.Reason.MALFORMED_RESPONSE, endpoint, status, null, attempt,
                    "HTTP " + status + " with an unreadable body", null);
        }
    }

    private FigmaApiException failure(FigmaApiException.Reason reason, String endpoint, int status, String figmaMessage,
            int attempt, String detail, Throwable cause) {
        return new FigmaApiException(reason, endpoint, status, figmaMessage, attempt, scrub(endpoint + ": " + detail), cause);
    }

    /** Exponential backoff with "equal jitter": half the base delay fixed, half random. */
    Duration backoff(int attempt) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        long base = Math.min(initial, max);
        for (int i = 1; i < attempt && base < max; i++) {
            base = base > max / 2 ? max : base * 2;
        }
        long half = base / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private void pause(Duration wait, String endpoint, int attempt) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FigmaApiException(FigmaApiException.Reason.INTERRUPTED, endpoint, 0, null, attempt,
                    endpoint + ": interrupted while waiting to retry", e);
        }
    }

    private URI uri(String path, Map<String, ?> query) {
        String root = base.toString();
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        StringJoiner params = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (value != null) {
                params.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
        });
        return URI.create(root + path + (params.length() == 0 ? "" : "?" + params));
    }

    private static String encode(String text) {
        // URLEncoder writes form encoding; in a query, a space is safer as %20 than as +.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URI without user info, should anyone configure credentials into a URL. */
    private static String loggable(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost() + uri.getRawPath();
        }
    }

    /** Removes the token from a text, e.g. an error message in which a server echoed it. */
    String scrub(String text) {
        if (text == null || token.length() < MIN_SCRUB_LENGTH) {
            return text;
        }
        return text.replace(token, REDACTED);
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = duration.toSeconds();
        return seconds * 1000 == millis ? seconds + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FigmaHttp[" + api + " " + base + ", " + auth.header() + ": " + REDACTED + "]";
    }
}
