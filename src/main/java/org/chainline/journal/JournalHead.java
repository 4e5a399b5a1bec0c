package org.chainline.journal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The last entry's position and hash; the genesis head is seq 0 with a hash of zeros. */
@MappedEntity("journal_head")
record JournalHead(@Id short id, long seq, String hash) {
}
