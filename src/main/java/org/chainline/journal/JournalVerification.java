package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The outcome of re-checking the hash chain: how many entries were checked and, if the chain is broken,
 * the first entry where it breaks and how.
 */
@Serdeable
public record JournalVerification(boolean intact, long entriesChecked, long headSeq, String headHash,
                                  @Nullable Long firstBrokenSeq, @Nullable String problem) {

    static JournalVerification intact(long checked, JournalHead head) {
        return new JournalVerification(true, checked, head.seq(), head.hash(), null, null);
    }

    static JournalVerification broken(long checked, JournalHead head, long seq, String problem) {
        return new JournalVerification(false, checked, head.seq(), head.hash(), seq, problem);
    }
}
