package org.chainline.liability;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A strength travels as a type and is written as its word, in the API (Micronaut Serialization) and in the dossier (Jackson). */
class StrengthTest {

    @Test
    void aPathIsWrittenWithItsStrengthsAsWordsByBothMappersAndReadBack() throws Exception {
        Views.Step step = new Views.Step("c-1", "Posting", "a posting", null, Strength.PROBABLE, "two sources",
                "certain", null, null, List.of());
        String api = io.micronaut.serde.ObjectMapper.getDefault().writeValueAsString(step);
        String dossier = new ObjectMapper().writeValueAsString(step);
        assertTrue(api.contains("\"strength\":\"probable\""), api);
        assertTrue(dossier.contains("\"strength\":\"probable\""), dossier);
        assertEquals(Strength.PROBABLE, io.micronaut.serde.ObjectMapper.getDefault().readValue(api, Views.Step.class).strength());
        assertEquals(Strength.PROBABLE, new ObjectMapper().readValue(dossier, Views.Step.class).strength());
    }

    @Test
    void strengthsAreOrderedWeakestFirstAndAWordNamesAtMostOne() {
        assertEquals(List.of("disputed", "possible", "probable", "established"),
                Arrays.stream(Strength.values()).map(Strength::word).toList());
        assertEquals(Strength.POSSIBLE, Strength.PROBABLE.weakest(Strength.POSSIBLE));
        assertEquals(Strength.PROBABLE, Strength.PROBABLE.strongest(Strength.POSSIBLE));
        assertEquals("established", "" + Strength.ESTABLISHED);
        assertTrue(Strength.named("ESTABLISHED").isEmpty(), "the word, not the constant's name");
        assertThrows(IllegalArgumentException.class, () -> Strength.of("certain"));
    }
}
