package org.chainline.dossier.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;

/**
 * Signs a dossier as PAdES (ETSI.CAdES.detached, with the signing certificate as a signed attribute, no signing-time
 * attribute: the time is the signature dictionary's) in an incremental update, so that the dossier as drawn stays
 * the first bytes of the signed file and can still be proved identical on regeneration.
 */
public final class PadesSigner {

    private final PrivateKey key;
    private final List<Certificate> chain;
    private final String signer;

    private PadesSigner(PrivateKey key, List<Certificate> chain) {
        this.key = key;
        this.chain = chain;
        this.signer = ((X509Certificate) chain.getFirst()).getSubjectX500Principal().getName();
    }

    /** The signing key of a PKCS#12 keystore; every problem is one sentence naming the setting to fix. */
    public static PadesSigner fromKeystore(Path keystore, char[] password, String alias) {
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("chainline.dossier.signing-keystore " + keystore + " cannot be read");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String name = alias;
            if (name == null || name.isBlank()) {
                name = Collections.list(store.aliases()).stream().filter(a -> {
                    try {
                        return store.isKeyEntry(a);
                    } catch (GeneralSecurityException e) {
                        return false;
                    }
                }).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "chainline.dossier.signing-keystore " + keystore + " holds no private key"));
            }
            if (!(store.getKey(name, password) instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("chainline.dossier.signing-alias '" + name + "' is not a private key in " + keystore);
            }
            Certificate[] chain = store.getCertificateChain(name);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                throw new IllegalArgumentException("chainline.dossier.signing-alias '" + name + "' has no X.509 certificate in " + keystore);
            }
            return new PadesSigner(privateKey, List.of(chain));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("chainline.dossier.signing-keystore " + keystore + " cannot be opened"
                    + " (wrong chainline.dossier.signing-password?): " + e.getMessage(), e);
        }
    }

    /** Who signs, as the certificate names them. */
    public String signer() {
        return signer;
    }

    /** The dossier with a signature appended; its first bytes are the dossier as given. */
    public byte[] sign(byte[] pdf, String reason, Calendar when) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer);
            signature.setReason(reason);
            signature.setSignDate(when);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
                document.addSignature(signature, this::cms, options);
                document.saveIncremental(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the dossier could not be signed: " + e.getMessage(), e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            X509Certificate certificate = (X509Certificate) chain.getFirst();
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{new ESSCertIDv2(certHash)})));
            ASN1EncodableVector extra = new ASN1EncodableVector();
            extra.add(signingCertificate);
            CMSAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
            // PAdES: the claimed signing time is the signature dictionary's /M, so no signing-time attribute
            CMSAttributeTableGenerator withoutTime = parameters -> {
                Hashtable<?, ?> table = defaults.getAttributes(parameters).toHashtable();
                table.remove(CMSAttributes.signingTime);
                return new AttributeTable(table);
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutTime)
                    .build(new JcaContentSignerBuilder(key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA").build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            return signed.getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("the signature could not be made: " + e.getMessage(), e);
        }
    }
}
