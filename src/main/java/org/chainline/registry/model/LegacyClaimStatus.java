package org.chainline.registry.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Claims written before the review state became the only one carried the author's own {@code status}: accepted (which
 * said nothing a review does not, and read as if it did), disputed (now {@code research: conflicting-sources}) or
 * needs-work (now {@code research: needs-work}). Stored content is read so wherever it is read (a record's view, a
 * change merged onto it, the graph's projection and rebuild), so that the journal stays as it was written.
 */
public final class LegacyClaimStatus {

    private LegacyClaimStatus() {
    }

    public static ObjectNode upgrade(ObjectNode content) {
        JsonNode status = content.get("status");
        // a sanction's status (active, delisted) is its own and stays
        if (status == null || !status.isTextual() || "Sanction".equals(content.path("type").asText())) {
            return content;
        }
        String research = switch (status.asText()) {
            case "disputed" -> "conflicting-sources";
            case "needs-work" -> "needs-work";
            case "accepted" -> null;
            default -> "";
        };
        if (research == null || !research.isEmpty()) {
            content.remove("status");
            if (research != null && !content.has("research")) {
                content.set("research", TextNode.valueOf(research));
            }
        }
        return content;
    }
}
