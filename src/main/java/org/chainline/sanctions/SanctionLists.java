package org.chainline.sanctions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.cases.Filing;
import org.chainline.Sha256;
import org.chainline.input.Json;
import org.chainline.input.Upload;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalEntry;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.TooLarge;
import org.chainline.registry.imports.RecordImport;
import org.chainline.storage.DataDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sanctions lists imported from files a user downloaded (Chainline works offline). Each import of a list is compared
 * with what the list said before: new listings, delistings (entries gone from the file), relistings and changed
 * entries are recorded, the import is journaled with the file's SHA-256, and the Sanction records of confirmed matches
 * follow the list in the same transaction. Importing the same file again changes nothing.
 */
@Singleton
public class SanctionLists {

    static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    static final String IMPORTED = "sanctions.list-imported";
    /** Larger than any sanctions list published today (OpenSanctions' sanctions targets are ~100 MB). */
    static final long MAX_BYTES = 2L << 30;

    private final SanctionListStore store;
    private final ListFiles files;
    private final Journal journal;
    private final RecordImport imports;
    private final Designations designations;
    private final SanctionGraph graph;
    private final Clock clock;

    private final DataDirectory data;

    SanctionLists(SanctionListStore store, Jurisdictions jurisdictions, tech.followthemoney.model.Model ftm, Journal journal,
                  RecordImport imports, Designations designations, SanctionGraph graph, Clock clock,
                  DataDirectory data) {
        this.data = data;
        this.clock = clock;
        this.store = store;
        this.files = new ListFiles(jurisdictions, ftm);
        this.journal = journal;
        this.imports = imports;
        this.designations = designations;
        this.graph = graph;
    }

    /** What an import did. */
    @Serdeable
    public record Report(String list, @Nullable Long importId, String sha256, boolean unchanged, int entries, int listed,
                         int delisted, int relisted, int changed, int same, Map<String, Integer> skipped,
                         int designationsUpdated, List<SanctionListStore.Change> changes) {
    }

    /**
     * Imports a list file. {@code format} is {@code targets-simple-csv}, {@code ftm} or null (told by the first
     * character); {@code listDate} is the day the list speaks for (delistings end then), today when not given.
     */
    public Report importFile(String actor, String listName, @Nullable String format, @Nullable String fileName,
                             InputStream in, @Nullable String listDate) {
        String list = checkName(listName);
        LocalDate asOf = date(listDate, clock);
        try (Upload upload = Upload.spool(data.spoolFile(".upload"), in, MAX_BYTES, "the list file",
                () -> new TooLarge("file", "is larger than " + (MAX_BYTES >> 20) + " MB"),
                () -> new InvalidInput("file", "is empty: send the list file as the request body"))) {
            return importChecked(actor, list, format(format, upload.file()), fileName, upload.file(), upload.sha256(), asOf,
                    listDate != null);
        } catch (IOException e) {
            throw new UncheckedIOException("the list file cannot be read: " + e.getMessage(), e);
        }
    }

    private Report importChecked(String actor, String list, String format, String fileName, Path file, String sha256,
                                 LocalDate asOf, boolean dated) {
        var last = store.read(c -> store.lastImport(c, list));
        if (last.isPresent() && last.get().sha256().equals(sha256)) {
            return new Report(list, last.get().id(), sha256, true, last.get().entries(), 0, 0, 0, 0, last.get().entries(),
                    Map.of(), 0, List.of());
        }
        ListFiles.Parsed parsed = files.read(file, format);
        List<ListEntry> entries = parsed.entries();
        List<String> hashes = new ArrayList<>(entries.size());
        for (ListEntry e : entries) {
            hashes.add(Sha256.hex(Json.write(e.comparable())));
        }
        Map<String, List<SanctionGraph.Decision>> confirmed = new HashMap<>();
        for (SanctionGraph.Decision d : graph.decisions(null, list)) {
            if (d.decision().equals("confirmed")) {
                confirmed.computeIfAbsent(d.entry(), k -> new ArrayList<>()).add(d);
            }
        }
        String reason = "Sanctions list " + list + " imported from " + (fileName == null ? "a file" : fileName)
                + (dated ? " (list of " + asOf + ")" : "");
        return journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            Map<String, SanctionListStore.State> before = store.states(batch.connection(), list);
            long importId = store.insertImport(batch.connection(), new SanctionListStore.Import(0, list, format, fileName, sha256,
                    dated ? asOf : null, clock.instant(), actor, entries.size(), 0, 0, 0, 0, 0));
            List<SanctionListStore.Change> changes = new ArrayList<>();
            List<ListEntry> write = new ArrayList<>();
            List<String> writeHashes = new ArrayList<>();
            List<String> same = new ArrayList<>();
            Set<String> present = new HashSet<>();
            int listed = 0;
            int relisted = 0;
            int changed = 0;
            for (int i = 0; i < entries.size(); i++) {
                ListEntry e = entries.get(i);
                present.add(e.id());
                SanctionListStore.State state = before.get(e.id());
                if (state == null) {
                    listed++;
                    changes.add(new SanctionListStore.Change(list, e.id(), "listed", e.caption()));
                } else if (!state.onList()) {
                    relisted++;
                    changes.add(new SanctionListStore.Change(list, e.id(), "relisted", e.caption()));
                } else if (!state.contentHash().equals(hashes.get(i))) {
                    changed++;
                    changes.add(new SanctionListStore.Change(list, e.id(), "changed", e.caption()));
                } else {
                    same.add(e.id());
                    continue;
                }
                write.add(e);
                writeHashes.add(hashes.get(i));
            }
            List<String> gone = new ArrayList<>();
            before.forEach((id, state) -> {
                if (state.onList() && !present.contains(id)) {
                    gone.add(id);
                    changes.add(new SanctionListStore.Change(list, id, "delisted", state.caption()));
                }
            });
            store.upsert(batch.connection(), list, write, writeHashes, before.keySet(), importId);
            if (!same.isEmpty()) {
                store.touch(batch.connection(), list, same, importId);
            }
            if (!gone.isEmpty()) {
                store.delist(batch.connection(), list, gone, importId);
            }
            store.changes(batch.connection(), importId, list, changes);
            // Designations of confirmed matches follow the list.
            int updated = 0;
            RecordImport.Session session = imports.session(batch, new Filing(Scope.notYetBounded(actor, "sanctions"), null));
            for (SanctionListStore.Change change : changes) {
                for (SanctionGraph.Decision d : confirmed.getOrDefault(change.entry(), List.of())) {
                    SanctionListStore.Stored stored = store.entry(batch.connection(), list, change.entry()).orElseThrow();
                    designations.sync(session, designations.caseOfMatch(d.id()), d.id(), d.person(), list, stored, asOf, graph.sanctionsMatchedBy(d.id()));
                }
            }
            session.finish();
            Designations.failOn(session);
            updated = (int) (session.createdCount() + session.changedCount());
            String payload = Json.MAPPER.createObjectNode().put("list", list).put("importId", importId)
                    .put("format", format).put("sha256", sha256).put("entries", entries.size()).put("listed", listed)
                    .put("delisted", gone.size()).put("relisted", relisted).put("changed", changed).put("unchanged", same.size())
                    .put("designationsUpdated", updated).toString();
            JournalEntry entry = batch.add(new Change(IMPORTED, list, new Change.Json(payload)));
            batch.flush();
            store.finishImport(batch.connection(), importId, listed + relisted, gone.size(), changed, same.size(), entry.seq());
            return new Report(list, importId, sha256, false, entries.size(), listed, gone.size(), relisted, changed, same.size(),
                    parsed.skipped(), updated, changes.size() > 1000 ? changes.subList(0, 1000) : changes);
        });
    }

    public List<SanctionListStore.Import> imports(@Nullable String list) {
        return store.read(c -> store.imports(c, list));
    }

    /** The changes one import recorded. */
    public List<SanctionListStore.Change> changes(long importId) {
        if (store.read(c -> store.imports(c, null)).stream().noneMatch(i -> i.id() == importId)) {
            throw new NotFound("list import", String.valueOf(importId));
        }
        return store.read(c -> store.changesOf(c, importId));
    }

    public ListEntry entry(String list, String id) {
        return store.read(c -> store.entry(c, list, id)).map(SanctionListStore.Stored::entry)
                .orElseThrow(() -> NotFound.because("no entry " + id + " on a list imported as " + list));
    }

    static String checkName(String list) {
        if (list == null || list.isBlank()) {
            throw new InvalidInput("list", "is required: the name the list is known by here, e.g. opensanctions-sanctions; "
                    + "import newer files of the same list under the same name");
        }
        if (!LIST_NAME.matcher(list).matches()) {
            throw new InvalidInput("list", "must be 1 to 80 lower-case letters, digits, '.', '_' or '-'");
        }
        return list;
    }

    private static LocalDate date(String listDate, Clock clock) {
        if (listDate == null || listDate.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(listDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("date", "must be the list's date as YYYY-MM-DD");
        }
    }

    private static String format(String format, Path file) throws IOException {
        if (format == null || format.isBlank()) {
            return ListFiles.looksLikeFtm(file) ? "ftm" : "targets-simple-csv";
        }
        return switch (format.strip()) {
            case "targets-simple-csv", "csv" -> "targets-simple-csv";
            case "ftm" -> "ftm";
            default -> throw new InvalidInput("format", "must be targets-simple-csv (OpenSanctions) or ftm (FollowTheMoney JSON lines)");
        };
    }

}
