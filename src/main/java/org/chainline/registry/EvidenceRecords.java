package org.chainline.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.journal.Journal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the record store knows about evidence items and the bytes they name, for the evidence locker and its imports:
 * which items name a file, which are protected, how strictly a file is held. {@link Records} keeps to what every type
 * of record shares.
 */
@Singleton
public class EvidenceRecords {

    private final RecordStore store;

    EvidenceRecords(RecordStore store) {
        this.store = store;
    }

    /** The live evidence items naming these bytes, the earliest recorded first, read in the journal's turn. */
    public List<String> naming(Journal.Batch batch, String sha256) {
        return EvidenceAccess.naming(batch.connection(), sha256);
    }

    /** Of these evidence ids and SHA-256s, those protected now (an item, or bytes a protected item names). */
    public Set<String> protectedAmong(Collection<String> evidenceIds, Collection<String> sha256s) {
        return evidenceIds.isEmpty() && sha256s.isEmpty() ? Set.of() : store.protectedAmong(evidenceIds, sha256s);
    }

    /**
     * The most protected confidentiality among the live evidence items that name these bytes (public, restricted,
     * protected), or empty if none does: the right to the bytes follows it, whichever item they are asked through.
     */
    public Optional<String> strictestConfidentiality(String sha256) {
        return Optional.ofNullable(store.strictest(sha256));
    }

    /** The SHA-256 of every file that a live protected evidence item names (to be held sealed at rest). */
    public List<String> protectedFileHashes() {
        return store.protectedHashes();
    }

    /**
     * The live evidence items below {@code confidentiality} protected whose file has this name and media type and
     * whose title starts with one of {@code titlePrefixes} (the raw exports of an importer, kept before they were
     * protected), leaving out those a holder of the grant lowered on purpose.
     */
    public List<String> unprotected(String fileName, String mediaType, List<String> titlePrefixes) {
        return store.unprotectedEvidence(fileName, mediaType, titlePrefixes);
    }

    /**
     * The live Telegram messages an earlier version imported from a personal chat or private group under the chat's
     * own name and Telegram id (no link, a raw numeric chat id), with their stored content (sealed values as sealed).
     */
    public Map<String, ObjectNode> earlierPrivateTelegramMessages() {
        Map<String, ObjectNode> found = new TreeMap<>();
        store.earlierPrivateTelegramMessages().forEach((id, content) -> found.put(id, RecordJson.parse(content)));
        return found;
    }
}
