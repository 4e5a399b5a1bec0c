package org.chainline.registry;

import jakarta.inject.Singleton;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.Scope;
import org.chainline.journal.OutsideEntries;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Journal entries outside a reader's cases: an entry about a record (or an evidence item's custody) the reader does not
 * see, or about a case it is not in. Entries about accounts are the instance's and everyone's who may read the journal;
 * any other target (a dossier, a submission, a sanctions list, a file by its hash) belongs to no case yet and is shown
 * to no one but the service, until those have home cases (issue 26).
 */
@Singleton
final class CaseBoundEntries implements OutsideEntries {

    private final RecordStore store;
    private final CaseAccess access;

    CaseBoundEntries(RecordStore store, CaseAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public Set<String> outside(String reader, Collection<String> roles, Collection<String> targetIds) {
        Scope scope = access.scope(reader, roles);
        Set<String> outside = new HashSet<>(targetIds);
        outside.removeAll(store.findVisible(scope, targetIds, false).keySet());
        outside.removeIf(scope::sees);
        outside.removeIf(t -> t.startsWith("account-"));
        return outside;
    }
}
