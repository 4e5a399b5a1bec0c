package org.chainline.registry;

/**
 * A record's current row in {@code record_state}; {@code content} (the payload of the journal entry at
 * {@code contentSeq}) only when asked for; {@code homeCase} null only for a record written before cases and not yet
 * adopted into one.
 */
public record StoredRecord(String id, String type, String content, long contentSeq, String contentHash, int version,
                    long createdSeq, long updatedSeq, Long retiredSeq, String homeCase) {

    public boolean retired() {
        return retiredSeq != null;
    }
}
