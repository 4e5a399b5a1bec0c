package org.chainline.counsel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.input.Json;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Problems;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;
import org.chainline.registry.ProtectedNames;
import org.chainline.registry.Records;
import org.chainline.review.ClaimReviews;
import org.chainline.review.ReviewState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counsel's own words, per subject and regime: each version a {@code counsel-text.written} journal entry (so a dossier
 * made as of a position holds the version of that position, and regenerating it gives the same bytes). A version is
 * refused if a citation names nothing, a record that is neither claim nor evidence, or a rejected claim, or if its
 * text names a protected identity.
 */
@Singleton
public class CounselTexts {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "counsel's texts");


    public static final String WRITTEN = "counsel-text.written";
    static final List<String> FIELDS = List.of("letter", "summary", "impact");
    private static final int MAX = 40_000;

    private final Journal journal;
    private final Records records;
    private final Regimes regimes;
    private final ClaimReviews reviews;
    private final ProtectedNames protectedNames;
    private final TransactionOperations<Connection> transactions;

    CounselTexts(Journal journal, Records records, Regimes regimes, ClaimReviews reviews, ProtectedNames protectedNames,
                 TransactionOperations<Connection> transactions) {
        this.journal = journal;
        this.records = records;
        this.regimes = regimes;
        this.reviews = reviews;
        this.protectedNames = protectedNames;
        this.transactions = transactions;
    }

    static String target(String subject, String regime) {
        return "counsel-text/" + subject + "/" + regime;
    }

    /** What is asked for: the subject a person, the regime known. */
    private void checkOrder(String subject, String regime) {
        try {
            records.get(UNBOUNDED, records.model().type("Person").orElseThrow(), subject);
        } catch (NotFound e) {
            throw new InvalidInput("subject", "is not a person's id: " + subject);
        }
        if (regimes.all().stream().map(Regime::id).noneMatch(regime::equals)) {
            throw new InvalidInput("regime", "'" + regime + "' is not a known regime");
        }
    }

    /** The texts a version would hold, from a request body: {letter?, summary?, impact?, incidents?: {id: text}}. */
    public record Draft(String letter, String summary, String impact, Map<String, String> incidents, Integer version) {
    }

    public Draft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "must be a JSON object: {\"letter\", \"summary\", \"impact\", \"incidents\": {id: text}, \"version\"}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!List.of("letter", "summary", "impact", "incidents", "version", "reason").contains(f)) {
                throw new InvalidInput(f, "is not a part of counsel's text (letter, summary, impact, incidents, version)");
            }
        });
        Map<String, String> incidents = new LinkedHashMap<>();
        JsonNode notes = body.get("incidents");
        if (notes != null && !notes.isNull()) {
            if (!notes.isObject()) {
                throw new InvalidInput("incidents", "must be an object of incident ids to notes");
            }
            notes.fields().forEachRemaining(e -> {
                if (!e.getKey().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
                    throw new InvalidInput("incidents", "must be keyed by incident ids (letters, digits, '.', '_', ':' or '-')");
                }
                if (!e.getValue().isTextual()) {
                    throw new InvalidInput("incidents." + e.getKey(), "must be text");
                }
                String text = clean("incidents." + e.getKey(), e.getValue().asText());
                if (text != null) {
                    incidents.put(e.getKey(), text);
                }
            });
        }
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !version.canConvertToInt()) {
            throw new InvalidInput("version", "must be the version number you read");
        }
        return new Draft(text(body, "letter"), text(body, "summary"), text(body, "impact"), incidents,
                version == null || version.isNull() ? null : version.asInt());
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInput(field, "must be text");
        }
        return clean(field, v.asText());
    }

    private static String clean(String field, String text) {
        String t = TextInput.clean(field, text, MAX, false);
        return t == null || t.isBlank() ? null : t.strip();
    }

    /** The citations of a draft that do not resolve (empty when all do). */
    public List<Citation.Problem> problems(String subject, String regime, Draft draft) {
        List<Citation> citations = citations(draft);
        Set<String> ids = new LinkedHashSet<>();
        citations.forEach(c -> ids.add(c.id()));
        Map<String, Records.Held> found = records.held(UNBOUNDED, ids);
        Map<String, ReviewState> states = reviews.states(UNBOUNDED, ids, null);
        List<Citation.Problem> problems = new ArrayList<>();
        for (Citation c : citations) {
            Records.Held r = found.get(c.id());
            String reason = r == null ? "names no claim or evidence item"
                    : r.retired() ? "names a retired " + r.type()
                    : r.type().equals("Evidence") ? null
                    : !states.containsKey(c.id()) ? "names a " + r.type() + ", which is neither a claim nor an evidence item"
                    : states.get(c.id()).state().equals(ReviewState.REJECTED) ? "names a claim rejected in review"
                    : null;
            if (reason != null) {
                problems.add(new Citation.Problem(c.field(), c.offset(), c.id(), reason));
            }
        }
        for (String incident : draft.incidents().keySet()) {
            Records.Held r = found.containsKey(incident) ? found.get(incident) : records.held(UNBOUNDED, List.of(incident)).get(incident);
            if (r == null || !r.type().equals("Incident")) {
                problems.add(new Citation.Problem("incidents." + incident, 0, incident, "names no incident"));
            }
        }
        return problems;
    }

    static List<Citation> citations(Draft draft) {
        List<Citation> out = new ArrayList<>();
        out.addAll(Citation.in("letter", draft.letter()));
        out.addAll(Citation.in("summary", draft.summary()));
        out.addAll(Citation.in("impact", draft.impact()));
        draft.incidents().forEach((id, text) -> out.addAll(Citation.in("incidents." + id, text)));
        return out;
    }

    /** Writes a new version; refused, naming the field, if a citation does not resolve or a protected identity is named. */
    public CounselText write(String actor, String subject, String regime, Draft draft, String reason) {
        checkOrder(subject, regime);
        // first, so that a refusal never echoes (into a log) a citation that names someone
        Map<String, String> all = new LinkedHashMap<>();
        all.put("letter", draft.letter());
        all.put("summary", draft.summary());
        all.put("impact", draft.impact());
        draft.incidents().forEach((id, t) -> all.put("incidents." + id, id + " " + t));
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (protectedNames.named(actor, e.getKey(), e.getValue())) {
                throw new InvalidInput(e.getKey(), "names a protected identity (a witness, protected victim or source):"
                        + " refer to them by pseudonym only");
            }
        }
        // every citation that does not resolve, all at once
        Problems dangling = new Problems();
        problems(subject, regime, draft).forEach(p -> dangling.add(p.field(), "[[" + p.id() + "]] " + p.reason()));
        dangling.refuseIfAny();
        String target = target(subject, regime);
        journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            int current = latest(batch.connection(), target, Long.MAX_VALUE).map(CounselText::version).orElse(0);
            if (draft.version() != null && draft.version() != current) {
                throw new Conflict("version", "counsel's text for " + subject + " under " + regime + " is at version " + current
                        + ", not " + draft.version() + ": someone saved since you read it; read it again");
            }
            ObjectNode payload = Json.MAPPER.createObjectNode().put("subject", subject).put("regime", regime)
                    .put("version", current + 1).put("letter", draft.letter()).put("summary", draft.summary())
                    .put("impact", draft.impact());
            ObjectNode incidents = payload.putObject("incidents");
            draft.incidents().forEach(incidents::put);
            batch.add(new Change(WRITTEN, target, new Change.Json(payload.toString())));
            return null;
        });
        return latest(subject, regime, Long.MAX_VALUE).orElseThrow();
    }

    /** The version in force at journal position {@code upTo} (the newest with Long.MAX_VALUE). */
    public Optional<CounselText> latest(String subject, String regime, long upTo) {
        return transactions.executeRead(status -> latest(status.getConnection(), target(subject, regime), upTo));
    }

    public List<CounselText> versions(String subject, String regime) {
        checkOrder(subject, regime);
        return transactions.executeRead(status -> select(status.getConnection(), target(subject, regime), Long.MAX_VALUE, false));
    }

    private static Optional<CounselText> latest(Connection c, String target, long upTo) {
        return select(c, target, upTo, true).stream().findFirst();
    }

    private static List<CounselText> select(Connection c, String target, long upTo, boolean newestOnly) {
        List<CounselText> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT seq, recorded_at, actor, payload FROM journal_entry"
                + " WHERE target_id = ? AND kind = ? AND seq <= ? ORDER BY seq DESC" + (newestOnly ? " LIMIT 1" : ""))) {
            select.setString(1, target);
            select.setString(2, WRITTEN);
            select.setLong(3, upTo);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonNode p = Json.MAPPER.readTree(rs.getString(4));
                    Map<String, String> incidents = new LinkedHashMap<>();
                    p.path("incidents").fields().forEachRemaining(e -> incidents.put(e.getKey(), e.getValue().asText()));
                    out.add(new CounselText(p.path("subject").asText(), p.path("regime").asText(), p.path("version").asInt(),
                            rs.getString(3), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(1),
                            p.hasNonNull("letter") ? p.get("letter").asText() : null,
                            p.hasNonNull("summary") ? p.get("summary").asText() : null,
                            p.hasNonNull("impact") ? p.get("impact").asText() : null, incidents));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new DataAccessException("counsel's text could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Whether any of the texts of a version names a protected identity now (one recorded since it was written). */
    public boolean namesProtected(String actor, CounselText t) {
        List<String> texts = new ArrayList<>(Arrays.asList(t.letter(), t.summary(), t.impact()));
        texts.addAll(t.incidents().values());
        for (String text : texts) {
            if (protectedNames.named(actor, "counsel-text", text)) {
                return true;
            }
        }
        return false;
    }
}
