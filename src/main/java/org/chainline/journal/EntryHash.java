package org.chainline.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of a journal entry: SHA-256 over the JSON array
 * {@code [seq, recordedAt, actor, kind, targetId, payload, reason, prevHash]}, with the time written in UTC
 * to the microsecond (PostgreSQL's precision). Documented in README so that anyone can re-check a chain.
 */
final class EntryHash {

    static final String GENESIS = "0".repeat(64);
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EntryHash() {
    }

    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static String of(long seq, Instant recordedAt, String actor, String kind, String targetId, String payload,
                     String reason, String prevHash) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(seq);
            g.writeString(TIME.format(truncate(recordedAt)));
            g.writeString(actor);
            g.writeString(kind);
            g.writeString(targetId);
            g.writeString(payload);
            if (reason == null) {
                g.writeNull();
            } else {
                g.writeString(reason);
            }
            g.writeString(prevHash);
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a journal entry for hashing", e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
