package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.evidence.files.FileStore;
import org.chainline.input.Json;
import org.chainline.journal.Journal;
import org.chainline.protection.IdentityProtection;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.TooLarge;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.ProtectedFileNames;
import org.chainline.registry.imports.RecordImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** One Telegram import inside its journal transaction: messages in chunks, each chunk checked against the store at once. */
final class TelegramRun {

    private static final int CHUNK = 500;

    private final Journal.Batch batch;
    private final RecordImport.Session session;
    private final Custody custody;
    private final IdentityProtection protection;
    private final FileStore files;
    private final ExportFiles export;
    private final TelegramExportImport.Options options;
    private final FileStore.Stored json;
    private final Instant now;
    private final List<String> newlyStored;
    private final RecordImport.Progress progress;
    /** Of these SHA-256s, those of protected bytes (read from the store as committed before this import). */
    private final Function<Collection<String>, Set<String>> protectedBytes;
    private long budget;

    private final String exportItem;
    private final boolean exportKnown;
    private final List<TelegramMessage> chunk = new ArrayList<>(CHUNK);
    private final List<String[]> positions = new ArrayList<>();
    private final List<TelegramReport.MessageError> errors = new ArrayList<>();
    private final Set<String> sources = new HashSet<>();
    private final Map<String, String> pseudonymOfSender = new HashMap<>();
    private final Map<String, String> firstHolder = new HashMap<>();
    private final List<StoredFiles.Row> newRows = new ArrayList<>();
    private final List<ObjectNode> createdItems = new ArrayList<>();
    private final Set<String> chats = new LinkedHashSet<>();
    private final List<String> missing = new ArrayList<>();
    private long messages;
    private long skipped;
    private long alreadyHeld;
    private long mediaStored;
    private long mediaCopies;
    private long notCollected;
    private long sourcesCreated;
    private long errorCount;
    private final long journalFrom;

    private final Set<String> imported = new HashSet<>();
    /** The Telegram ids (digits) of the public channels and supergroups this export holds: their names may be shown. */
    private final Set<String> publicChats = new HashSet<>();
    private final Map<String, TelegramJson.Chat> shownChats = new HashMap<>();

    TelegramRun(Journal.Batch batch, RecordImport.Session session, Custody custody, IdentityProtection protection,
                FileStore files, ExportFiles export, TelegramExportImport.Options options, FileStore.Stored json,
                Instant now, long budget, List<String> newlyStored, RecordImport.Progress progress,
                Function<Collection<String>, Set<String>> protectedBytes) {
        this.protectedBytes = protectedBytes;
        this.batch = batch;
        this.session = session;
        this.custody = custody;
        this.protection = protection;
        this.files = files;
        this.export = export;
        this.options = options;
        this.json = json;
        this.now = now;
        this.budget = budget - json.size();
        this.newlyStored = newlyStored;
        this.progress = progress;
        this.journalFrom = batch.lastSeq() + 1;
        StoredFiles.Row known = StoredFiles.find(batch.connection(), List.of(json.sha256())).get(json.sha256());
        exportKnown = known != null;
        // the raw export is protected from its arrival: named by a keyed id, not by its hash's first digits
        exportItem = exportKnown ? known.evidenceId() : EvidenceHashes.itemId(protection, json.sha256());
    }

    void importAll() {
        try (InputStream in = files.open(json.sha256()).orElseThrow()) {
            TelegramJson.read(in, (chat, node) -> message(new TelegramMessage(shown(chat), node)));
        } catch (TelegramJson.Malformed e) {
            throw new InvalidInput("export", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush();
        if (!exportKnown) {
            String title = chats.size() == 1 ? "Telegram export of " + chats.iterator().next() + " (result.json)"
                    : "Telegram account export, " + chats.size() + " chats (result.json)";
            // the raw export names every sender and forwarder with their Telegram ids: its bytes are protected
            ObjectNode item = Json.MAPPER.createObjectNode().put("type", "Evidence").put("id", exportItem)
                    .put("kind", "document").put("title", title.length() > 200 ? title.substring(0, 199) + "…" : title)
                    .put("confidentiality", "protected")
                    .put("sha256", json.sha256()).put("size", json.size()).put("mediaType", "application/json")
                    .put("fileName", "result.json").put("fileStatus", "stored").put("collectedAt", now.toString());
            add(item, null, null);
            newRows.add(new StoredFiles.Row(json.sha256(), json.size(), "application/json", exportItem, 0));
        }
        session.finish();
        for (var e : session.errors()) {
            String[] at = positions.get((int) e.line());
            error(at[0], at[1] == null ? null : Long.parseLong(at[1]), e.field(), e.reason());
        }
        if (errorCount > 0) {
            return;
        }
        if (!exportKnown) {
            custody.add(batch, exportItem, Custody.Action.RECEIVED, Json.MAPPER.createObjectNode().put("sha256", json.sha256())
                    .put("size", json.size()).put("fileName", "result.json").put("via", "telegram export").put("duplicate", false));
        }
        for (ObjectNode item : createdItems) {
            ObjectNode details = Json.MAPPER.createObjectNode().put("export", exportItem);
            if (item.has("sha256")) {
                details.put("sha256", item.get("sha256").asText());
            }
            custody.add(batch, item.get("id").asText(), Custody.Action.IMPORTED, details);
        }
        long seq = batch.lastSeq();
        StoredFiles.insert(batch.connection(), newRows.stream()
                .map(r -> new StoredFiles.Row(r.sha256(), r.size(), r.mediaType(), r.evidenceId(), seq)).toList());
    }

    private void message(TelegramMessage m) {
        messages++;
        chats.add(m.chat().name());
        if (m.isService()) {
            skipped++;
            return;
        }
        chunk.add(m);
        if (chunk.size() == CHUNK) {
            flush();
        }
        if (messages % 1000 == 0) {
            progress.at("messages", messages, -1);
        }
    }

    /** A chunk: which items and sources exist, the media stored, copies found, and the records added. */
    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (TelegramMessage m : chunk) {
            m.id().ifPresent(id -> ids.add(TelegramMessage.itemId(m.chat().id(), id)));
            ids.add(senderSource(m).id());
            forwardedOrigin(m).ifPresent(f -> ids.add(f.id()));
        }
        Set<String> existing = session.existing(ids);
        List<Object[]> pending = new ArrayList<>();
        for (TelegramMessage m : chunk) {
            Optional<Long> id = m.id();
            Optional<Instant> time = m.time("date_unixtime");
            if (id.isEmpty() || time.isEmpty()) {
                error(m.chat().name(), id.orElse(null), id.isEmpty() ? "id" : "date_unixtime",
                        id.isEmpty() ? "is missing or not a positive number" : "is missing or not a Unix time");
                continue;
            }
            String itemId = TelegramMessage.itemId(m.chat().id(), id.get());
            if (existing.contains(itemId)) {
                alreadyHeld++;
                continue;
            }
            pending.add(new Object[]{m, id.get(), time.get(), media(m, id.get())});
        }
        Set<String> hashes = new HashSet<>();
        pending.forEach(p -> ((Media) p[3]).sha().ifPresent(hashes::add));
        Map<String, StoredFiles.Row> held = StoredFiles.find(batch.connection(), hashes);
        Set<String> heldProtected = held.isEmpty() ? Set.of() : protectedBytes.apply(held.keySet());
        for (Object[] p : pending) {
            TelegramMessage m = (TelegramMessage) p[0];
            long id = (Long) p[1];
            Media media = (Media) p[3];
            ObjectNode item = m.record(id, (Instant) p[2], exportItem, now, link(m.chat(), id));
            String itemId = item.get("id").asText();
            Sender sender = senderSource(m);
            ensureSource(sender, existing, m, id);
            item.put("source", sender.id());
            if (m.chat().isChannel() && m.node().hasNonNull("author")) {
                item.set("authorIdentity", Json.MAPPER.createObjectNode().put("name", m.node().get("author").asText()));
            }
            forwarded(m, existing, id).ifPresent(f -> item.put("forwardedFrom", f));
            JsonNode reply = m.node().get("reply_to_message_id");
            if (reply != null && positionsHold(m.chat().id(), reply.asLong())) {
                item.put("replyTo", TelegramMessage.itemId(m.chat().id(), reply.asLong()));
            }
            media.apply(item, m.mediaType(), m.chat().namesPeople());
            media.sha().ifPresent(sha -> {
                StoredFiles.Row before = held.get(sha);
                String first = before != null ? before.evidenceId() : firstHolder.get(sha);
                if (first == null) {
                    firstHolder.put(sha, itemId);
                    newRows.add(new StoredFiles.Row(sha, media.size(), m.mediaType(), itemId, 0));
                } else if (before != null && heldProtected.contains(sha)) {
                    // a copy of a protected item's file: the post does not name the item (whoever imported the export
                    // would read which testimony it is); the item's custody records the copy for the holders
                    custody.add(batch, first, Custody.Action.RECEIVED, Json.MAPPER.createObjectNode().put("sha256", sha)
                            .put("size", media.size()).put("mediaType", m.mediaType()).put("via", "telegram export")
                            .put("duplicate", true).put(EvidenceLocker.MATCHED, true).put("copiedBy", itemId));
                    mediaCopies++;
                } else {
                    item.put("copyOf", first);
                    mediaCopies++;
                }
            });
            add(item, m.chat().name(), id);
            createdItems.add(item);
            imported.add(m.chat().id() + "/" + id);
        }
        chunk.clear();
    }

    /**
     * The chat as the records show it: a channel or public supergroup as it is; any other chat (a personal chat named
     * after the peer, a private group) by a pseudonym and a keyed token in place of its name and Telegram id, so that
     * neither reaches an item's id, title, channel or searchable text.
     */
    private TelegramJson.Chat shown(TelegramJson.Chat chat) {
        if (!chat.namesPeople()) {
            publicChats.add(digits(chat.id()));
            return chat;
        }
        return shownChats.computeIfAbsent(chat.id(), id -> {
            ChatPseudonym shown = ChatPseudonym.of(protection, id);
            return new TelegramJson.Chat(shown.name(), chat.type(), shown.id());
        });
    }

    private boolean positionsHold(String chatId, long messageId) {
        return imported.contains(chatId + "/" + messageId);
    }

    private void add(ObjectNode record, String chat, Long message) {
        positions.add(new String[]{chat, message == null ? null : String.valueOf(message)});
        session.add(positions.size() - 1, record);
    }

    /**
     * Who sent a message, or whom it was forwarded from: a public channel or supergroup (by its name), or a person, a
     * private channel or a private group (by pseudonym, the name and Telegram id sealed in the source's identity).
     */
    private record Sender(String id, String kind, String pseudonym, boolean sealed, String name, String telegramId) {
    }

    private Sender senderSource(TelegramMessage m) {
        String fromId = m.node().path("from_id").asText("");
        String name = m.node().path("from").asText(m.node().path("actor").asText(m.chat().name()));
        if (fromId.isEmpty() && m.chat().isChannel()) {
            // a channel's own post without a sender: the channel itself, as the records show it
            return m.chat().namesPeople() ? space("chat:" + m.chat().id(), m.chat().name(), "")
                    : new Sender("src-tg-c" + digits(m.chat().id()), "channel", clip(m.chat().name()), false, m.chat().name(), "");
        }
        if (fromId.startsWith("channel") || fromId.startsWith("chat")) {
            // posted as a channel (also "as a channel" inside a group): named only if the export shows it public
            return publicChats.contains(digits(fromId))
                    ? new Sender("src-tg-c" + digits(fromId), "channel", clip(name), false, name, fromId)
                    : space(digits(fromId), name, fromId);
        }
        return person(fromId.isEmpty() ? "name:" + name : fromId, name, fromId);
    }

    /** A person by a keyed token of their Telegram id (or, without one, of their name). */
    private Sender person(String key, String name, String telegramId) {
        String token = protection.token("telegram-user", key, 12);
        return new Sender("src-tg-u" + token, "witness", "TG-" + token.substring(0, 8).toUpperCase(Locale.ROOT), true,
                name, telegramId);
    }

    /** A private channel or group by the pseudonym its chat gets ({@link ChatPseudonym}), its name sealed. */
    private Sender space(String telegramChatId, String name, String telegramId) {
        ChatPseudonym shown = telegramChatId.startsWith("chat:") ? null : ChatPseudonym.of(protection, telegramChatId);
        String id = shown != null ? shown.id() : telegramChatId.substring("chat:".length());
        return new Sender("src-tg-" + id, "channel", shown != null ? shown.name() : name, true, name, telegramId);
    }

    private static String digits(String telegramId) {
        return telegramId.replaceAll("[^0-9]", "");
    }

    private static String clip(String name) {
        return name.length() > 40 ? name.substring(0, 39) + "…" : name;
    }

    /**
     * Where a forward came from, when it must not be shown by name: a person (with a user id, or named without any id as
     * older exports do, since nothing then tells a person from a channel and a name must not be shown on a guess), or a
     * channel or group the export does not show to be public.
     */
    private Optional<Sender> forwardedOrigin(TelegramMessage m) {
        String fromId = m.node().path("forwarded_from_id").asText("");
        String name = m.node().path("forwarded_from").asText("");
        if (fromId.startsWith("user")) {
            return Optional.of(person(fromId, name.isBlank() ? "(unnamed)" : name, fromId));
        }
        if (fromId.startsWith("channel") || fromId.startsWith("chat")) {
            return publicChats.contains(digits(fromId)) ? Optional.empty()
                    : Optional.of(space(digits(fromId), name.isBlank() ? "(unnamed)" : name, fromId));
        }
        if (fromId.isEmpty() && !name.isBlank()) {
            return Optional.of(person("name:" + name, name, ""));
        }
        return Optional.empty();
    }

    /** The origin of a forward: its pseudonym where it must not be named, else the public channel's name. */
    private Optional<String> forwarded(TelegramMessage m, Set<String> existing, long id) {
        String name = m.node().path("forwarded_from").asText("");
        Optional<Sender> origin = forwardedOrigin(m);
        if (origin.isPresent()) {
            ensureSource(origin.get(), existing, m, id);
            return Optional.of(origin.get().pseudonym());
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        String known = pseudonymOfSender.get(name);
        return Optional.of(known != null ? known : name.length() > 500 ? name.substring(0, 500) : name);
    }

    private void ensureSource(Sender s, Set<String> existing, TelegramMessage m, long id) {
        if (s.sealed()) {
            pseudonymOfSender.put(s.name(), s.pseudonym());
        }
        if (existing.contains(s.id()) || !sources.add(s.id())) {
            return;
        }
        ObjectNode source = Json.MAPPER.createObjectNode().put("type", "Source").put("id", s.id())
                .put("pseudonym", s.pseudonym()).put("kind", s.kind()).put("reliability", "F");
        if (s.sealed()) {
            ObjectNode identity = Json.MAPPER.createObjectNode().put("name", s.name());
            if (!s.telegramId().isEmpty()) {
                identity.put("telegramId", s.telegramId());
            }
            source.set("identity", identity);
        }
        add(source, m.chat().name(), id);
        sourcesCreated++;
    }

    private String link(TelegramJson.Chat chat, long id) {
        if (chat.namesPeople()) {
            return null;
        }
        if (chat.isPublic() && options.channelUsername() != null) {
            return "https://t.me/" + options.channelUsername() + "/" + id;
        }
        if (chat.isChannel() || chat.type().endsWith("supergroup")) {
            return "https://t.me/c/" + chat.id().replaceAll("[^0-9]", "") + "/" + id;
        }
        return null;
    }

    /** A message's file: stored (with its hash), not collected (placeholder or missing), or none. */
    private record Media(String state, String path, String sha256, long size) {
        Optional<String> sha() {
            return Optional.ofNullable(sha256);
        }

        /** Puts the file on the item; in a chat that may name people, its name (often a person's) sealed. */
        void apply(ObjectNode item, String mediaType, boolean sealName) {
            if (state == null) {
                return;
            }
            item.put("mediaType", mediaType).put("fileStatus", state);
            if (path != null) {
                String name = path.length() > 500 ? path.substring(0, 500) : path;
                if (sealName) {
                    item.set("originalFileName", Json.MAPPER.createObjectNode().put("name", name));
                    name = ProtectedFileNames.neutral(item.get("id").asText(), name);
                }
                item.put("fileName", name);
            }
            if (sha256 != null) {
                item.put("sha256", sha256).put("size", size);
            }
        }
    }

    private Media media(TelegramMessage m, long id) {
        Optional<String> path = m.mediaPath();
        if (path.isEmpty()) {
            return new Media(null, null, null, 0);
        }
        if (TelegramMessage.isPlaceholder(path.get())) {
            notCollected++;
            return new Media("not-collected", null, null, 0);
        }
        // a file's name in a chat that may name people is itself sealed: the report names the message instead
        String shownPath = m.chat().namesPeople() ? "the file of message " + id : path.get();
        if (!ExportFiles.safe(path.get())) {
            error(m.chat().name(), id, "file", "names a path outside the export: " + shownPath);
            return new Media(null, null, null, 0);
        }
        try {
            Optional<InputStream> in = export.media(path.get());
            if (in.isEmpty()) {
                notCollected++;
                missing.add(m.chat().namesPeople() ? m.chat().name() + ": " + shownPath : path.get());
                return new Media("not-collected", path.get(), null, 0);
            }
            FileStore.Stored stored;
            try (InputStream bytes = in.get()) {
                stored = files.put(bytes, Math.min(budget, Long.MAX_VALUE));
            } catch (FileStore.TooLarge e) {
                throw new TooLarge("export", "the export's files are larger than the limit for an export");
            }
            budget -= stored.size();
            if (!stored.existed()) {
                newlyStored.add(stored.sha256());
                mediaStored++;
            }
            return new Media("stored", path.get(), stored.sha256(), stored.size());
        } catch (IOException e) {
            error(m.chat().name(), id, "file", "could not be read from the export: " + e.getMessage());
            return new Media(null, null, null, 0);
        }
    }

    private void error(String chat, Long message, String field, String reason) {
        errorCount++;
        if (errors.size() < 1000) {
            errors.add(new TelegramReport.MessageError(chat, message, field, reason));
        }
    }

    long errorCount() {
        return errorCount;
    }

    Long journalFrom() {
        return batch.lastSeq() >= journalFrom ? journalFrom : null;
    }

    Long journalTo() {
        return batch.lastSeq() >= journalFrom ? batch.lastSeq() : null;
    }

    TelegramReport report(boolean applied, long started, long journalNanos, long projectNanos) {
        return new TelegramReport(applied, applied ? exportItem : null, json.sha256(), chats.size(), messages,
                applied ? createdItems.size() : 0, alreadyHeld, skipped, applied ? mediaStored : 0, applied ? mediaCopies : 0,
                notCollected, List.copyOf(missing), applied ? sourcesCreated : 0, errorCount, List.copyOf(errors),
                applied ? journalFrom() : null, applied ? journalTo() : null, (System.nanoTime() - started) / 1_000_000,
                journalNanos / 1_000_000, projectNanos / 1_000_000);
    }
}
