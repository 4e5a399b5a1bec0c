package org.chainline.registry;

import org.chainline.Sha256;

/** SHA-256 of a record's canonical JSON: equal hashes mean an import line changes nothing. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String canonicalJson) {
        return Sha256.hex(canonicalJson);
    }
}
