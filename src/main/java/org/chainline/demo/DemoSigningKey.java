package org.chainline.demo;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.chainline.dossier.pdf.PadesSigner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The demo's signing key, for when no keystore is configured: a self-signed key of the fictional organisation, made
 * once under the data directory's {@code keys/} and used for the demo's approved dossier only. It proves nothing about
 * anyone; an organisation configures its own ({@code chainline.dossier.signing-keystore}).
 */
public final class DemoSigningKey {

    static final char[] PASSWORD = "fictional demo key".toCharArray();
    static final String SUBJECT = "CN=Tamyr Accountability Project (fictional demo key), O=Chainline demo";

    private DemoSigningKey() {
    }

    public static PadesSigner in(Path keys) {
        Path file = keys.resolve("demo-signing.p12");
        if (!Files.exists(file)) {
            create(file);
        }
        return PadesSigner.fromKeystore(file, PASSWORD, null);
    }

    private static void create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(SUBJECT);
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("demo", pair.getPrivate(), PASSWORD,
                    new Certificate[]{new JcaX509CertificateConverter().getCertificate(holder)});
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, PASSWORD);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo signing key cannot be written: " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the demo signing key cannot be made: " + e.getMessage(), e);
        }
    }
}
