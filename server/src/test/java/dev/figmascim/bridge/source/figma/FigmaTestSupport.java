package dev.figmascim.bridge.source.figma;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.figmascim.fakefigma.FakeFigma;
import dev.figmascim.fakefigma.RecordedRequest;
import dev.figmascim.fakefigma.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Fixtures shared by the Figma client tests: distinctive tokens, fast settings, failure assertions. */
public final class FigmaTestSupport {

    /** Distinctive, so that a leak anywhere is found by a plain substring search. */
    public static final String SCIM_TOKEN = "scim-s3cr3t-7f3a9c21e0";
    public static final String API_TOKEN = "figd_s3cr3t-b81e44d0aa";
    public static final List<String> TOKENS = List.of(SCIM_TOKEN, API_TOKEN);

    private FigmaTestSupport() {
    }

    static Scenario.Builder scenario() {
        return Scenario.builder().scimToken(SCIM_TOKEN).apiToken(API_TOKEN);
    }

    /** A shipped scenario with this test's tokens instead of its own. */
    public static Scenario builtin(String name) {
        Scenario s = Scenario.builtin(name);
        return new Scenario(s.tenantId(), SCIM_TOKEN, API_TOKEN, s.me(), s.users(), s.groups(), s.events());
    }

    /** Fast settings: tiny backoffs so retries cost milliseconds, a 2 s Retry-After cap, 4 attempts. */
    public static FigmaClientSettings settings(FakeFigma fake) {
        return settings(fake, 4, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    public static FigmaClientSettings settings(FakeFigma fake, int maxAttempts, Duration readTimeout, Duration retryAfterCap) {
        return new FigmaClientSettings(fake.baseUrl(), API_TOKEN, fake.scimBaseUrl(), SCIM_TOKEN, Duration.ofSeconds(2),
                readTimeout, maxAttempts, retryAfterCap, Duration.ofMillis(1), Duration.ofMillis(5));
    }

    /** Asserts the call fails with a FigmaApiException none of whose messages (causes included) names a token. */
    static FigmaApiException fails(Executable call) {
        FigmaApiException e = assertThrows(FigmaApiException.class, call);
        assertNoToken(e);
        return e;
    }

    static void assertNoToken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoToken(String.valueOf(t.getMessage()), "exception message");
            assertNoToken(t.toString(), "exception toString");
        }
    }

    public static void assertNoToken(String text, String where) {
        for (String token : TOKENS) {
            assertFalse(text != null && text.contains(token), () -> where + " leaks a token: " + text);
        }
    }

    /** The requests the fake saw for a path, e.g. {@code /Users} or {@code /v1/me}. */
    public static List<RecordedRequest> requestsTo(FakeFigma fake, String pathSuffix) {
        return fake.requests().stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }
}
