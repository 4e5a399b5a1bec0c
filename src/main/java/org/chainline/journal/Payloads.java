package org.chainline.journal;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Journal payloads to and from JSON; projections read entries back into the records features wrote. */
@Singleton
public final class Payloads {

    private final ObjectMapper json;

    Payloads(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(JournalEntry entry, Class<T> type) {
        try {
            return json.readValue(entry.payload(), type);
        } catch (IOException e) {
            throw new IllegalStateException("journal entry " + entry.seq() + " (" + entry.kind()
                    + ") has a payload that does not read as " + type.getSimpleName(), e);
        }
    }

    String write(Change change) {
        if (change.payload() instanceof Change.Json json) {
            return json.text();
        }
        try {
            return json.writeValueAsString(change.payload());
        } catch (IOException e) {
            throw new IllegalArgumentException("payload of " + change.kind() + " cannot be written as JSON: "
                    + e.getMessage(), e);
        }
    }
}
