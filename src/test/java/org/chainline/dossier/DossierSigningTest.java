package org.chainline.dossier;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a keystore configured, every dossier is signed (PAdES), the signature verifies, and the drawing stays reproducible. */
@MicronautTest(transactional = false)
class DossierSigningTest extends ChainlineTest {

    static final char[] PASSWORD = "a keystore passphrase".toCharArray();
    static Path keystore;

    @Inject
    DemoCase demo;
    @Inject
    Dossiers dossiers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        keystore = keystore("CN=Tamyr Accountability Project (fictional), O=Chainline tests");
        properties.put("chainline.dossier.signing-keystore", keystore.toString());
        properties.put("chainline.dossier.signing-password", new String(PASSWORD));
        return properties;
    }

    /** A fictional organisation's self-signed key, as counsel's keystore would hold a real one. */
    static Path keystore(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("counsel", pair.getPrivate(), PASSWORD, new Certificate[]{certificate});
            Path file = org.chainline.TestStores.tempFile("chainline-signing", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD);
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void load() {
        assertTrue(TestCases.load(demo, "tester").records().applied());
    }

    @Test
    void theDossierIsSignedAndTheSignatureVerifiesOverTheDrawnDossier() throws Exception {
        Dossier draft = dossiers.generate("tester", dossiers.check("p-otegulov", "eu-ghrsr", "public"), (s, p) -> { }).dossier();
        assertNull(draft.signedBy(), "a draft is not signed");
        assertEquals(draft.sha256(), draft.unsignedSha256());
        Dossier d = dossiers.approve("second counsel", draft.id());
        assertTrue(d.approval().signedBy().contains("Tamyr Accountability Project"), d.approval().signedBy());
        assertNotEquals(d.approval().sha256(), d.approval().unsignedSha256());
        byte[] pdf = dossiers.pdf(d.id());
        assertEquals(d.approval().sha256(), org.chainline.Sha256.hex(pdf), "what is delivered is the approved, signed file");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertEquals(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), signature.getSubFilter());
            int[] range = signature.getByteRange();
            assertEquals(pdf.length, range[2] + range[3], "the signature covers the whole file but its own value");
            CMSSignedData cms = cms(signature, pdf);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)), "the signature verifies");
            assertTrue(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null, "PAdES: the signing certificate is a signed attribute");
            assertNull(signer.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime), "PAdES: the time is the dictionary's, not an attribute");
        }
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        try (org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(
                new ByteArrayInputStream(pdf), org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_B);
             org.verapdf.pdfa.PDFAValidator validator = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(
                     org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_B, false)) {
            var result = validator.validate(parser);
            assertEquals(List.of(), result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct().toList(),
                    "the signed dossier is still PDF/A-3b");
        }
        Dossiers.Regenerated again = dossiers.regenerate(d.id());
        assertTrue(again.identical());
        assertArrayEquals(again.pdf(), Arrays.copyOf(pdf, again.pdf().length), "the drawn dossier is the first bytes of the signed file");
        byte[] tampered = pdf.clone();
        tampered[again.pdf().length / 2] ^= 1;
        try (PDDocument document = Loader.loadPDF(tampered)) {
            PDSignature signature = document.getLastSignatureDictionary();
            CMSSignedData cms = cms(signature, tampered);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSSignerDigestMismatchException e) {
                valid = false;
            }
            assertTrue(!valid, "a changed byte breaks the signature");
        }
    }

    /** The CMS in /Contents (zero-padded to its reserved size: only the first DER object is the signature). */
    static CMSSignedData cms(PDSignature signature, byte[] pdf) throws Exception {
        try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
            return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    ContentInfo.getInstance(in.readObject()));
        }
    }

    @Test
    void aKeystoreThatCannotBeOpenedStopsStartUpNamingTheSetting() {
        Map<String, Object> properties = new HashMap<>(getPropertiesWithoutNewKeystore());
        properties.put("chainline.dossier.signing-password", "not the passphrase");
        SigningUnavailable e = assertThrows(SigningUnavailable.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                context.getBean(Dossiers.class);
            } catch (RuntimeException failure) {
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    if (t instanceof SigningUnavailable s) {
                        throw s;
                    }
                }
                throw failure;
            }
        });
        assertTrue(e.getMessage().contains("chainline.dossier.signing-password"), e.getMessage());
    }

    private Map<String, Object> getPropertiesWithoutNewKeystore() {
        Map<String, Object> properties = new HashMap<>(org.chainline.TestStores.freshContext());
        properties.put("chainline.dossier.signing-keystore", keystore.toString());
        return properties;
    }
}
