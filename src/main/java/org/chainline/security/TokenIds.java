package org.chainline.security;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Gives every token its own id ({@code jti}), so that a sign-out can end that token alone. */
@Singleton
final class TokenIds implements JtiGenerator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String generateJtiClaim() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
