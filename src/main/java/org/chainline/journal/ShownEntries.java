package org.chainline.journal;

import jakarta.inject.Singleton;

import java.util.Collection;
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

    /** What a reader reads in place of an entry about a case it is not in: its position and hashes, nothing else. */
    static final String OUTSIDE = "{\"withheld\":\"this entry is about a case you are not in (journal verify checks it for"
            + " everyone)\"}";
    /** The kind, actor and target such an entry is shown with. */
    public static final String OUTSIDE_KIND = "withheld";

    private final List<WithheldEntries> withheld;
    private final OutsideEntries outside;

    ShownEntries(List<WithheldEntries> withheld, OutsideEntries outside) {
        this.withheld = withheld;
        this.outside = outside;
    }

    /**
     * The entries as this reader is shown them: those about its own cases (as {@link #shown(List, boolean)} shows them),
     * and in place of every other only its position, time and hashes, so that the chain still reads as one.
     */
    public List<JournalEntry> shownTo(List<JournalEntry> entries, String reader, Collection<String> roles, boolean holdsGrant) {
        Set<String> away = outside.outside(reader, roles, entries.stream().map(JournalEntry::targetId).collect(Collectors.toSet()));
        return shown(entries.stream().map(e -> away.contains(e.targetId()) ? new JournalEntry(e.seq(), e.recordedAt(),
                OUTSIDE_KIND, OUTSIDE_KIND, WITHHELD_TARGET, OUTSIDE, null, e.prevHash(), e.hash()) : e).toList(), holdsGrant);
    }

    /** Only the entries about this reader's cases (a page of latest changes), as they are shown to it. */
    public List<JournalEntry> ofReader(List<JournalEntry> entries, String reader, Collection<String> roles, boolean holdsGrant) {
        Set<String> away = outside.outside(reader, roles, entries.stream().map(JournalEntry::targetId).collect(Collectors.toSet()));
        return shown(entries.stream().filter(e -> !away.contains(e.targetId())).toList(), holdsGrant);
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
