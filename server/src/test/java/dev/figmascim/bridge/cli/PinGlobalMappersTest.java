package dev.figmascim.bridge.cli;

import dev.figmascim.bridge.testing.LogCapture;
import io.helidon.service.registry.Services;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The serve command pins Helidon's global MapperManager to the registry's own instance: the same object
 * afterwards, and no warning in the operator's log (Helidon logs one, with a stack trace, the first time).
 */
class PinGlobalMappersTest {

    @Test
    @SuppressWarnings("removal")
    void pinsTheRegistrysOwnInstanceWithoutLoggingAWarning() {
        Logger logger = Logger.getLogger("io.helidon.common.mapper.GlobalManager");
        Level before = logger.getLevel();
        List<LogRecord> logged;
        try (LogCapture capture = LogCapture.of("io.helidon.common.mapper.GlobalManager")) {
            ServeCommand.pinGlobalMappers();
            logged = capture.records();
        }
        assertSame(Services.get(io.helidon.common.mapper.MapperManager.class), io.helidon.common.mapper.MapperManager.global());
        assertTrue(logged.isEmpty(), () -> "logged: " + logged.stream().map(LogRecord::getMessage).toList());
        assertEquals(before, logger.getLevel());
    }
}
