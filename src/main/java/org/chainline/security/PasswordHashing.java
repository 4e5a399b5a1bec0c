package org.chainline.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.security.SecureRandom;

/**
 * Argon2id through Spring Security Crypto (over Bouncy Castle), with OWASP's recommended parameters
 * (19 MiB, 2 iterations, 1 lane), stored as PHC strings so that parameters can be raised later.
 */
@Singleton
final class PasswordHashing {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    static final int MIN_LENGTH = 12;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash = encoder.encode("no account has this password");

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same effort as a real check, so that unknown names cannot be told apart by timing. */
    void spendEffort(String password) {
        encoder.matches(password, dummyHash);
    }

    /** A one-time password: 20 characters from an alphabet without look-alikes (about 116 bits). */
    String oneTimePassword() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
