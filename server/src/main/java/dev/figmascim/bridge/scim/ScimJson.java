package dev.figmascim.bridge.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

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
}
