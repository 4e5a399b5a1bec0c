package org.chainline.journal;

import jakarta.inject.Singleton;

import java.util.List;

/**
 * Re-computes every entry's hash from its stored fields and its predecessor's hash, and checks that the
 * sequence has no gap and ends at the recorded head. Reports the first entry where the chain breaks.
 */
@Singleton
public class JournalVerifier {

    private static final int BATCH = 1000;
    private final JournalEntryRepository entries;

    JournalVerifier(JournalEntryRepository entries) {
        this.entries = entries;
    }

    public JournalVerification verify() {
        JournalHead head = entries.head();
        long expectedSeq = 1;
        String prev = EntryHash.GENESIS;
        long checked = 0;
        while (true) {
            List<JournalEntry> batch = entries.after(expectedSeq - 1, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (JournalEntry e : batch) {
                if (e.seq() != expectedSeq) {
                    return JournalVerification.broken(checked, head, expectedSeq,
                            "entry " + expectedSeq + " is missing (the next stored entry is " + e.seq() + ")");
                }
                if (!e.prevHash().equals(prev)) {
                    return JournalVerification.broken(checked, head, e.seq(),
                            "its previous-hash does not match the hash of entry " + (e.seq() - 1));
                }
                if (!e.hashIsIntact()) {
                    return JournalVerification.broken(checked, head, e.seq(),
                            "its content does not match its hash: the stored entry was altered");
                }
                prev = e.hash();
                checked++;
                expectedSeq++;
            }
        }
        long lastSeq = expectedSeq - 1;
        if (lastSeq != head.seq() || !prev.equals(head.hash())) {
            long at = Math.min(lastSeq, head.seq()) + 1;
            return JournalVerification.broken(checked, head, at, lastSeq < head.seq()
                    ? "the head records entry " + head.seq() + " but the journal ends at entry " + lastSeq
                    : "the journal does not end at the recorded head (entry " + head.seq() + ")");
        }
        return JournalVerification.intact(checked, head);
    }
}
