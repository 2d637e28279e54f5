package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jackson as the JSON provider for our JAX-RS applications, for {@code application/scim+json} and
 * {@code application/json}. Resources build {@code JsonNode} trees themselves, so the mapper needs no
 * annotations or modules.
 */
@Provider
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class ScimJson extends JacksonJsonProvider {

    /** Shared, thread-safe. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public ScimJson() {
        super(MAPPER);
    }

    /** Writes one JSON object to a generator: a representation written once, as bytes or as a tree. */
    @FunctionalInterface
    interface Writing {
        void to(JsonGenerator out) throws IOException;
    }

    /** What {@code writing} writes, as a tree (through Jackson's token buffer: no text in between). */
    static ObjectNode tree(Writing writing) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writing.to(buffer);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code writing} writes, as UTF-8 JSON. */
    static byte[] utf8(Writing writing) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(2048);
        try (JsonGenerator out = MAPPER.createGenerator(bytes)) {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
