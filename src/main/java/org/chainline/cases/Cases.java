package org.chainline.cases;

import jakarta.inject.Singleton;
import org.chainline.graph.GraphRebuilding;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalEntry;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Opening, revising and closing cases: each a journal entry, read back from the graph. */
@Singleton
public class Cases {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 10_000;

    private final Journal journal;
    private final CaseRepository repository;

    Cases(Journal journal, CaseRepository repository) {
        this.journal = journal;
        this.repository = repository;
    }

    public Case open(String actor, String title, String summary, String reason) {
        String t = TextInput.clean("title", title, TITLE_MAX, true);
        String s = TextInput.clean("summary", summary, SUMMARY_MAX, false);
        String id = "case-" + UUID.randomUUID();
        JournalEntry entry = journal.append(actor, TextInput.clean("reason", reason, 2000, false),
                new Change(CaseEvents.OPENED, id, new CaseEvents.Opened(t, s))).getFirst();
        return written(id, () -> new Case(id, t, s, "open", entry.recordedAt(), actor, entry.recordedAt(), null));
    }

    /**
     * The case as the graph shows it after a write, or as the write made it when the graph cannot show it yet (it lags,
     * or is being rebuilt): the write is in the journal, and the answer must say so rather than fail.
     */
    private Case written(String id, Supplier<Case> asWritten) {
        try {
            return repository.find(id).orElseGet(asWritten);
        } catch (GraphRebuilding e) {
            return asWritten.get();
        }
    }

    public Case revise(String actor, String id, String title, String summary, String reason) {
        String t = TextInput.clean("title", title, TITLE_MAX, false);
        String s = TextInput.clean("summary", summary, SUMMARY_MAX, false);
        if (t == null && s == null) {
            throw new InvalidInput("title", "or summary is required: nothing to change");
        }
        Case current = get(id);
        if (!"open".equals(current.status())) {
            throw new Conflict("status", "case " + id + " is closed and cannot be revised");
        }
        JournalEntry entry = journal.append(actor, TextInput.clean("reason", reason, 2000, false),
                new Change(CaseEvents.REVISED, id, new CaseEvents.Revised(t, s))).getFirst();
        return written(id, () -> new Case(id, t == null ? current.title() : t, s == null ? current.summary() : s,
                current.status(), current.openedAt(), current.openedBy(), entry.recordedAt(), current.closedAt()));
    }

    public Case close(String actor, String id, String reason) {
        Case current = get(id);
        if (!"open".equals(current.status())) {
            throw new Conflict("status", "case " + id + " is already closed");
        }
        JournalEntry entry = journal.append(actor, TextInput.clean("reason", reason, 2000, false),
                new Change(CaseEvents.CLOSED, id, new CaseEvents.Closed())).getFirst();
        return written(id, () -> new Case(id, current.title(), current.summary(), "closed", current.openedAt(),
                current.openedBy(), entry.recordedAt(), entry.recordedAt()));
    }

    public Case get(String id) {
        return repository.find(id).orElseThrow(() -> new NotFound("case", id));
    }

    public List<Case> list(String status, int offset, int limit) {
        if (status != null && !List.of("open", "closed").contains(status)) {
            throw new InvalidInput("status", "must be open or closed");
        }
        if (offset < 0) {
            throw new InvalidInput("offset", "must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInput("limit", "must be between 1 and 500");
        }
        return repository.list(status, offset, limit);
    }
}
