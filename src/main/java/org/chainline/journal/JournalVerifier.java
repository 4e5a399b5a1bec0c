package org.chainline.journal;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-computes every entry's hash from its stored fields and its predecessor's hash, and checks that the
 * sequence has no gap and ends at the recorded head. Reports the first entry where the chain breaks. Then checks the
 * chain against its anchors ({@link JournalAnchors}): someone who can write the database can re-hash a whole history
 * from an edited entry on, but not change what a dossier printed, what was noted elsewhere, or what an authority signed.
 */
@Singleton
public class JournalVerifier {

    private static final int BATCH = 1000;
    private final JournalEntryRepository entries;
    private final JournalAnchors anchors;
    private final TimeStamping timeStamping;

    JournalVerifier(JournalEntryRepository entries, JournalAnchors anchors, TimeStamping timeStamping) {
        this.entries = entries;
        this.anchors = anchors;
        this.timeStamping = timeStamping;
    }

    public JournalVerification verify() {
        return verify(List.of());
    }

    /** The chain, checked against the anchors recorded here and those {@code given} from outside. */
    public JournalVerification verify(List<JournalAnchors.Anchor> given) {
        List<JournalAnchors.Anchor> all = new ArrayList<>(anchors.recorded());
        all.addAll(given);
        Set<Long> wanted = new HashSet<>();
        all.forEach(a -> wanted.add(a.seq()));
        Map<Long, String> held = new HashMap<>();
        JournalVerification chain = chain(wanted, held);
        List<String> problems = new ArrayList<>();
        int unpinned = 0;
        for (JournalAnchors.Anchor a : all) {
            String now = held.get(a.seq());
            String what = a.source() + " " + a.label() + " (entry " + a.seq() + ")";
            if (now == null) {
                problems.add(what + ": the journal no longer holds that entry");
            } else if (!now.equals(a.hash())) {
                problems.add(what + ": the entry's hash is now " + now + ", not the " + a.hash() + " it gave away;"
                        + " the history up to it was rewritten");
            } else if (a.token() != null) {
                TimeStamping.Check check = timeStamping.check(a.token(), a.seq(), now);
                if (!check.matches()) {
                    problems.add(what + ": " + check.problem());
                } else if (!check.pinned()) {
                    unpinned++;
                }
            }
        }
        return chain.withAnchors(all.size(), problems, unpinned);
    }

    private JournalVerification chain(Set<Long> wanted, Map<Long, String> held) {
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
                if (wanted.contains(e.seq())) {
                    held.put(e.seq(), e.hash());
                }
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
