package org.chainline.evidence;

import jakarta.inject.Singleton;
import org.chainline.journal.WithheldEntries;
import org.chainline.registry.EvidenceRecords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The journal entries about a protected item (its record, its custody, its file's arrivals) are withheld. */
@Singleton
final class ProtectedItemEntries implements WithheldEntries {

    private final EvidenceRecords evidenceRecords;

    ProtectedItemEntries(EvidenceRecords evidenceRecords) {
        this.evidenceRecords = evidenceRecords;
    }

    @Override
    public Set<String> withheld(Collection<String> targetIds) {
        List<String> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String target : targetIds) {
            if (target.startsWith(Custody.fileTarget(""))) {
                hashes.add(target.substring(Custody.fileTarget("").length()));
            } else {
                ids.add(target);
            }
        }
        Set<String> found = evidenceRecords.protectedAmong(ids, hashes);
        Set<String> out = new HashSet<>();
        for (String target : targetIds) {
            String key = target.startsWith(Custody.fileTarget("")) ? target.substring(Custody.fileTarget("").length()) : target;
            if (found.contains(key)) {
                out.add(target);
            }
        }
        return out;
    }
}
