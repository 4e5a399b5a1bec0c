package org.chainline.protection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import org.chainline.input.Json;
import org.chainline.storage.KeyFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals the identities of people at risk (witnesses, protected victims, sources) with AES-256-GCM before they reach
 * the journal, and opens them for the few who hold the grant. Every sealing draws a fresh random nonce and pads the
 * text to a multiple of {@value #PAD} bytes, so two sealed values say nothing about whether their names are equal, nor
 * how long a name is. The record id and property are authenticated with it, so a sealed value cannot be moved to
 * another record. A sealed value may carry its origin (the SHA-256 of the import file it came from), which only the key
 * can read: re-importing the same file can then keep the stored value (see {@code ProtectedValues}) without anything
 * outside the sealed text being comparable. Start-up refuses to run without the key once anything has been sealed.
 */
@Context
public class IdentityProtection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IdentityProtection.class);
    private static final String VERSION = "v2";
    /** Values sealed before nonces were random (synthetic IV, no padding); still opened, never written. */
    private static final String LEGACY = "v1";
    /** Sealed plaintexts are padded to a multiple of this many bytes. */
    static final int PAD = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProtectionSettings settings;
    private final TransactionOperations<Connection> transactions;
    private volatile ProtectionKey key;
    private volatile boolean registered;

    IdentityProtection(ProtectionSettings settings, TransactionOperations<Connection> transactions) {
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Refuses to start when protected data exists and its key is missing or another key is configured. */
    @PostConstruct
    void checkKey() {
        List<String> sealers = registeredKeys();
        if (sealers.isEmpty()) {
            return;
        }
        ProtectionKey configured = configuredKey(false);
        if (configured == null) {
            throw new ProtectionUnavailable("This instance holds protected identities sealed with protection key "
                    + sealers.getFirst() + ", but no key is configured. Set CHAINLINE_PROTECTION_KEY_FILE to the key file"
                    + " (looked for " + settings.keyPath() + ") or CHAINLINE_PROTECTION_KEY to the key.");
        }
        if (!sealers.contains(configured.id())) {
            throw new ProtectionUnavailable("The configured protection key (" + configured.id() + ") is not the key that"
                    + " sealed this instance's protected identities (" + String.join(", ", sealers) + ").");
        }
        key = configured;
    }

    /**
     * The sealed text of {@code value}, bound to the record and property it belongs to; {@code origin} (the SHA-256 of
     * the file it was imported from, or null) is sealed with it.
     */
    public String seal(String recordId, String property, JsonNode value, String origin) {
        ProtectionKey k = keyForSealing();
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.set("value", value);
        if (origin != null) {
            envelope.put("origin", origin);
        }
        byte[] text = envelope.toString().getBytes(StandardCharsets.UTF_8);
        // JSON allows trailing spaces: the padding needs no length field and leaves the envelope readable as it is
        byte[] plaintext = new byte[(text.length / PAD + 1) * PAD];
        System.arraycopy(text, 0, plaintext, 0, text.length);
        Arrays.fill(plaintext, text.length, plaintext.length, (byte) ' ');
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.sealingKey(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associated(recordId, property));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + "." + k.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The value sealed in {@code sealed} for this record and property; fails if it was sealed for another. */
    public JsonNode open(String recordId, String property, String sealed) {
        return openWithOrigin(recordId, property, sealed).value();
    }

    /** A sealed value opened: the value, and the SHA-256 of the file it was imported from (or null). */
    public record Opened(JsonNode value, String origin) {
    }

    /** As {@link #open}, with the origin sealed beside the value. */
    public Opened openWithOrigin(String recordId, String property, String sealed) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !(parts[0].equals(VERSION) || parts[0].equals(LEGACY))) {
            throw new SealBroken("is not a sealed value of this version");
        }
        ProtectionKey k = configuredKey(false);
        if (k == null) {
            throw new ProtectionUnavailable("no protection key is configured; protected identities cannot be opened");
        }
        if (!k.id().equals(parts[1])) {
            throw new SealBroken("was sealed with another protection key (" + parts[1] + ")");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            if (bytes.length < 12 + 16) {
                throw new SealBroken("is too short to be a sealed value");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k.sealingKey(), new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(associated(recordId, property));
            byte[] plain = cipher.doFinal(bytes, 12, bytes.length - 12);
            JsonNode read = Json.MAPPER.readTree(plain);
            if (parts[0].equals(LEGACY)) {
                return new Opened(read, null);
            }
            return new Opened(read.get("value"), read.path("origin").asText(null));
        } catch (AEADBadTagException e) {
            throw new SealBroken("was sealed for another record or property, or has been altered");
        } catch (IllegalArgumentException e) {
            throw new SealBroken("is not valid base64");
        } catch (GeneralSecurityException | IOException e) {
            throw new SealBroken("cannot be opened");
        }
    }

    /**
     * A stable token for a value that must not be stored itself (a Telegram user id): the same value gives the same
     * token under this instance's key, and the token says nothing about the value without the key.
     */
    public String token(String namespace, String value, int hexDigits) {
        return HexFormat.of().formatHex(keyForSealing().token(namespace, value)).substring(0, hexDigits);
    }

    /**
     * Wraps {@code out} so that what is written to it is sealed at rest (protected files: testimony, raw exports);
     * closing the wrapper finishes the file.
     */
    public OutputStream sealing(OutputStream out) throws IOException {
        ProtectionKey k = keyForSealing();
        return SealedStreams.sealing(out, k.fileKey(), k.id());
    }

    /** The clear bytes of a file written through {@link #sealing}; a read fails if it was altered or cut short. */
    public InputStream opening(InputStream in) throws IOException {
        ProtectionKey k = configuredKey(false);
        if (k == null) {
            in.close();
            throw new ProtectionUnavailable("no protection key is configured; protected files cannot be opened");
        }
        return SealedStreams.opening(in, k.fileKey(), k.id());
    }

    /** The value cannot be opened as a sealed value for this record and property. */
    public static final class SealBroken extends RuntimeException {
        SealBroken(String message) {
            super(message, null, false, false);
        }
    }

    private static byte[] associated(String recordId, String property) {
        return ("chainline:" + recordId + "#" + property).getBytes(StandardCharsets.UTF_8);
    }

    private ProtectionKey keyForSealing() {
        ProtectionKey k = configuredKey(true);
        if (!registered) {
            if (!registeredKeys().contains(k.id())) {
                register(k.id());
            }
            registered = true;
        }
        return k;
    }

    /** The configured key; with {@code create}, a new key file is written at the configured path if none exists. */
    private synchronized ProtectionKey configuredKey(boolean create) {
        if (key != null) {
            return key;
        }
        String text = null;
        String from;
        if (settings.keyGiven()) {
            text = settings.key();
            from = "chainline.protection.key";
        } else {
            Path path = settings.keyPath();
            from = path.toString();
            if (Files.isRegularFile(path)) {
                try {
                    text = Files.readString(path);
                } catch (IOException e) {
                    throw new ProtectionUnavailable("The protection key file " + path + " cannot be read: " + e.getMessage());
                }
            } else if (create) {
                text = KeyFiles.readOrCreate(path, 32);
                LOG.warn("Created the protection key file {}. Protected identities can only ever be read with it:"
                        + " keep a copy somewhere safe, apart from the data directory.", path);
            }
        }
        if (text == null) {
            return null;
        }
        ProtectionKey parsed = ProtectionKey.parse(text).orElseThrow(() -> new ProtectionUnavailable(
                "The protection key in " + from + " is not 64 hexadecimal digits or base64 of 32 bytes."));
        key = parsed;
        return parsed;
    }

    private List<String> registeredKeys() {
        return transactions.executeRead(status -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT key_id FROM protection_key ORDER BY registered_at");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("protection keys cannot be read: " + e.getMessage(), e);
            }
            return ids;
        });
    }

    private void register(String keyId) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO protection_key (key_id, registered_at) VALUES (?, now()) ON CONFLICT DO NOTHING")) {
                insert.setString(1, keyId);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("the protection key cannot be registered: " + e.getMessage(), e);
            }
            return null;
        });
    }
}
