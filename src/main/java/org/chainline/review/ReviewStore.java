package org.chainline.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.exceptions.DataAccessException;
import org.chainline.cases.Scope;
import org.chainline.input.Json;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Review states read from the journal itself: a claim's row in {@code record_state}, the author of the entry that
 * wrote its current content, and its last review entry at or before a position. Nothing is kept beside the journal,
 * so a review can be neither lost nor changed unseen.
 */
final class ReviewStore {

    static final String REVIEWED = "claim.reviewed";
    static final String DEFERRED = "claim.deferred";

    private ReviewStore() {
    }

    /**
     * The states of the live claims among {@code ids} (all live claims of {@code types} when ids is null), as of journal
     * position {@code upTo}; {@code deferrer}, when given, is whose "leave for now" marks count.
     */
    static Map<String, ReviewState> states(Connection connection, Collection<String> types, Collection<String> ids,
                                           long upTo, String deferrer, Scope scope) {
        String sql = """
                SELECT r.id, r.type, r.version, r.content_seq, a.actor,
                       rv.payload, rv.actor, rv.recorded_at, d.payload, d.actor, w.authors
                FROM record_state r JOIN journal_entry a ON a.seq = r.content_seq
                CROSS JOIN LATERAL (SELECT array_agg(DISTINCT j.actor ORDER BY j.actor) AS authors FROM journal_entry j
                                    WHERE j.target_id = r.id AND j.seq <= r.content_seq
                                      AND (j.kind LIKE '%.created' OR j.kind LIKE '%.changed')) w
                LEFT JOIN LATERAL (SELECT j.payload, j.actor, j.recorded_at FROM journal_entry j
                                   WHERE j.target_id = r.id AND j.kind = 'claim.reviewed' AND j.seq <= ?
                                   ORDER BY j.seq DESC LIMIT 1) rv ON true
                LEFT JOIN LATERAL (SELECT j.payload, j.actor FROM journal_entry j
                                   WHERE j.target_id = r.id AND j.kind = 'claim.deferred' AND j.seq <= ? AND j.actor = ?
                                   ORDER BY j.seq DESC LIMIT 1) d ON true
                WHERE r.type = ANY(?) AND r.retired_seq IS NULL AND r.content_seq <= ?""" + (ids == null ? "" : " AND r.id = ANY(?)")
                + (scope.isEveryCase() ? "" : " AND EXISTS (SELECT 1 FROM record_case rc WHERE rc.record_id = r.id AND rc.case_id = ANY(?))")
                + " ORDER BY r.created_seq, r.id";
        Map<String, ReviewState> out = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, upTo);
            select.setLong(2, upTo);
            select.setString(3, deferrer == null ? "" : deferrer);
            select.setArray(4, connection.createArrayOf("text", types.toArray()));
            select.setLong(5, upTo);
            int next = 6;
            if (ids != null) {
                select.setArray(next++, connection.createArrayOf("text", ids.toArray()));
            }
            if (!scope.isEveryCase()) {
                select.setArray(next, connection.createArrayOf("text", scope.cases().toArray()));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long contentSeq = rs.getLong(4);
                    JsonNode review = rs.getString(6) == null ? null : Json.MAPPER.readTree(rs.getString(6));
                    boolean current = review != null && review.path("contentSeq").asLong() == contentSeq;
                    JsonNode deferred = rs.getString(9) == null ? null : Json.MAPPER.readTree(rs.getString(9));
                    boolean deferredNow = deferred != null && deferred.path("contentSeq").asLong() == contentSeq;
                    String state = current ? review.path("decision").asText() : ReviewState.PROPOSED;
                    out.put(rs.getString(1), new ReviewState(rs.getString(1), rs.getString(2), rs.getInt(3), state,
                            rs.getString(5), current ? rs.getString(7) : null,
                            current ? rs.getObject(8, OffsetDateTime.class).toInstant() : null,
                            current ? text(review, "note") : null,
                            deferredNow ? rs.getString(10) : null, deferredNow ? text(deferred, "note") : null, contentSeq,
                            authors(rs.getArray(11), rs.getString(5))));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new DataAccessException("review states could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    static List<ReviewEvent> history(Connection connection, String claim) {
        List<ReviewEvent> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, recorded_at, actor, kind, payload FROM journal_entry
                WHERE target_id = ? AND kind IN ('claim.reviewed', 'claim.deferred') ORDER BY seq""")) {
            select.setString(1, claim);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonNode p = Json.MAPPER.readTree(rs.getString(5));
                    out.add(new ReviewEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), p.path("version").asInt(), p.path("decision").asText("left for now"), text(p, "note")));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new DataAccessException("review history could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Everyone who wrote a version of the claim (at least the author of the current one). */
    private static List<String> authors(Array array, String current) throws SQLException {
        TreeSet<String> all = new TreeSet<>();
        if (array != null) {
            for (Object a : (Object[]) array.getArray()) {
                all.add(a.toString());
            }
        }
        all.add(current);
        return List.copyOf(all);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
