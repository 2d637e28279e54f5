package dev.figmascim.bridge.source.figma;

import dev.figmascim.bridge.config.TestConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigmaClientSettingsTest {

    @Test
    void readsEveryKey() {
        FigmaClientSettings s = FigmaClientSettings.fromConfig(TestConfig.of(Map.of(
                "figma.api.url", "http://127.0.0.1:9999",
                "figma.api.token", "figd_x-token",
                "figma.scim.url", "https://www.figma.com/scim/v2/1047918802483077121",
                "figma.scim.token", "scim-x-token",
                "figma.http.connect-timeout", "PT3S",
                "figma.http.read-timeout", "45",
                "figma.http.max-attempts", "6",
                "figma.http.retry-after-cap", "PT10M",
                "figma.http.initial-backoff", "0.25",
                "figma.http.max-backoff", "pt1m")));
        assertEquals(URI.create("http://127.0.0.1:9999"), s.apiUrl());
        assertEquals("figd_x-token", s.apiToken());
        assertEquals(URI.create("https://www.figma.com/scim/v2/1047918802483077121"), s.scimUrl());
        assertEquals("scim-x-token", s.scimToken());
        assertEquals(Duration.ofSeconds(3), s.connectTimeout());
        assertEquals(Duration.ofSeconds(45), s.readTimeout());
        assertEquals(6, s.maxAttempts());
        assertEquals(Duration.ofMinutes(10), s.retryAfterCap());
        assertEquals(Duration.ofMillis(250), s.initialBackoff());
        assertEquals(Duration.ofMinutes(1), s.maxBackoff());
    }

    @Test
    void defaultsWithoutTokens() {
        FigmaClientSettings s = FigmaClientSettings.fromConfig(TestConfig.of(Map.of()));
        assertEquals(URI.create("https://api.figma.com"), s.apiUrl());
        assertNull(s.apiToken());
        assertNull(s.scimUrl());
        assertNull(s.scimToken());
        assertEquals(FigmaClientSettings.DEFAULT_CONNECT_TIMEOUT, s.connectTimeout());
        assertEquals(FigmaClientSettings.DEFAULT_READ_TIMEOUT, s.readTimeout());
        assertEquals(FigmaClientSettings.DEFAULT_MAX_ATTEMPTS, s.maxAttempts());
        assertEquals(FigmaClientSettings.DEFAULT_RETRY_AFTER_CAP, s.retryAfterCap());
    }

    @ParameterizedTest
    @CsvSource({"PT30S, 30000", "pt0.5s, 500", "30, 30000", "0.05, 50", "P1D, 86400000", "PT1M30S, 90000"})
    void durationsAreIso8601OrSeconds(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), FigmaClientSettings.parseDuration("k", text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "figma.http.read-timeout | soon | figma.http.read-timeout: 'soon' is neither an ISO-8601 duration (PT30S) nor a number of seconds",
        "figma.http.connect-timeout | 0 | figma.http.connect-timeout must be positive, not PT0S",
        "figma.http.max-attempts | 0 | figma.http.max-attempts must be at least 1, not 0",
        "figma.api.url | ftp://example.com | figma.api.url: 'ftp://example.com' is not an http(s) URL",
        "figma.scim.url | not a url | figma.scim.url: 'not a url' is not a URL",
    })
    void badValuesNameTheirKey(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FigmaClientSettings.fromConfig(TestConfig.of(Map.of(key, value))));
        assertEquals(message, e.getMessage());
    }

    @Test
    void toStringRedactsTokens() {
        FigmaClientSettings s = FigmaClientSettings.of(URI.create("https://api.figma.com"), "figd_very-secret",
                URI.create("https://www.figma.com/scim/v2/1"), "scim-very-secret");
        String text = s.toString();
        assertFalse(text.contains("very-secret"), text);
        assertTrue(text.contains("apiToken=<redacted>") && text.contains("scimToken=<redacted>"), text);
        assertTrue(text.contains("https://www.figma.com/scim/v2/1"), text);
        assertTrue(FigmaClientSettings.of(URI.create("https://api.figma.com"), null, null, null).toString().contains("apiToken=<none>"));
    }

}
