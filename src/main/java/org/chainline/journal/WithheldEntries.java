package org.chainline.journal;

import java.util.Collection;
import java.util.Set;

/**
 * Which journal entries a reader without the witness-protection grant reads without their payload: the entries about
 * an item that is protected now. The journal keeps every entry as it was written (an item raised to protected later
 * arrived under a name that may name the witness); the feature that protects items says which they are.
 */
public interface WithheldEntries {

    /** Of these entries' target ids, those whose payloads are withheld from a reader without the grant. */
    Set<String> withheld(Collection<String> targetIds);
}
