package dev.figmascim.bridge.source.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a file's CSV records, one at a time, with their physical start line.
 *
 * <p>This walks Jackson's {@link CsvParser} token stream rather than a {@code MappingIterator}: with
 * {@link CsvParser.Feature#WRAP_AS_ARRAY} each record is {@code START_ARRAY, VALUE_STRING..., END_ARRAY},
 * and only the first value's token location is the line where the record starts (the {@code START_ARRAY}
 * location is still the end of the previous record). Walking the tokens also tells which cell a quoting
 * error is in. The header is just the first record: {@link CsvSchema#emptySchema()} leaves it to us.
 */
final class CsvRecords implements Closeable {

    /** Longest cell accepted; more than that is almost always an unclosed quote swallowing the file. */
    static final int MAX_CELL_CHARS = 1_000_000;

    private static final CsvMapper MAPPER = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CELL_CHARS).build())
                    .build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            // Blank lines (trailing ones included) are not records.
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            // A trailing comma is an empty last cell, not something to drop.
            .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
            .disable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /** RFC 4180: comma, double quote, quotes doubled inside quoted cells, no backslash escapes. */
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema()
            .withColumnSeparator(',')
            .withQuoteChar('"')
            .withoutEscapeChar();

    private final CsvParser parser;
    private boolean started;
    private boolean done;

    private CsvRecords(CsvParser parser) {
        this.parser = parser;
    }

    /** Opens the file; the caller closes the result. */
    static CsvRecords open(Path file) throws IOException {
        Utf8TextReader text = new Utf8TextReader(Files.newInputStream(file));
        try {
            CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(text);
            parser.setSchema(SCHEMA);
            return new CsvRecords(parser);
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /**
     * The next record, or null at the end of the file.
     *
     * @throws CsvFormatException when the text is not UTF-8 or its quoting is broken; reading must stop
     * @throws IOException        when the file cannot be read
     */
    CsvRecord next() throws IOException {
        if (done) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        int line = -1;
        int estimatedLine = 1;
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    done = true;
                    return null;
                }
            }
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                done = true;
                return null;
            }
            // Where the previous record ended; the next one starts on the following line unless blank lines
            // intervene. Only used if the record's very first cell is already broken.
            estimatedLine = Math.max(1, parser.currentTokenLocation().getLineNr() + 1);
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                cells.add(parser.getText());
            }
            return new CsvRecord(line < 0 ? estimatedLine : line, cells);
        } catch (CsvFormatException e) {
            done = true;
            throw e;
        } catch (JsonProcessingException e) {
            done = true;
            if (e.getCause() instanceof CsvFormatException text) {
                throw text;
            }
            throw new CsvFormatException(line < 0 ? estimatedLine : line, cells.size() + 1, describe(e));
        }
    }

    /** Jackson's messages name parser internals; say what is wrong with the file instead. */
    private static String describe(JsonProcessingException e) {
        // Jackson's location is where it stopped reading, one past the offending character: name the line only.
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " on line " + at.getLineNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return "malformed quoting: a cell is longer than " + MAX_CELL_CHARS + " characters; is a closing quote missing?";
        }
        if (message.startsWith("Missing closing quote")) {
            return "malformed quoting: the quoted cell is never closed (the file ends inside it)";
        }
        if (message.startsWith("Unexpected character")) {
            return "malformed quoting: unexpected text after the closing quote" + where
                    + " (a quote inside a quoted cell must be doubled: \"\")";
        }
        return "malformed CSV: " + message + where;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
