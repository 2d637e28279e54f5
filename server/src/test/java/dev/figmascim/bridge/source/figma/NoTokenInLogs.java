package dev.figmascim.bridge.source.figma;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every java.util.logging record of a test (this package at every level, everything else at the
 * configured level) and fails the test if any record, its parameters or its exception names a test token.
 * Public so that tests of other packages that talk to the fake Figma (health, schedule, CLI) use the same check.
 */
public final class NoTokenInLogs implements BeforeEachCallback, AfterEachCallback {

    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected logger forgets its level. */
    private static final Logger PACKAGE = Logger.getLogger(FigmaHttp.class.getPackageName());
    private static final Logger ROOT = Logger.getLogger("");

    private final Capture capture = new Capture();
    private Level previousLevel;
    private boolean previousUseParent;

    public NoTokenInLogs() {
        // Registered with @RegisterExtension.
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        capture.records.clear();
        previousLevel = PACKAGE.getLevel();
        previousUseParent = PACKAGE.getUseParentHandlers();
        PACKAGE.setLevel(Level.ALL);
        // FINE records are wanted for the check, not on the console.
        PACKAGE.setUseParentHandlers(false);
        PACKAGE.addHandler(capture);
        ROOT.addHandler(capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PACKAGE.removeHandler(capture);
        ROOT.removeHandler(capture);
        PACKAGE.setLevel(previousLevel);
        PACKAGE.setUseParentHandlers(previousUseParent);
        for (String text : capture.texts()) {
            FigmaTestSupport.assertNoToken(text, "a log record");
        }
    }

    /** The captured records of the running test. */
    public List<LogRecord> records() {
        return List.copyOf(capture.records);
    }

    /** Every text of the captured records: raw and formatted message, parameters, exception chain. */
    public List<String> texts() {
        return capture.texts();
    }

    private static final class Capture extends Handler {
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
            // Records are kept in memory only.
        }

        @Override
        public void close() {
            records.clear();
        }

        List<String> texts() {
            List<String> texts = new ArrayList<>();
            synchronized (records) {
                for (LogRecord r : records) {
                    texts.add(r.getMessage());
                    texts.add(formatter.format(r));
                    if (r.getParameters() != null) {
                        for (Object p : r.getParameters()) {
                            texts.add(String.valueOf(p));
                        }
                    }
                    for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                        texts.add(t.toString());
                    }
                }
            }
            return texts;
        }
    }
}
