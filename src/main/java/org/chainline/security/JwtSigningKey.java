package org.chainline.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.chainline.storage.DataDirectory;
import org.chainline.storage.KeyFiles;
import org.chainline.storage.StoreUnavailableException;

/**
 * The HMAC key that signs bearer tokens: {@code chainline.security.jwt-secret} when set (shared by all
 * instances of an organisation), otherwise {@code keys/jwt-secret} under the data directory, generated on
 * first start. Never a value in the repository. Because a signature is configured, unsigned tokens
 * ({@code alg: none}) are refused.
 */
@Factory
final class JwtSigningKey {

    private static final int MIN_SECRET_LENGTH = 32;

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generator(SecuritySettings settings, DataDirectory dataDirectory) {
        String secret = settings.jwtSecret();
        if (secret == null || secret.isBlank()) {
            secret = KeyFiles.readOrCreate(dataDirectory.resolve("keys").resolve("jwt-secret"), 32);
        } else if (secret.length() < MIN_SECRET_LENGTH) {
            throw new StoreUnavailableException("chainline.security.jwt-secret must be at least "
                    + MIN_SECRET_LENGTH + " characters (256 bits)");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(secret);
        return new SecretSignature(configuration);
    }
}
