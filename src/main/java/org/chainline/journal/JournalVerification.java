package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The outcome of re-checking the hash chain: how many entries were checked and, if the chain is broken,
 * the first entry where it breaks and how; then how many anchors (positions that left the machine: dossiers,
 * submissions, time-stamps, and those brought to the check) were checked, and each that the journal no longer matches.
 * Intact means both: a chain rewritten with fresh hashes is whole, but no longer matches its anchors.
 */
@Serdeable
public record JournalVerification(boolean intact, long entriesChecked, long headSeq, String headHash,
                                  @Nullable Long firstBrokenSeq, @Nullable String problem, int anchorsChecked,
                                  List<String> anchorProblems, int timestampsUnpinned) {

    static JournalVerification intact(long checked, JournalHead head) {
        return new JournalVerification(true, checked, head.seq(), head.hash(), null, null, 0, List.of(), 0);
    }

    static JournalVerification broken(long checked, JournalHead head, long seq, String problem) {
        return new JournalVerification(false, checked, head.seq(), head.hash(), seq, problem, 0, List.of(), 0);
    }

    JournalVerification withAnchors(int checked, List<String> problems, int unpinned) {
        return new JournalVerification(intact && problems.isEmpty(), entriesChecked, headSeq, headHash, firstBrokenSeq,
                problem, checked, List.copyOf(problems), unpinned);
    }
}
