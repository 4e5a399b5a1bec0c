package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import tech.followthemoney.entity.ValueEntity;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.text;

/**
 * Chainline Evidence out as FtM Document, Video or Image, with its SHA-256 as contentHash; only items with a hash, never
 * protected ones, and restricted ones only when asked for. (Evidence comes in through the locker, not FtM.)
 */
final class EvidenceMapper {

    private EvidenceMapper() {
    }

    static void out(JsonNode ev, boolean includeRestricted, FtmOut out) {
        String confidentiality = ev.path("confidentiality").asText("restricted");
        if (!ev.hasNonNull("sha256") || confidentiality.equals("protected")
                || (confidentiality.equals("restricted") && !includeRestricted)) {
            return;
        }
        String schema = switch (ev.path("kind").asText()) {
            case "video" -> "Video";
            case "photo", "satellite-image" -> "Image";
            default -> "Document";
        };
        ValueEntity d = out.entity(id(ev), schema);
        add(d, "fileName", text(ev, "fileName") != null ? text(ev, "fileName") : ev.path("sha256").asText());
        add(d, "contentHash", ev.path("sha256").asText());
        add(d, "mimeType", text(ev, "mediaType"));
        add(d, "title", text(ev, "title"));
        add(d, "language", text(ev, "language"));
        add(d, "publishedAt", text(ev, "published"));
        add(d, "sourceUrl", text(ev, "url"));
        out.emit(d);
        out.documents.add(id(ev));
    }
}
