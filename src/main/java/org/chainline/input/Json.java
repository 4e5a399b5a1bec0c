package org.chainline.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one configured Jackson mapper, shared by every class that writes or reads JSON outside the HTTP layer (journal
 * payloads, stored content, dossiers, exports). The HTTP layer's own (Micronaut Serialization) writes responses.
 */
public final class Json {

    /** Thread-safe once configured; never reconfigure it. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** A value as JSON text; a value that cannot be written is a programming error. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
