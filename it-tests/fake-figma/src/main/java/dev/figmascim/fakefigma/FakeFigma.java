package dev.figmascim.fakefigma;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running fake Figma: a real HTTP server on loopback (port 0 picks a free one) answering from a {@link Scenario}.
 * Start it with {@link #start(Scenario)}, point the code under test at {@link #baseUrl()} (REST API) and
 * {@link #scimBaseUrl()} (SCIM API), and {@link #close()} it when done. Requests are served on virtual threads,
 * so slow-response faults do not hold up other requests.
 */
public final class FakeFigma implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FakeFigma.class.getName());
    /** Bounds the request log so a long-running demo does not grow without limit. */
    private static final int REQUEST_LOG_LIMIT = 10_000;
    private static final int MAX_REQUEST_BODY = 1 << 20;

    private final Scenario scenario;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final Faults faults = new Faults();
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final ScimApi scim;
    private final RestApi rest;
    private final ControlApi control;

    private FakeFigma(Scenario scenario, HttpServer server, ExecutorService executor) {
        this.scenario = scenario;
        this.server = server;
        this.executor = executor;
        InetSocketAddress bound = server.getAddress();
        InetAddress host = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        String literal = host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
        this.baseUrl = URI.create("http://" + literal + ":" + bound.getPort());
        this.scim = new ScimApi(scenario, scimBaseUrl().toString());
        this.rest = new RestApi(scenario);
        this.control = new ControlApi(faults, this::requests, this::clearRequests);
    }

    /** Starts on a free loopback port. */
    public static FakeFigma start(Scenario scenario) {
        return start(scenario, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts on the given address (port 0 = a free port). */
    public static FakeFigma start(Scenario scenario, InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        FakeFigma fake = new FakeFigma(scenario, server, executor);
        server.setExecutor(executor);
        server.createContext("/", fake::handle);
        server.start();
        LOG.fine(() -> "fake Figma listening on " + fake.baseUrl);
        return fake;
    }

    /** The REST API root, e.g. {@code http://127.0.0.1:41234}: {@code /v1/me}, {@code /v1/activity_logs} are under it. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The tenant's SCIM root, like Figma's {@code https://www.figma.com/scim/v2/<tenantId>}. */
    public URI scimBaseUrl() {
        return URI.create(baseUrl + "/scim/v2/" + scenario.tenantId());
    }

    public int port() {
        return baseUrl.getPort();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Fault injection for the requests that follow. */
    public Faults faults() {
        return faults;
    }

    /** The requests answered so far, oldest first (at most the last 10,000; control requests excluded). */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    /** Stops at once: requests in flight (e.g. delayed ones) are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeFigma[" + baseUrl + ", tenant " + scenario.tenantId() + "]";
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Request request = read(exchange);
            Response response = request.path().startsWith("/__control/") ? control.handle(request) : answer(request);
            if (response != null) {
                write(exchange, request, response);
            }
        } catch (IOException e) {
            // The client gave up (e.g. its read timeout hit during a delay): nothing left to answer.
            LOG.log(Level.FINE, "client went away", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "fake Figma failed on " + exchange.getRequestURI().getRawPath(), e);
        }
    }

    /** Null when the answer was abandoned (the server is closing). */
    private Response answer(Request request) {
        record(request);
        long delay = faults.delayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        Fault fault = faults.take();
        boolean scimPath = request.path().startsWith("/scim/");
        if (fault instanceof Fault.RateLimit limit) {
            return rateLimited(limit, scimPath);
        }
        if (fault instanceof Fault.ServerError error) {
            return serverError(error.status(), scimPath);
        }
        if (fault instanceof Fault.ErrorBody error) {
            return error.errorBooleanShape() ? Response.errorBoolean(error.status(), error.message())
                    : Response.errMessage(error.status(), error.message());
        }
        Response real = route(request);
        return fault instanceof Fault.Malformed ? real.truncated() : real;
    }

    private Response route(Request request) {
        String path = request.path();
        if (path.startsWith("/scim/v2/")) {
            List<String> segments = Arrays.stream(path.substring("/scim/v2/".length()).split("/"))
                    .filter(s -> !s.isEmpty()).toList();
            return scim.handle(request, segments);
        }
        if (path.startsWith("/v1/")) {
            return rest.handle(request);
        }
        return Response.errMessage(404, "Not found");
    }

    private static Response rateLimited(Fault.RateLimit limit, boolean scimPath) {
        String retryAfter = limit.httpDate()
                ? DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(limit.retryAfterSeconds()))
                : String.valueOf(limit.retryAfterSeconds());
        Response body = scimPath ? Response.scimError(429, null, "Too many requests")
                : Response.errMessage(429, "Rate limit exceeded");
        return body.withHeader("Retry-After", retryAfter)
                .withHeader("X-Figma-Plan-Tier", limit.planTier())
                .withHeader("X-Figma-Rate-Limit-Type", limit.rateLimitType());
    }

    private static Response serverError(int status, boolean scimPath) {
        if (status == 500) {
            return scimPath ? Response.scimError(500, null, "Internal server error") : Response.errMessage(500, "Internal server error");
        }
        // What sits in front of Figma answers 502/503 with an HTML page, not JSON.
        String reason = status == 502 ? "Bad Gateway" : status == 503 ? "Service Unavailable" : "Server Error";
        return Response.text(status, "text/html; charset=utf-8",
                "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " " + reason
                        + "</h1></body></html>");
    }

    private synchronized void record(Request request) {
        requests.addLast(new RecordedRequest(request.method(), request.path(), request.rawQuery(), request.hasAuthHeader()));
        while (requests.size() > REQUEST_LOG_LIMIT) {
            requests.removeFirst();
        }
    }

    private static Request read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BODY);
        return new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), Request.parseQuery(uri.getRawQuery()),
                exchange.getRequestHeaders(), body);
    }

    private static void write(HttpExchange exchange, Request request, Response response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = "HEAD".equals(request.method()) ? new byte[0] : response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
