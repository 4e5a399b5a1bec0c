package org.chainline.journal;

import java.util.Collection;
import java.util.Set;

/**
 * Which journal entries are about material outside a reader's cases (cases as compartments): the journal keeps every
 * entry of every case in one hash chain, and a reader is shown only those of its own cases; the features that know
 * what belongs to which case say which the others are.
 */
public interface OutsideEntries {

    /**
     * Of these entries' target ids, those the reader (its account and the roles its token carries) does not see: a record,
     * case or item of a case it is not in, or anything no case of the reader vouches for.
     */
    Set<String> outside(String reader, Collection<String> roles, Collection<String> targetIds);
}
