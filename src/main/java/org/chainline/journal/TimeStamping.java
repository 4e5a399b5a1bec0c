package org.chainline.journal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.chainline.Sha256;
import org.chainline.refusal.InvalidInput;
import org.chainline.storage.StoreUnavailableException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * RFC 3161 time-stamps of journal positions, from the authority at {@code chainline.timestamping.url}, checked against
 * its certificate ({@code chainline.timestamping.certificate}, a PEM file kept outside the data directory): without that
 * certificate a token is only checked against the certificate it carries, which proves nothing against someone able
 * to rewrite the store, and verify says so.
 */
@Singleton
class TimeStamping {

    private final String url;
    private final String certificateFile;
    private final SecureRandom random = new SecureRandom();

    TimeStamping(@Value("${chainline.timestamping.url:}") @Nullable String url,
                 @Value("${chainline.timestamping.certificate:}") @Nullable String certificateFile) {
        this.url = url == null ? "" : url.strip();
        this.certificateFile = certificateFile == null ? "" : certificateFile.strip();
    }

    /** A token the authority signed, its time and who signed it. */
    record Token(byte[] der, Instant at, String authority) {
    }

    /** The bytes an authority signs for a position: a statement that names the position and its hash. */
    static byte[] imprint(long seq, String hash) {
        return Sha256.digest().digest(("chainline journal " + seq + " " + hash).getBytes(StandardCharsets.UTF_8));
    }

    Token stamp(long seq, String hash) {
        if (url.isEmpty()) {
            throw new InvalidInput("timestamping", "no time-stamping authority is configured: set"
                    + " chainline.timestamping.url (CHAINLINE_TIMESTAMPING_URL) to an RFC 3161 service");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint(seq, hash), nonce);
        try {
            HttpResponse<byte[]> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new StoreUnavailableException("the time-stamping authority answered " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new StoreUnavailableException("the time-stamping authority refused: " + response.getStatusString());
            }
            Check check = check(token.getEncoded(), seq, hash);
            if (!check.matches()) {
                throw new StoreUnavailableException("the time-stamping authority's token does not verify: " + check.problem());
            }
            return new Token(token.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant(), check.signer());
        } catch (IOException | TSPException e) {
            throw new StoreUnavailableException("the time-stamping authority at " + url + " could not be used: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the time-stamping authority", e);
        }
    }

    /** What checking a token against a position found: whether it signs that position, by whom, and what is wrong. */
    record Check(boolean matches, boolean pinned, String signer, @Nullable String problem) {
    }

    Check check(byte[] der, long seq, String hash) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
            if (!MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), imprint(seq, hash))) {
                return new Check(false, false, "?", "the token signs another position or hash than entry " + seq
                        + " holds now: the history up to it was rewritten");
            }
            X509Certificate pinned = pinnedCertificate();
            X509Certificate signer = pinned;
            if (signer == null) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(token.getSID());
                if (carried.isEmpty()) {
                    return new Check(false, false, "?", "the token carries no certificate and none is configured");
                }
                signer = new JcaX509CertificateConverter().getCertificate(carried.iterator().next());
            }
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(signer);
            token.validate(verifier);
            return new Check(true, pinned != null, signer.getSubjectX500Principal().getName(), null);
        } catch (TSPException | OperatorCreationException
                 | CertificateException | IOException | CMSException e) {
            return new Check(false, false, "?", "the token's signature does not verify: " + e.getMessage());
        }
    }

    private X509Certificate pinnedCertificate() throws CertificateException, IOException {
        if (certificateFile.isEmpty()) {
            return null;
        }
        byte[] pem = Files.readAllBytes(Path.of(certificateFile));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }
}
