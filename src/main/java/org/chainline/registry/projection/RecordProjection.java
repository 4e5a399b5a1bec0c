package org.chainline.registry.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.input.Json;
import org.chainline.journal.Census;
import org.chainline.journal.GraphProjection;
import org.chainline.journal.JournalEntry;
import org.chainline.registry.ContentHash;
import org.chainline.registry.RecordEvents;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.RecordType;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Record entries into the graph, many per statement: consecutive entries with the same action go into one
 * {@code UNWIND} (of at most {@value #CHUNK} rows), split where an id repeats so that each statement sees the effect
 * of the one before.
 */
@Singleton
final class RecordProjection implements GraphProjection {
    private static final int CHUNK = 500;

    private final Model model;
    private final Map<String, RecordType> typeOfKind = new HashMap<>();
    private final Map<String, String> queries = Map.of(
            RecordEvents.CREATED, CypherQueries.load("registry/create"),
            RecordEvents.CHANGED, CypherQueries.load("registry/change"),
            RecordEvents.RETIRED, CypherQueries.load("registry/retire"));

    RecordProjection(Model model) {
        this.model = model;
        for (RecordType type : model.types()) {
            for (String action : List.of(RecordEvents.CREATED, RecordEvents.CHANGED, RecordEvents.RETIRED)) {
                typeOfKind.put(type.kind(action), type);
            }
        }
    }

    @Override
    public Set<String> kinds() {
        return typeOfKind.keySet();
    }

    /**
     * Every record as its current state projects it: the node with its labels, its references (one per type and
     * target), its citations (one each) and, for a live claim, its shortcut.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void census(Census census, Connection connection) {
        Map<String, Long> nodes = new HashMap<>();
        Map<String, Long> relationships = new HashMap<>();
        ZonedDateTime epoch = ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.type, j.payload, r.retired_seq IS NOT NULL
                FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq""")) {
            select.setFetchSize(2000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RecordType type = model.type(rs.getString(1)).orElseThrow(() -> new IllegalStateException(
                            "record_state holds a record of an unknown type"));
                    ObjectNode content = (ObjectNode) Json.MAPPER.readTree(rs.getString(2));
                    Map<String, Object> row = GraphRows.row(model, type, content, "", 0, epoch, "", true);
                    for (String label : (List<String>) row.get("labels")) {
                        nodes.merge(label, 1L, Long::sum);
                    }
                    for (Map<String, Object> e : (List<Map<String, Object>>) row.get("refs")) {
                        relationships.merge((String) e.get("type"), 1L, Long::sum);
                    }
                    relationships.merge("CITES", (long) ((List<?>) row.get("cites")).size(), Long::sum);
                    Map<String, Object> shortcut = (Map<String, Object>) row.get("shortcut");
                    if (shortcut != null && !rs.getBoolean(3)) {
                        relationships.merge((String) shortcut.get("type"), 1L, Long::sum);
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the records cannot be counted: " + e.getMessage(), e);
        }
        nodes.forEach(census::nodes);
        relationships.forEach(census::relationships);
    }

    @Override
    public void apply(JournalEntry entry, TransactionContext tx) {
        apply(List.of(entry), tx);
    }

    @Override
    public void apply(List<JournalEntry> entries, TransactionContext tx) {
        // Statements go out as soon as a chunk is built and are read back only at the end, so that the graph
        // executes one chunk while the next is being built.
        List<Result> pending = new ArrayList<>();
        String action = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JournalEntry entry : entries) {
            String a = RecordEvents.action(entry.kind());
            if (!a.equals(action) || ids.contains(entry.targetId()) || rows.size() == CHUNK) {
                run(action, rows, tx, pending);
                rows = new ArrayList<>();
                ids.clear();
                action = a;
            }
            ids.add(entry.targetId());
            rows.add(row(entry, a));
        }
        run(action, rows, tx, pending);
        pending.forEach(Result::consume);
    }

    private Map<String, Object> row(JournalEntry entry, String action) {
        var at = entry.recordedAt().atZone(ZoneOffset.UTC);
        if (action.equals(RecordEvents.RETIRED)) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", entry.targetId());
            row.put("at", at);
            row.put("actor", entry.actor());
            row.put("reason", entry.reason());
            row.put("seq", entry.seq());
            return row;
        }
        try {
            ObjectNode content = (ObjectNode) Json.MAPPER.readTree(entry.payload());
            return GraphRows.row(model, typeOfKind.get(entry.kind()), content, ContentHash.of(entry.payload()),
                    entry.seq(), at, entry.actor(), action.equals(RecordEvents.CREATED));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("journal entry " + entry.seq() + " (" + entry.kind() + ") is not a record", e);
        }
    }

    private void run(String action, List<Map<String, Object>> rows, TransactionContext tx, List<Result> pending) {
        if (!rows.isEmpty()) {
            pending.add(tx.run(queries.get(action), Values.parameters("rows", rows)));
        }
    }

}
