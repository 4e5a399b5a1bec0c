package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.evidence.files.FileStore;
import org.chainline.input.Json;
import org.chainline.input.TextInput;
import org.chainline.journal.Journal;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.TooLarge;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.EvidenceRecords;
import org.chainline.registry.ProtectedFileNames;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.RecordType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Files arriving as evidence: hashed while they stream into the store, recorded as an evidence item (the same bytes
 * twice are one item, with two arrivals), and followed by their chain of custody from that moment.
 */
@Singleton
public class EvidenceLocker {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvidenceLocker.class);

    private final FileStore files;
    private final Journal journal;
    private final RecordImport imports;
    private final Records records;
    private final EvidenceRecords evidenceRecords;
    private final Custody custody;
    private final EvidenceSettings settings;
    private final Clock clock;
    private final RecordType evidenceType;
    private final EvidenceHashes hashes;

    /**
     * In an arrival's custody details: the bytes joined an item that was there before them (bytes already held, or
     * the file of an item recorded earlier), rather than arriving with the item they made.
     */
    static final String MATCHED = "matched";
    /** Files up to this size are read once, checked whole and sent from memory. */
    static final long VERIFY_BEFORE_SENDING = 8L << 20;

    EvidenceLocker(FileStore files, Journal journal, RecordImport imports, Records records, EvidenceRecords evidenceRecords,
                   Custody custody, EvidenceSettings settings, Clock clock, EvidenceHashes hashes) {
        this.hashes = hashes;
        this.evidenceRecords = evidenceRecords;
        this.files = files;
        this.journal = journal;
        this.imports = imports;
        this.records = records;
        this.custody = custody;
        this.settings = settings;
        this.clock = clock;
        this.evidenceType = records.model().type("Evidence").orElseThrow();
    }

    /**
     * What is known of a file as it arrives; everything but the bytes is optional. {@code evidence} names an item
     * already recorded (say by a records import) whose file this is: its record must name the file's SHA-256.
     */
    public record Upload(@Nullable String fileName, @Nullable String mediaType, @Nullable String kind,
                         @Nullable String title, @Nullable String source, @Nullable String confidentiality,
                         String via, @Nullable String evidence) {

        public Upload(String fileName, String mediaType, String kind, String title, String source, String confidentiality, String via) {
            this(fileName, mediaType, kind, title, source, confidentiality, via, null);
        }

        /** No detail of a new item was given (kind, title, source, confidentiality): only the bytes, and their name. */
        boolean describesNoItem() {
            return kind == null && title == null && source == null && confidentiality == null;
        }

        public Upload forItem(String evidenceId) {
            return new Upload(fileName, mediaType, kind, title, source, confidentiality, via, evidenceId);
        }
    }

    /**
     * The item the bytes are now part of, and whether they had arrived before. {@code recordedEarlier}: the item was
     * recorded before its bytes arrived (named with {@code ?evidence=}, or found by its SHA-256), and the file is now
     * its file; {@code sameBytes}: the other live items that name these bytes.
     */
    @Serdeable
    public record Received(@Nullable String evidence, String sha256, long size, String mediaType, boolean duplicate,
                           boolean recordedEarlier, List<String> sameBytes, long journalSeq) {
    }

    /**
     * What the uploader is told of an arrival: all of it for a holder of the grant, or when the bytes are not protected;
     * otherwise that the bytes are held, without the item that holds them or the others that name them, so that an
     * upload does not confirm which protected item a copy is.
     */
    public Received shownTo(Received received, boolean holdsGrant) {
        boolean matched = received.duplicate() || received.recordedEarlier() || !received.sameBytes().isEmpty();
        if (holdsGrant || !matched || hashes.protectedAmong(List.of(received.sha256())).isEmpty()) {
            return received;
        }
        return new Received(null, received.sha256(), received.size(), received.mediaType(), received.duplicate(),
                received.recordedEarlier(), List.of(), received.journalSeq());
    }

    /** Receives one file. Only the bytes are held before the journal records them; a failed write leaves no item. */
    public Received receive(Filing filing, String reason, InputStream in, Upload upload) {
        String actor = filing.actor();
        if (upload.mediaType() != null && upload.mediaType().startsWith("multipart/")) {
            throw new InvalidInput("body", "must be the file itself, not a form: send it as the raw body"
                    + " (curl --data-binary @FILE) with its name in ?fileName=");
        }
        vocabulary("kind", upload.kind());
        vocabulary("confidentiality", upload.confidentiality());
        String fileName = upload.fileName() == null ? null : fileName(upload.fileName());
        String mediaType = mediaType(upload.mediaType(), fileName);
        boolean protectedArrival = arrivesProtected(filing.scope(), upload);
        FileStore.Stored stored;
        try {
            stored = files.put(in, settings.maxFileBytes(), protectedArrival);
        } catch (FileStore.TooLarge e) {
            throw new TooLarge("file", "the file " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInput("file", "could not be read to the end: " + e.getMessage());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (stored.size() == 0) {
            if (!stored.existed()) {
                discardIfUnrecorded(actor, stored.sha256());
            }
            throw new InvalidInput("file", "is empty: no bytes arrived");
        }
        try {
            // read before the journal's turn: bytes already held may belong to a protected item
            boolean hidden = protectedArrival
                    || evidenceRecords.strictestConfidentiality(stored.sha256()).filter("protected"::equals).isPresent();
            Received received = record(filing, reason, upload, fileName, mediaType, stored, now, hidden);
            if (hidden && !protectedArrival) {
                // the bytes of a protected item recorded earlier, which arrived in clear: sealed now, not at the next start
                sealAtRest(stored.sha256());
            }
            return received;
        } catch (RuntimeException e) {
            if (!stored.existed()) {
                discardIfUnrecorded(actor, stored.sha256());
            }
            throw e;
        }
    }

    private void sealAtRest(String sha256) {
        try {
            if (files.holds(sha256) && !files.sealed(sha256)) {
                files.seal(sha256);
            }
        } catch (IOException | RuntimeException e) {
            // the sweep at the next start seals it; the reason names no content
            LOG.warn("The file of a protected item could not be sealed at rest yet ({}); the next start seals it", e.getClass().getSimpleName());
        }
    }

    /** Whether the bytes belong to a protected item from the start, so that they are sealed as they are written. */
    private boolean arrivesProtected(Scope scope, Upload upload) {
        if ("protected".equals(upload.confidentiality())) {
            return true;
        }
        if (upload.evidence() == null) {
            return false;
        }
        try {
            return "protected".equals(records.get(scope, evidenceType, upload.evidence()).path("confidentiality").asText());
        } catch (NotFound e) {
            return false;
        }
    }

    /** Drops bytes that no item records (an arrival refused after its bytes were stored); under the journal's lock. */
    void discardIfUnrecorded(String actor, String sha256) {
        journal.write(actor, null, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            if (StoredFiles.find(batch.connection(), List.of(sha256)).isEmpty()) {
                files.discard(sha256);
            }
            return null;
        });
    }

    private Received record(Filing filing, String reason, Upload upload, String fileName, String mediaType,
                            FileStore.Stored stored, Instant now, boolean hidden) {
        return journal.write(filing.actor(), reason, Journal.AfterCommit.PROJECT, batch -> {
            StoredFiles.Row held = StoredFiles.find(batch.connection(), List.of(stored.sha256())).get(stored.sha256());
            // what the case the bytes arrive in knows of them: another case's items are not there for it, and their
            // bytes arriving here make an item of this case without a word about the other
            String home = filing.home();
            Scope here = home == null ? filing.scope() : Scope.of(filing.actor(), Map.of(home, CaseRole.VIEWER));
            List<String> naming = List.copyOf(records.held(here, evidenceRecords.naming(batch, stored.sha256())).keySet());
            StoredFiles.Row known = held != null && (naming.contains(held.evidenceId())
                    || !records.held(here, List.of(held.evidenceId())).isEmpty()) ? held : null;
            String itemId = upload.evidence() != null ? upload.evidence() : known != null ? known.evidenceId()
                    : held == null ? hashes.itemId(stored.sha256()) : hashes.itemId(stored.sha256(), home);
            String shownName = fileName == null ? null : hidden ? ProtectedFileNames.neutral(itemId, fileName) : fileName;
            ObjectNode arrival = Json.MAPPER.createObjectNode().put("sha256", stored.sha256()).put("size", stored.size())
                    .put("mediaType", mediaType).put("via", upload.via()).put("duplicate", known != null);
            if (shownName != null) {
                arrival.put("fileName", shownName);
            }
            if (upload.evidence() != null) {
                return arrivalOfRecorded(batch, filing.scope(), upload.evidence(), stored, mediaType, known, held != null, arrival, naming);
            }
            if (known != null) {
                arrival.put(MATCHED, true);
                custody.add(batch, known.evidenceId(), Custody.Action.RECEIVED, arrival);
                return new Received(known.evidenceId(), stored.sha256(), stored.size(), known.mediaType(), true, false,
                        others(naming, known.evidenceId()), batch.lastSeq());
            }
            // the bytes were first another case's: this case's own item that already has them is the one they arrive at
            if (held != null) {
                for (var own : records.getAll(here, naming).values()) {
                    if ("stored".equals(own.path("fileStatus").asText())) {
                        String ownId = own.path("id").asText();
                        arrival.put(MATCHED, true).put("duplicate", true);
                        custody.add(batch, ownId, Custody.Action.RECEIVED, arrival);
                        return new Received(ownId, stored.sha256(), stored.size(), own.path("mediaType").asText(mediaType), true,
                                false, others(naming, ownId), batch.lastSeq());
                    }
                }
            }
            if (!naming.isEmpty() && upload.describesNoItem()) {
                // the bytes an item recorded earlier names (its SHA-256 noted before the file came): they are its file,
                // not a second item
                return arrivalOfRecorded(batch, filing.scope(), naming.getFirst(), stored, mediaType, null, held != null, arrival, naming);
            }
            String id = itemId;
            ObjectNode item = Json.MAPPER.createObjectNode().put("type", "Evidence").put("id", id)
                    .put("kind", upload.kind() != null ? upload.kind() : kindOf(mediaType))
                    .put("title", upload.title() != null ? upload.title() : shownName != null ? shownName : "File " + stored.sha256().substring(0, 12))
                    .put("sha256", stored.sha256()).put("size", stored.size()).put("mediaType", mediaType)
                    .put("fileStatus", "stored").put("collectedAt", now.toString());
            if (shownName != null) {
                item.put("fileName", shownName);
            }
            if (hidden && fileName != null) {
                item.put("originalFileName", fileName);
            }
            if (upload.source() != null) {
                item.put("source", upload.source());
            }
            if (upload.confidentiality() != null) {
                item.put("confidentiality", upload.confidentiality());
            }
            RecordImport.Session session = imports.session(batch, filing);
            session.add(1, item);
            session.finish();
            if (session.errorCount() > 0) {
                var first = session.errors().getFirst();
                throw new InvalidInput(first.field(), first.reason());
            }
            custody.add(batch, id, Custody.Action.RECEIVED, arrival);
            if (held == null) {
                StoredFiles.insert(batch.connection(), List.of(new StoredFiles.Row(stored.sha256(), stored.size(), mediaType, id, batch.lastSeq())));
            }
            return new Received(id, stored.sha256(), stored.size(), mediaType, false, false, others(naming, id), batch.lastSeq());
        });
    }

    /** The file of an item recorded before its bytes arrived: the bytes must be the ones its record names. */
    private Received arrivalOfRecorded(Journal.Batch batch, Scope scope, String evidenceId, FileStore.Stored stored,
                                       String mediaType, StoredFiles.Row known, boolean bytesHeld, ObjectNode arrival,
                                       List<String> naming) {
        ObjectNode item;
        try {
            item = records.get(scope, evidenceType, evidenceId);
        } catch (NotFound e) {
            throw new InvalidInput("evidence", "is not an evidence item's id: " + evidenceId);
        }
        String named = item.path("sha256").asText(null);
        if (named == null) {
            throw new InvalidInput("evidence", "evidence " + evidenceId + " names no SHA-256: record the file's hash on the item"
                    + " first, or send the file without ?evidence= to make a new item");
        }
        if (!named.equals(stored.sha256())) {
            throw new InvalidInput("file", "is not the file of evidence " + evidenceId + ": its SHA-256 is " + stored.sha256()
                    + ", the item names " + named);
        }
        arrival.put(MATCHED, true);
        custody.add(batch, evidenceId, Custody.Action.RECEIVED, arrival);
        if (!bytesHeld) {
            StoredFiles.insert(batch.connection(), List.of(new StoredFiles.Row(stored.sha256(), stored.size(), mediaType, evidenceId, batch.lastSeq())));
        }
        return new Received(evidenceId, stored.sha256(), stored.size(), known == null ? mediaType : known.mediaType(), known != null,
                true, others(naming, evidenceId), batch.lastSeq());
    }

    private static List<String> others(List<String> naming, String self) {
        return naming.stream().filter(id -> !id.equals(self)).toList();
    }

    /** The item's record, its viewing in custody (journaled once an account and day, counted after). */
    public ObjectNode view(Scope scope, String id) {
        ObjectNode item = records.get(scope, evidenceType, id);
        custody.counted(scope.reader(), id, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate(), Custody.Action.VIEWED,
                Json.MAPPER.createObjectNode());
        return item;
    }

    /** A stored file to send, with the name to send it under (it is always sent as bytes, never as its own type). */
    public record Download(InputStream bytes, String fileName, long size) {
    }

    /**
     * The SHA-256 of the item's file when {@code holdsGrant} (or the file's confidentiality) lets the reader have its
     * bytes; refused otherwise.
     */
    private String readableFile(String id, ObjectNode item, boolean holdsGrant) {
        String sha = item.path("sha256").asText(null);
        if (sha == null || "not-collected".equals(item.path("fileStatus").asText())) {
            throw NotFound.because("evidence " + id + " has no stored file" + ("not-collected".equals(item.path("fileStatus").asText())
                    ? " (it was not collected: the export held only a placeholder)" : ""));
        }
        // the bytes are as protected as the most protected item naming them, whichever item they are asked through
        boolean itemProtected = "protected".equals(item.path("confidentiality").asText());
        boolean bytesProtected = evidenceRecords.strictestConfidentiality(sha).filter("protected"::equals).isPresent();
        if ((itemProtected || bytesProtected) && !holdsGrant) {
            throw new Forbidden("id", "evidence " + id + (itemProtected ? " is protected" : " names the bytes of a protected item")
                    + ": its file goes only to holders of the witness-protection grant");
        }
        return sha;
    }

    /**
     * What the item's file is, found from its first bytes rather than taken from its uploader (the workspace shows it
     * and previews by it); empty when there is no file to read or the reader may not have its bytes. Reading it is not
     * a download.
     */
    public Optional<String> foundType(Scope scope, String id, boolean holdsGrant) {
        ObjectNode item = records.get(scope, evidenceType, id);
        String sha;
        try {
            sha = readableFile(id, item, holdsGrant);
        } catch (NotFound | Forbidden e) {
            return Optional.empty();
        }
        try (InputStream in = files.open(sha).orElse(null)) {
            return in == null ? Optional.empty() : Optional.of(FileTypes.sniff(in.readNBytes(FileTypes.HEAD)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // a file that cannot be read is found by verify, not here
        }
    }

    /** Which way the workspace may show a found type in place (image, video, audio, text, pdf), or null. */
    public static String previewOf(String foundType) {
        return FileTypes.preview(foundType);
    }

    /**
     * The item's bytes, the download in custody first (journaled once an account and day, counted after, as viewings
     * are). The bytes of a protected item (a testimony that shows a witness) go only to holders of the
     * witness-protection grant.
     */
    public Download download(Scope scope, String id, boolean holdsGrant) {
        String actor = scope.reader();
        ObjectNode item = records.get(scope, evidenceType, id);
        String sha = readableFile(id, item, holdsGrant);
        if (!files.holds(sha)) {
            throw NotFound.because("the file of evidence " + id + " is not in the store: if it never arrived, send it with"
                    + " POST /api/evidence/files?evidence=" + id + "; if it was lost, run verify and restore it from a backup");
        }
        long size = item.path("size").asLong(-1);
        String name = item.path("fileName").asText(id);
        // what is sent is what arrived: a small file is read once, checked whole and sent from memory (or refused if it
        // changed); a larger one is checked as it streams, and the connection is cut before its end if it differs
        InputStream in;
        try {
            in = files.open(sha).orElseThrow(() -> NotFound.because("the file of evidence " + id + " is not in the store"));
            if (size >= 0 && size <= VERIFY_BEFORE_SENDING) {
                byte[] bytes;
                try (InputStream whole = in) {
                    bytes = whole.readNBytes((int) VERIFY_BEFORE_SENDING + 1);
                }
                String found = org.chainline.Sha256.hex(bytes);
                if (!found.equals(sha)) {
                    altered(actor, sha, found);
                    throw new Conflict("id", "the stored file of evidence " + id + " no longer matches its SHA-256: it was"
                            + " not sent; run verify and restore it from a backup");
                }
                in = new ByteArrayInputStream(bytes);
            } else {
                in = new Verifying(in, sha, found -> altered(actor, sha, found));
            }
        } catch (IOException | UncheckedIOException e) {
            // a seal that no longer opens, or a file cut short: as altered as a changed byte
            altered(actor, sha, "0".repeat(64));
            throw new Conflict("id", "the stored file of evidence " + id + " cannot be read as it arrived: it was not"
                    + " sent; run verify and restore it from a backup");
        }
        custody.counted(actor, id, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate(), Custody.Action.DOWNLOADED,
                Json.MAPPER.createObjectNode().put("sha256", sha));
        return new Download(in, attachmentName(name), size);
    }

    /** Journals, in the file's custody, that its bytes were found altered when they were to be sent. */
    private void altered(String actor, String sha, String found) {
        custody.record(actor, "found altered when downloaded", List.of(Custody.fileTarget(sha)), Custody.Action.VERIFIED,
                Json.MAPPER.createObjectNode().put("sha256", sha).put("result", "altered").put("foundSha256", found));
    }

    /** Hashes the bytes as they are read; at their end, a hash that differs fails the read (the download is cut). */
    private static final class Verifying extends FilterInputStream {
        private final MessageDigest digest = org.chainline.Sha256.digest();
        private final String expected;
        private final Consumer<String> onMismatch;
        private boolean checked;

        Verifying(InputStream in, String expected, Consumer<String> onMismatch) {
            super(in);
            this.expected = expected;
            this.onMismatch = onMismatch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                fail("0".repeat(64));
                throw e;
            }
            if (n > 0) {
                digest.update(b, off, n);
            } else if (n < 0 && !checked) {
                checked = true;
                String found = HexFormat.of().formatHex(digest.digest());
                if (!found.equals(expected)) {
                    fail(found);
                    throw new IOException("the stored file no longer matches its SHA-256; the download was cut short");
                }
            }
            return n;
        }

        private void fail(String found) {
            checked = true;
            onMismatch.accept(found);
        }
    }

    /**
     * The name a download is offered under: the last part of a path (either slash), without control or bidirectional
     * formatting characters (a right-to-left override makes "gpj.exe" read as "exe.jpg"), never empty or a dot name.
     */
    static String attachmentName(String given) {
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && c != '"').forEach(out::appendCodePoint);
        String clean = out.toString().strip();
        return clean.isEmpty() || clean.matches("\\.+") ? "file" : clean;
    }

    /** The chain of custody of one item. */
    @Serdeable
    public record CustodyReport(String evidence, String title, String kind, @Nullable String sha256,
                                @Nullable String fileStatus, String confidentiality, List<Custody.Event> events) {
    }

    /**
     * The item's custody. Where the item is protected now, or its bytes are a protected item's, every name a file
     * arrived under is shown as the neutral one ({@code ev-….ext}): an item raised to protected after it arrived keeps
     * its arrivals in custody, and the name it arrived under may name the witness. Its SHA-256 goes only to holders of
     * the grant ({@code holdsGrant}); anyone else reads the keyed digest, in the report and in every event, and no
     * arrival that joined the item later (a copy of its bytes): its sender would learn which protected item they sent.
     */
    public CustodyReport custody(Scope scope, String id, boolean holdsGrant) {
        ObjectNode item = records.get(scope, evidenceType, id);
        String sha = item.path("sha256").asText(null);
        boolean hideNames = "protected".equals(item.path("confidentiality").asText())
                || (sha != null && evidenceRecords.strictestConfidentiality(sha).filter("protected"::equals).isPresent());
        List<Custody.Event> events = custody.events(id, sha);
        if (hideNames) {
            String shown = holdsGrant || sha == null ? sha : hashes.keyed(sha);
            List<Custody.Event> masked = new ArrayList<>(events.size());
            for (Custody.Event e : events) {
                if (!holdsGrant && ProtectedCopies.copy(e)) {
                    continue; // an arrival that joined the item: whoever sent the bytes would read here which item they are
                }
                if (e.details() instanceof ObjectNode d) {
                    if (d.hasNonNull("fileName")) {
                        d.put("fileName", ProtectedFileNames.neutral(id, d.get("fileName").asText()));
                    }
                    if (!holdsGrant) {
                        for (String field : List.of("sha256", "foundSha256")) {
                            if (d.hasNonNull(field) && d.get(field).asText().length() == 64) {
                                d.put(field, hashes.keyed(d.get(field).asText()));
                            }
                        }
                    }
                }
                String target = !holdsGrant && e.target().startsWith(Custody.fileTarget("")) ? Custody.fileTarget(shown) : e.target();
                masked.add(new Custody.Event(e.seq(), e.at(), e.actor(), e.action(), target, e.details(), e.reason(), e.entryHash()));
            }
            events = masked;
            sha = shown;
        }
        return new CustodyReport(id, item.path("title").asText(), item.path("kind").asText(), sha,
                item.path("fileStatus").asText(null), item.path("confidentiality").asText("restricted"), events);
    }

    /** Journals a hand-over of the item (a copy to a prosecutor, the original drive to a lawyer). */
    public CustodyReport transfer(Scope scope, String id, JsonNode body) {
        String actor = scope.reader();
        records.get(scope, evidenceType, id);
        String to = TextInput.clean("to", body == null ? null : body.path("to").asText(null), 200, true);
        String note = TextInput.clean("note", body == null ? null : body.path("note").asText(null), 2000, false);
        String reason = TextInput.clean("reason", body == null ? null : body.path("reason").asText(null), 2000, false);
        ObjectNode details = Json.MAPPER.createObjectNode().put("to", to);
        if (note != null) {
            details.put("note", note);
        }
        custody.record(actor, reason, List.of(id), Custody.Action.TRANSFERRED, details);
        return custody(scope, id, false); // the analyst who hands it over may lack the grant: shown as to them
    }

    /** Refuses a value outside the model's vocabulary before any byte is read (also for bytes already held). */
    private void vocabulary(String property, String value) {
        List<String> allowed = evidenceType.property(property).orElseThrow().values();
        if (value != null && !allowed.contains(value)) {
            throw new InvalidInput(property, "must be one of " + String.join(", ", allowed) + " (it is '" + value + "')");
        }
    }

    static String fileName(String given) {
        String name = TextInput.normal(given);
        String problem = TextInput.problem(name, 255, false);
        if (problem != null) {
            throw new InvalidInput("fileName", problem);
        }
        return name;
    }

    static String mediaType(String given, String fileName) {
        // curl sends form-urlencoded for --data-binary unless told otherwise; it says nothing about the file
        if (given != null && given.matches("[a-z]+/[a-zA-Z0-9.+-]+") && !given.equals("application/octet-stream")
                && !given.equals("application/x-www-form-urlencoded")) {
            return given;
        }
        String guessed = fileName == null ? null : URLConnection.getFileNameMap().getContentTypeFor(fileName);
        if (guessed == null && fileName != null) {
            guessed = EXTRA_TYPES.get(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        }
        return guessed != null ? guessed : "application/octet-stream";
    }

    private static final Map<String, String> EXTRA_TYPES = Map.of("mp4", "video/mp4", "mov", "video/quicktime",
            "webm", "video/webm", "ogg", "audio/ogg", "oga", "audio/ogg", "mp3", "audio/mpeg", "m4a", "audio/mp4",
            "webp", "image/webp", "heic", "image/heic", "json", "application/json");

    static String kindOf(String mediaType) {
        if (mediaType.startsWith("video/")) {
            return "video";
        }
        if (mediaType.startsWith("image/")) {
            return "photo";
        }
        if (mediaType.startsWith("audio/")) {
            return "audio";
        }
        return "document";
    }

}
