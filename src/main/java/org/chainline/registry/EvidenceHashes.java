package org.chainline.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.protection.IdentityProtection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How an evidence item's SHA-256 is shown. A protected item's, and that of any item naming protected bytes, is shown
 * only to holders of the witness-protection grant; anyone else reads a keyed digest ({@code keyed:…}) that only the
 * service can compute, so that whoever holds a copy of a video cannot confirm that it is the protected testimony.
 */
@Singleton
public class EvidenceHashes {

    /** What a keyed digest begins with, so that nobody takes it for the file's SHA-256. */
    public static final String KEYED = "keyed:";

    private final EvidenceRecords evidence;
    private final IdentityProtection protection;

    EvidenceHashes(EvidenceRecords evidence, IdentityProtection protection) {
        this.evidence = evidence;
        this.protection = protection;
    }

    /** The keyed digest of a SHA-256: the same bytes give the same digest under this instance's key. */
    public String keyed(String sha256) {
        return KEYED + protection.token("evidence-sha256", sha256, 32);
    }

    /**
     * The id of an item that arrives with its file: {@code ev-} and a keyed token of its bytes, never their SHA-256's
     * first digits, which would confirm the file to whoever holds a copy once the item is protected (an item may be
     * raised to protected long after it arrived, and its id is permanent). Items recorded by earlier versions keep the
     * {@code ev-<sha256 prefix>} ids they were given.
     */
    public String itemId(String sha256) {
        return itemId(protection, sha256);
    }

    /**
     * The id of an item of case {@code caseId} whose bytes an item of another case named first: a keyed token of both,
     * so that the case's own item is told from the other's by nothing its readers can compute.
     */
    public String itemId(String sha256, String caseId) {
        return "ev-" + protection.token("evidence-id", sha256 + "\n" + caseId, 16);
    }

    /** The same, for a feature that holds the protection itself (a Telegram import, inside its journal transaction). */
    public static String itemId(IdentityProtection protection, String sha256) {
        return "ev-" + protection.token("evidence-id", sha256, 16);
    }

    /** Of these SHA-256s, those of protected bytes (a protected item names them, or did and no holder released them). */
    public Set<String> protectedAmong(Collection<String> sha256s) {
        return evidence.protectedAmong(List.of(), sha256s);
    }

    /** The record as a reader is shown it: unchanged for a holder of the grant, a protected item's hash keyed otherwise. */
    public ObjectNode shown(ObjectNode view, boolean holdsGrant) {
        return shown(List.of(view), holdsGrant).getFirst();
    }

    /** The records as a reader is shown them (one read for all of them). */
    public List<ObjectNode> shown(List<ObjectNode> views, boolean holdsGrant) {
        if (holdsGrant) {
            return views;
        }
        List<String> hashes = new ArrayList<>();
        for (ObjectNode v : views) {
            if ("Evidence".equals(v.path("type").asText()) && v.hasNonNull("sha256")) {
                hashes.add(v.get("sha256").asText());
            }
        }
        if (hashes.isEmpty()) {
            return views;
        }
        Set<String> protectedBytes = protectedAmong(hashes);
        for (ObjectNode v : views) {
            if ("Evidence".equals(v.path("type").asText()) && v.hasNonNull("sha256")) {
                String sha = v.get("sha256").asText();
                if ("protected".equals(v.path("confidentiality").asText()) || protectedBytes.contains(sha)) {
                    v.put("sha256", keyed(sha));
                }
            }
        }
        return views;
    }
}
