package org.chainline.registry;

/** A record's current row in {@code record_state}. */
record StoredRecord(String id, String type, String content, String contentHash, int version, long createdSeq,
                    long updatedSeq, Long retiredSeq) {

    boolean retired() {
        return retiredSeq != null;
    }
}
