package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * One message of a Telegram export, read leniently: its id, UTC time from {@code date_unixtime} (never {@code date},
 * which is the exporting machine's local time without an offset), text flattened from its parts, media path or
 * placeholder, and the evidence record it becomes.
 */
record TelegramMessage(TelegramJson.Chat chat, JsonNode node) {

    static String itemId(String chatId, long messageId) {
        return "tg-" + chatId.replaceAll("[^0-9A-Za-z]", "") + "-" + messageId;
    }

    boolean isService() {
        return "service".equals(node.path("type").asText());
    }

    Optional<Long> id() {
        JsonNode id = node.get("id");
        return id != null && id.canConvertToLong() && id.asLong() > 0 ? Optional.of(id.asLong()) : Optional.empty();
    }

    Optional<Instant> time(String field) {
        JsonNode t = node.get(field);
        if (t == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(t.asText().strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The text as sent: a string, or an array of strings and {@code {type, text}} parts. */
    String text() {
        JsonNode t = node.get("text");
        if (t == null || t.isNull()) {
            return "";
        }
        if (t.isTextual()) {
            return t.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : t) {
            out.append(part.isTextual() ? part.asText() : part.path("text").asText());
        }
        return out.toString();
    }

    /** The media path as written in the export (photo or file), or empty if the message carries none. */
    Optional<String> mediaPath() {
        for (String field : new String[]{"photo", "file"}) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    /** Telegram writes a placeholder sentence instead of a path for files it did not download. */
    static boolean isPlaceholder(String path) {
        return path.startsWith("(") && path.toLowerCase(Locale.ROOT).contains("not included");
    }

    String mediaType() {
        String mime = node.path("mime_type").asText("");
        if (mime.matches("[a-z]+/[a-zA-Z0-9.+-]+")) {
            return mime;
        }
        if (node.has("photo")) {
            return "image/jpeg";
        }
        return EvidenceLocker.mediaType(null, mediaPath().filter(p -> !isPlaceholder(p)).orElse(null));
    }

    /** The evidence record of this message, without source, file and links (the importer adds those). */
    ObjectNode record(long messageId, Instant published, String exportItem, Instant collected, String publicLink) {
        String text = text();
        ObjectNode r = Json.MAPPER.createObjectNode().put("type", "Evidence").put("id", itemId(chat.id(), messageId))
                .put("kind", "telegram-message").put("title", title(messageId, text));
        if (!text.isBlank()) {
            r.put("text", text.length() > 20_000 ? text.substring(0, 20_000) : text);
        }
        r.put("channel", chat.name().length() > 500 ? chat.name().substring(0, 500) : chat.name())
                .put("channelId", chat.id()).put("messageId", messageId)
                .put("published", published.atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .put("publishedAt", published.toString()).put("collectedAt", collected.toString())
                .put("partOf", exportItem);
        time("edited_unixtime").ifPresent(t -> r.put("editedAt", t.toString()));
        JsonNode reply = node.get("reply_to_message_id");
        if (reply != null && reply.canConvertToLong() && reply.asLong() > 0) {
            r.put("replyToMessageId", reply.asLong());
        }
        JsonNode location = node.get("location_information");
        if (location != null && location.path("latitude").isNumber() && location.path("longitude").isNumber()) {
            r.put("latitude", location.get("latitude").asDouble()).put("longitude", location.get("longitude").asDouble());
        }
        if (publicLink != null) {
            r.put("url", publicLink);
        }
        return r;
    }

    private String title(long messageId, String text) {
        String summary = text.strip().replaceAll("\\s+", " ");
        if (summary.isEmpty()) {
            summary = mediaPath().map(p -> node.path("media_type").asText(node.has("photo") ? "photo" : "file")).orElse("message");
        }
        String chatName = chat.name().length() > 80 ? chat.name().substring(0, 80) + "…" : chat.name();
        String title = chatName + " #" + messageId + ": " + summary;
        return title.length() > 200 ? title.substring(0, 199) + "…" : title;
    }
}
