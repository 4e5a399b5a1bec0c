package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chain of custody of evidence items: every action on an item is a journal entry (hash-chained, with actor and
 * time) aimed at the item, or at its file ({@code file:<sha256>}) for integrity checks; citations are the entries of
 * the claims that cite it. The report of an item reads them back in order.
 */
@Singleton
public class Custody {
    static final String KIND_PREFIX = "custody.";

    /** What can happen to an item; each is one journal kind, {@code custody.<action>}. */
    public enum Action {
        RECEIVED, IMPORTED, VIEWED, DOWNLOADED, EXPORTED, VERIFIED, TRANSFERRED;

        public String kind() {
            return KIND_PREFIX + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Journal journal;
    private final TransactionOperations<Connection> transactions;

    Custody(Journal journal, TransactionOperations<Connection> transactions) {
        this.journal = journal;
        this.transactions = transactions;
    }

    /** Journals an action on an item in a write already open. */
    public void add(Journal.Batch batch, String target, Action action, ObjectNode details) {
        batch.add(new Change(action.kind(), target, new Change.Json(details.toString())));
    }

    /** Journals an action on one or more items in a write of its own (e.g. their export in a dossier). */
    public void record(String actor, String reason, List<String> evidenceIds, Action action, ObjectNode details) {
        journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            evidenceIds.forEach(id -> add(batch, id, action, details));
            return null;
        });
    }

    /**
     * Notes that {@code actor} viewed or downloaded an item: the first of the day (UTC) is a journal entry (with
     * {@code details} and the day), later ones that day only add to its count, so that a flood of reads (or an image on
     * a page fetched again and again) cannot grow the journal without bound.
     */
    void counted(String actor, String evidenceId, LocalDate day, Action action, ObjectNode details) {
        String kind = action.name().toLowerCase(Locale.ROOT);
        int counted = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE evidence_viewing SET views = views + 1 WHERE evidence_id = ? AND actor = ? AND day = ? AND action = ?")) {
                update.setString(1, evidenceId);
                update.setString(2, actor);
                update.setObject(3, day);
                update.setString(4, kind);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("a viewing cannot be counted: " + e.getMessage(), e);
            }
        });
        if (counted > 0) {
            return;
        }
        journal.write(actor, null, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            try (PreparedStatement insert = batch.connection().prepareStatement("""
                    INSERT INTO evidence_viewing (actor, evidence_id, day, action, views) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT (evidence_id, actor, day, action) DO UPDATE SET views = evidence_viewing.views + 1
                    RETURNING views""")) {
                insert.setString(1, actor);
                insert.setString(2, evidenceId);
                insert.setObject(3, day);
                insert.setString(4, kind);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) {
                        add(batch, evidenceId, action, details.deepCopy().put("day", day.toString()));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("a viewing cannot be recorded: " + e.getMessage(), e);
            }
            return null;
        });
    }

    static String fileTarget(String sha256) {
        return "file:" + sha256;
    }

    /** One event of an item's custody. */
    @Serdeable
    public record Event(long seq, Instant at, String actor, String action, String target, JsonNode details,
                        String reason, String entryHash) {
    }

    /** The events of an item (and of its file), oldest first. */
    List<Event> events(String evidenceId, String sha256) {
        return transactions.executeRead(status -> {
            List<Event> events = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT seq, recorded_at, actor, kind, target_id, payload, reason, hash FROM journal_entry
                    WHERE target_id = ? OR target_id = ?
                       OR seq IN (SELECT seq FROM evidence_citation WHERE evidence_id = ?)
                    ORDER BY seq""")) {
                select.setString(1, evidenceId);
                select.setString(2, sha256 == null ? "" : fileTarget(sha256));
                select.setString(3, evidenceId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs, evidenceId));
                    }
                }
                countViewings(status.getConnection(), evidenceId, events);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("the custody of " + evidenceId + " cannot be read: " + e.getMessage(), e);
            }
            return events;
        });
    }

    /** Puts the day's count of viewings on each viewing entry (the first of an account's day). */
    private static void countViewings(Connection connection, String evidenceId, List<Event> events) throws SQLException {
        Map<String, Long> views = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT actor, day, action, views FROM evidence_viewing WHERE evidence_id = ?")) {
            select.setString(1, evidenceId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    views.put(rs.getString(3) + ":" + rs.getString(1) + "@" + rs.getObject(2, LocalDate.class), rs.getLong(4));
                }
            }
        }
        for (Event e : events) {
            if (e.details() instanceof ObjectNode d && d.has("day")) {
                Long n = views.get(e.action() + ":" + e.actor() + "@" + d.get("day").asText());
                if (n != null) {
                    d.put("views", n);
                }
            }
        }
    }

    private static Event event(ResultSet rs, String evidenceId) throws SQLException, IOException {
        String kind = rs.getString(4);
        String target = rs.getString(5);
        String action;
        JsonNode details;
        if (kind.startsWith(KIND_PREFIX)) {
            action = kind.substring(KIND_PREFIX.length());
            details = Json.MAPPER.readTree(rs.getString(6));
        } else if (target.equals(evidenceId)) {
            // the item's own record: what it says is in the record; the report says only that it changed
            action = kind.endsWith(".created") ? "recorded" : kind.endsWith(".retired") ? "retired" : "record changed";
            details = Json.MAPPER.createObjectNode();
        } else {
            action = "cited";
            ObjectNode d = Json.MAPPER.createObjectNode().put("claim", target).put("entry", kind);
            JsonNode claim = Json.MAPPER.readTree(rs.getString(6));
            for (JsonNode c : claim.path("citations")) {
                if (c.path("evidence").asText().equals(evidenceId)) {
                    d.put("stance", c.path("stance").asText());
                    if (c.has("pinpoint")) {
                        d.put("pinpoint", c.get("pinpoint").asText());
                    }
                }
            }
            details = d;
        }
        return new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                action, target, details, rs.getString(7), rs.getString(8));
    }
}
