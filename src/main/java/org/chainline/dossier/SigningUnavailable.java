package org.chainline.dossier;

/** A signing keystore is configured but cannot be used: start-up stops with the setting to fix. */
public final class SigningUnavailable extends RuntimeException {

    SigningUnavailable(String message) {
        super(message);
    }
}
