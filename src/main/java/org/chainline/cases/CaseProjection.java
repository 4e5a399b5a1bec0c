package org.chainline.cases;

import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.journal.Census;
import org.chainline.journal.GraphProjection;
import org.chainline.journal.JournalEntry;
import org.chainline.journal.Payloads;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Set;

/** Case entries into {@code (:Case)} nodes; times come from the entries, so replays give the same graph. */
@Singleton
final class CaseProjection implements GraphProjection {

    private final Payloads payloads;
    private final String open = CypherQueries.load("cases/open");
    private final String revise = CypherQueries.load("cases/revise");
    private final String close = CypherQueries.load("cases/close");

    CaseProjection(Payloads payloads) {
        this.payloads = payloads;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CaseEvents.OPENED, CaseEvents.REVISED, CaseEvents.CLOSED);
    }

    @Override
    public void census(Census census, Connection connection) {
        try (var count = connection.prepareStatement("SELECT count(DISTINCT target_id) FROM journal_entry WHERE kind = ?")) {
            count.setString(1, CaseEvents.OPENED);
            try (var rs = count.executeQuery()) {
                rs.next();
                census.nodes("Case", rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cases cannot be counted: " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(JournalEntry entry, TransactionContext tx) {
        switch (entry.kind()) {
            case CaseEvents.OPENED -> {
                CaseEvents.Opened opened = payloads.read(entry, CaseEvents.Opened.class);
                tx.run(open, params(entry, "title", opened.title(), "summary", opened.summary(),
                        "actor", entry.actor())).consume();
            }
            case CaseEvents.REVISED -> {
                CaseEvents.Revised revised = payloads.read(entry, CaseEvents.Revised.class);
                tx.run(revise, params(entry, "title", revised.title(), "summary", revised.summary())).consume();
            }
            case CaseEvents.CLOSED -> tx.run(close, params(entry)).consume();
            default -> throw new IllegalArgumentException("not a case entry: " + entry.kind());
        }
    }

    private static Value params(JournalEntry entry, Object... more) {
        Object[] all = new Object[more.length + 6];
        all[0] = "id";
        all[1] = entry.targetId();
        all[2] = "at";
        all[3] = entry.recordedAt().atOffset(ZoneOffset.UTC).toString();
        all[4] = "seq";
        all[5] = entry.seq();
        System.arraycopy(more, 0, all, 6, more.length);
        return Values.parameters(all);
    }
}
