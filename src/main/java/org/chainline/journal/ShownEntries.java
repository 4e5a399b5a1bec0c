package org.chainline.journal;

import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Journal entries as a reader is shown them: all of each to a holder of the witness-protection grant; to anyone else,
 * an entry about an item that is protected now (whatever {@link WithheldEntries} say) without its payload and without
 * its target, since whoever sent a copy of a protected file would read at the answer's position which item it joined.
 * Every page and route that lists entries reads them through here.
 */
@Singleton
public class ShownEntries {

    /** The target a reader without the grant reads in place of a protected item's id. */
    public static final String WITHHELD_TARGET = "withheld";

    /** What a reader without the grant reads in place of an entry's payload about a protected item. */
    static final String WITHHELD = "{\"withheld\":\"this entry is about an item that is protected now: holders of the"
            + " witness-protection grant read it (journal verify checks it for everyone)\"}";

    private final List<WithheldEntries> withheld;

    ShownEntries(List<WithheldEntries> withheld) {
        this.withheld = withheld;
    }

    public List<JournalEntry> shown(List<JournalEntry> entries, boolean holdsGrant) {
        if (holdsGrant || withheld.isEmpty() || entries.isEmpty()) {
            return entries;
        }
        Set<String> targets = entries.stream().map(JournalEntry::targetId).collect(Collectors.toSet());
        Set<String> hidden = new HashSet<>();
        withheld.forEach(w -> hidden.addAll(w.withheld(targets)));
        return entries.stream().map(e -> hidden.contains(e.targetId()) ? new JournalEntry(e.seq(), e.recordedAt(), e.actor(),
                e.kind(), WITHHELD_TARGET, WITHHELD, e.reason(), e.prevHash(), e.hash()) : e).toList();
    }
}
