package org.chainline.evidence;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.chainline.evidence.files.FileStore;
import org.chainline.cases.Filing;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;
import org.chainline.protection.IdentityProtection;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.TooLarge;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.imports.RecordImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a Telegram Desktop export (folder or zip; one chat or a whole account): {@code result.json} is hashed and
 * kept as an item of its own, each message becomes an evidence item that is part of it, each media file is hashed and
 * stored once (a re-post of the same bytes is linked to the first as a copy), placeholders of files not downloaded are
 * recorded as not collected, and each sender becomes a source: a channel by its public name, a person by a pseudonym
 * with the name and Telegram id sealed. Messages already held are left as they are (an analyst may have graded them),
 * so importing the same export twice changes nothing. All or nothing, in one journal transaction.
 */
@Singleton
public class TelegramExportImport {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramExportImport.class);

    private final FileStore files;
    private final Journal journal;
    private final RecordImport imports;
    private final Custody custody;
    private final IdentityProtection protection;
    private final EvidenceSettings settings;
    private final Projector projector;
    private final EvidenceLocker locker;
    private final Clock clock;
    private final EvidenceHashes hashes;

    TelegramExportImport(FileStore files, Journal journal, RecordImport imports, Custody custody, IdentityProtection protection,
                         EvidenceSettings settings, Projector projector, EvidenceLocker locker, Clock clock,
                         EvidenceHashes hashes) {
        this.hashes = hashes;
        this.files = files;
        this.journal = journal;
        this.imports = imports;
        this.custody = custody;
        this.protection = protection;
        this.settings = settings;
        this.projector = projector;
        this.locker = locker;
        this.clock = clock;
    }

    /** @param channelUsername the public @username of a single-chat export of a public channel, for t.me links */
    public record Options(@Nullable String channelUsername) {

        public Options {
            if (channelUsername != null && !channelUsername.replaceFirst("^@", "").matches("[A-Za-z][A-Za-z0-9_]{3,31}")) {
                throw new InvalidInput("username", "must be a Telegram username (5 to 32 letters, digits and _)");
            }
            channelUsername = channelUsername == null ? null : channelUsername.replaceFirst("^@", "");
        }
    }

    /** The export at {@code path}: a folder or a zip (the command line's). */
    public TelegramReport run(Filing filing, String reason, Path path, Options options, RecordImport.Progress progress) {
        return run(filing, reason, () -> ExportFiles.open(path), options, progress);
    }

    /** The export as a zip read through {@code zip} (an upload, sealed in its spool). */
    public TelegramReport run(Filing filing, String reason, SeekableByteChannel zip, Options options,
                              RecordImport.Progress progress) {
        return run(filing, reason, () -> ExportFiles.zip(zip), options, progress);
    }

    private interface Source {
        ExportFiles open() throws IOException;
    }

    private TelegramReport run(Filing filing, String reason, Source source, Options options, RecordImport.Progress progress) {
        String actor = filing.actor();
        long started = System.nanoTime();
        List<String> newlyStored = new ArrayList<>();
        try (ExportFiles export = source.open()) {
            // result.json names every sender and forwarder: sealed at rest from its first byte
            FileStore.Stored json = store(export.resultJson(), settings.maxFileBytes(), "result.json");
            if (!json.existed()) {
                newlyStored.add(json.sha256());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            TelegramRun run;
            try {
                run = journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
                    TelegramRun r = new TelegramRun(batch, imports.session(batch, filing), custody, protection, files, export, options,
                            json, now, settings.maxExportBytes(), newlyStored, progress, hashes::protectedAmong);
                    r.importAll();
                    if (r.errorCount() > 0) {
                        throw new Rejected(r);
                    }
                    return r;
                });
            } catch (Rejected rejected) {
                discard(actor, newlyStored);
                return rejected.run.report(false, started, System.nanoTime() - started, 0);
            } catch (RuntimeException e) {
                discard(actor, newlyStored);
                throw e;
            }
            long journaled = System.nanoTime();
            if (run.journalTo() != null) {
                try {
                    projector.catchUp(done -> progress.at("project", done, run.journalTo() - run.journalFrom() + 1));
                } catch (RuntimeException e) {
                    LOG.warn("Imported into the journal; the graph is behind and will catch up: {}", e.getClass().getSimpleName());
                }
            }
            return run.report(true, started, journaled - started, System.nanoTime() - journaled);
        } catch (ExportFiles.BadExport | TelegramJson.Malformed e) {
            discard(actor, newlyStored);
            throw new InvalidInput("export", e.getMessage());
        } catch (IOException e) {
            discard(actor, newlyStored);
            throw new InvalidInput("export", "could not be read: " + e.getMessage());
        }
    }

    private FileStore.Stored store(InputStream in, long limit, String what) throws IOException {
        try (in) {
            return files.put(in, limit, true);
        } catch (FileStore.TooLarge e) {
            throw new TooLarge("export", what + " " + e.getMessage());
        }
    }

    private void discard(String actor, List<String> hashes) {
        for (String sha : hashes) {
            try {
                locker.discardIfUnrecorded(actor, sha);
            } catch (RuntimeException e) {
                LOG.warn("A file of a refused import could not be removed from the store; verify lists it as unrecorded");
            }
        }
    }

    private static final class Rejected extends RuntimeException {
        final transient TelegramRun run;

        Rejected(TelegramRun run) {
            super(null, null, false, false);
            this.run = run;
        }
    }
}
