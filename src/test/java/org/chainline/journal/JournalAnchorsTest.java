package org.chainline.journal;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.chainline.ChainlineTest;
import org.chainline.TestStores;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Someone with the database can rewrite the journal from an edited entry on, re-hash everything and move the head:
 * the chain is then whole, but it no longer matches what left the machine (a noted position, a dossier's hash) nor
 * what a time-stamping authority signed.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalAnchorsTest extends ChainlineTest {

    static HttpServer authority;
    static Path certificate;
    static final AtomicLong SERIAL = new AtomicLong(1);

    @Inject
    Journal journal;
    @Inject
    JournalAnchors anchors;
    @Inject
    JournalVerifier verifier;
    @Inject
    StoreSettings settings;

    /** A time-stamping authority of the test's own, on localhost, with a self-signed certificate. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestStores.freshContext());
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Fictional Test Time-Stamping Authority");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Instant.now().minusSeconds(3600)),
                    Date.from(Instant.now().plusSeconds(86400)), name, keys.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509CertificateHolder cert = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            certificate = org.chainline.TestStores.tempFile("chainline-test-tsa", ".pem");
            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(),
                    new JcaX509CertificateConverter().getCertificate(cert));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer,
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(
                            OIWObjectIdentifiers.idSHA1)), new ASN1ObjectIdentifier("1.2.3.4"));
            tokens.addCertificates(new JcaCertStore(List.of(cert)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            authority = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            authority.createContext("/tsa", exchange -> {
                try {
                    TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                    byte[] answer = responses.generate(request, BigInteger.valueOf(SERIAL.getAndIncrement()), new Date()).getEncoded();
                    exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
            });
            authority.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("chainline.timestamping.url", "http://127.0.0.1:" + authority.getAddress().getPort() + "/tsa");
        properties.put("chainline.timestamping.certificate", certificate.toString());
        return properties;
    }

    @AfterAll
    void stopAuthority() throws Exception {
        authority.stop(0);
        Files.deleteIfExists(certificate);
    }

    @Test
    @Order(1)
    void aTimeStampOfTheHeadIsCheckedAgainstTheAuthoritysCertificate() {
        for (int i = 0; i < 5; i++) {
            journal.append("tester", null, new Change("test.noted", "n-" + i, new Change.Json("{\"text\": \"fictional note " + i + "\"}")));
        }
        JournalAnchors.Stamped stamped = anchors.timestampHead("tester");
        assertEquals(journal.head().seq() - 1, stamped.seq(), "the head before the time-stamp's own entry");
        JournalVerification v = verifier.verify();
        assertTrue(v.intact(), v.toString());
        assertEquals(1, v.anchorsChecked());
        assertEquals(0, v.timestampsUnpinned(), "checked against the configured certificate");
    }

    @Test
    @Order(2)
    void aHistoryRewrittenWithFreshHashesNoLongerMatchesItsAnchors() throws Exception {
        Journal.Position noted = journal.head();
        journal.append("tester", null, new Change("test.noted", "n-last", new Change.Json("{\"text\": \"the last note\"}")));
        anchors.timestampHead("tester");
        assertTrue(verifier.verify(List.of(JournalAnchors.Anchor.given(noted.seq(), noted.hash(), "noted"))).intact());

        // the insider: disables the trigger, edits entry 2, re-hashes everything after it and moves the head
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_no_update_or_delete");
            List<JournalEntry> all = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT seq, recorded_at, actor, kind, target_id, payload, reason, prev_hash, hash FROM journal_entry ORDER BY seq")) {
                while (rs.next()) {
                    all.add(new JournalEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            String prev = EntryHash.GENESIS;
            try (PreparedStatement update = c.prepareStatement("UPDATE journal_entry SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (JournalEntry e : all) {
                    String payload = e.seq() == 2 ? "{\"text\":\"a note that was never written\"}" : e.payload();
                    String hash = EntryHash.of(e.seq(), e.recordedAt(), e.actor(), e.kind(), e.targetId(), payload, e.reason(), prev);
                    update.setString(1, payload);
                    update.setString(2, prev);
                    update.setString(3, hash);
                    update.setLong(4, e.seq());
                    update.executeUpdate();
                    prev = hash;
                }
            }
            s.execute("UPDATE journal_head SET hash = '" + prev + "' WHERE id = 1");
            s.execute("UPDATE journal_anchor SET hash = (SELECT hash FROM journal_entry WHERE journal_entry.seq = journal_anchor.seq)");
            s.execute("ALTER TABLE journal_entry ENABLE TRIGGER journal_entry_no_update_or_delete");
            c.commit();
        }

        JournalVerification rewritten = verifier.verify(List.of(JournalAnchors.Anchor.given(noted.seq(), noted.hash(), "noted")));
        assertEquals(null, rewritten.firstBrokenSeq(), "the chain itself is whole again");
        assertFalse(rewritten.intact(), rewritten.toString());
        String problems = String.join("\n", rewritten.anchorProblems());
        assertTrue(problems.contains("given noted"), problems);
        assertTrue(problems.contains("rfc3161") && problems.contains("rewritten"), problems);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.postgres().url(), settings.postgres().username(), null);
    }
}
