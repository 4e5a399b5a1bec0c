package org.chainline.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a Telegram export import did: the export's own item (its result.json, hashed and kept), messages read and
 * imported, those already held (a second import of the same export imports none), service messages skipped, media
 * stored, media that repeat a file already held (linked as copies), files not collected (placeholders or missing from
 * the export), the sources created, and every error with its chat and message id. With any error nothing is applied.
 */
@Serdeable
public record TelegramReport(boolean applied, @Nullable String export, String resultSha256, long chats, long messages,
                             long imported, long alreadyHeld, long skipped, long mediaStored, long mediaCopies,
                             long notCollected, List<String> missingFiles, long sourcesCreated, long errorCount,
                             List<MessageError> errors, @Nullable Long journalFrom, @Nullable Long journalTo,
                             long millis, long journalMillis, long projectMillis) {

    /** A problem with one message (or with the export as a whole: chat and message null). */
    @Serdeable
    public record MessageError(@Nullable String chat, @Nullable Long message, String field, String reason) {
    }

    public String summary() {
        if (!applied) {
            return errorCount + " error" + (errorCount == 1 ? "" : "s") + " in " + messages + " messages; nothing was imported";
        }
        return messages + " messages in " + chats + " chat" + (chats == 1 ? "" : "s") + ": " + imported + " imported, "
                + alreadyHeld + " already held, " + skipped + " service messages skipped; " + mediaStored + " media files stored, "
                + mediaCopies + " copies of files already held, " + notCollected + " not collected; " + sourcesCreated
                + " sources created; in " + millis + " ms";
    }
}
