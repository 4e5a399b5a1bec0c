package org.chainline.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The instance's protection key: 32 random bytes, from which a sealing key, a key for files at rest, a key for
 * stable tokens and a public key id are derived (HMAC-SHA256 with distinct labels), so that the master key itself is
 * never used for two purposes.
 */
final class ProtectionKey {

    private final byte[] sealing;
    private final byte[] tokenKey;
    private final byte[] fileKey;
    private final String id;

    private ProtectionKey(byte[] master) {
        sealing = hmac(master, "chainline seal v1");
        tokenKey = hmac(master, "chainline token v1");
        fileKey = hmac(master, "chainline file v1");
        id = HexFormat.of().formatHex(hmac(master, "chainline key id v1"), 0, 8);
        Arrays.fill(master, (byte) 0);
    }

    /** A key written as 64 hexadecimal digits or as base64 of 32 bytes; empty if the text is neither. */
    static Optional<ProtectionKey> parse(String text) {
        String s = text.strip();
        byte[] bytes = null;
        if (s.matches("[0-9a-fA-F]{64}")) {
            bytes = HexFormat.of().parseHex(s);
        } else {
            try {
                byte[] decoded = Base64.getDecoder().decode(s);
                if (decoded.length == 32) {
                    bytes = decoded;
                }
            } catch (IllegalArgumentException e) {
                // neither form: reported by the caller without echoing the text
            }
        }
        return Optional.ofNullable(bytes).map(ProtectionKey::new);
    }

    /** A short public fingerprint that tells which key sealed a value, without revealing anything of the key. */
    String id() {
        return id;
    }

    SecretKeySpec sealingKey() {
        return new SecretKeySpec(sealing, "AES");
    }

    SecretKeySpec fileKey() {
        return new SecretKeySpec(fileKey, "AES");
    }

    byte[] token(String namespace, String value) {
        return hmac(tokenKey, namespace + "\u0000" + value);
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
