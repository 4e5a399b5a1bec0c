package org.chainline.protection;

/** Protected identities cannot be sealed or opened: the key is missing, unreadable or not the one that sealed them. */
public final class ProtectionUnavailable extends RuntimeException {

    ProtectionUnavailable(String message) {
        super(message);
    }
}
