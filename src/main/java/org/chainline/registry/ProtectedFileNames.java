package org.chainline.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.registry.validation.ValidRecord;

/**
 * The name a protected item's file goes by: the name it arrived under ({@code Aigerim-testimony.ogg}) may name the
 * witness, so it is kept sealed in {@code originalFileName} and the item shows its id with the file's extension. Applied
 * to every protected evidence record as it is written, whether it arrived protected or was raised to protected later.
 */
public final class ProtectedFileNames {

    private ProtectedFileNames() {
    }

    /** {@code ev-5f0c2e81b6a94d17.ogg} for item {@code ev-5f0c2e81b6a94d17} and {@code whatever.ogg}. */
    public static String neutral(String itemId, String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1);
        return itemId + (extension.matches("[A-Za-z0-9]{1,10}") ? "." + extension : "");
    }

    /** Moves a protected record's own file name into {@code originalFileName} (sealed after) and shows the neutral one. */
    static void hide(ValidRecord record) {
        if (!record.type().name().equals("Evidence")) {
            return;
        }
        ObjectNode content = record.content();
        String name = content.path("fileName").asText(null);
        if (name == null || !EvidenceAccess.PROTECTED.equals(content.path("confidentiality").asText())) {
            return;
        }
        String neutral = neutral(record.id(), name);
        if (name.equals(neutral)) {
            return;
        }
        content.set("originalFileName", content.objectNode().put("name", name));
        content.put("fileName", neutral);
        if (name.equals(content.path("title").asText())) {
            content.put("title", neutral);
        }
    }
}
