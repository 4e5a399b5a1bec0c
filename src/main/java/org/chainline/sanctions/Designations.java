package org.chainline.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.refusal.Forbidden;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.Sha256;
import org.chainline.input.Json;
import org.chainline.input.TextInput;
import org.chainline.journal.Journal;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.PartialDate;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Designations of persons: an analyst's decision on a list candidate (a ListMatch claim, journaled), the Sanction
 * records a confirmation carries and keeps in step with the list, and the designation status of a person.
 */
@Singleton
public class Designations {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "sanctions");


    static final Set<String> ENDED = Set.of("inactive", "delisted", "terminated", "revoked", "expired", "removed");

    private final Records records;
    private final RecordImport imports;
    private final Journal journal;
    private final SanctionListStore lists;
    private final SanctionGraph graph;
    private final Clock clock;

    Designations(Records records, RecordImport imports, Journal journal, SanctionListStore lists, SanctionGraph graph,
                 Clock clock) {
        this.clock = clock;
        this.records = records;
        this.imports = imports;
        this.journal = journal;
        this.lists = lists;
        this.graph = graph;
    }

    /** One designation of a person, as the dossier, the API and the gap report show it. */
    @Serdeable
    public record Designation(String id, @Nullable String jurisdiction, @Nullable String authority, String program,
                              @Nullable String since, @Nullable String until, String status, String basis,
                              @Nullable String list, @Nullable String entry, @Nullable String submission) {
    }

    @Serdeable
    public record Status(String person, boolean designated, List<String> activeJurisdictions, List<Designation> designations) {
    }

    /** The person's designations (live Sanction records), active ones first. */
    public Status status(Scope scope, String personId) {
        records.get(scope, records.model().type("Person").orElseThrow(), personId);
        List<Designation> all = new ArrayList<>();
        for (ObjectNode s : records.referring(scope, "Sanction", personId)) {
            all.add(designation(s));
        }
        all.sort(Comparator.comparing((Designation d) -> !d.status().equals("active"))
                .thenComparing(d -> d.since() == null ? "" : d.since()));
        List<String> active = all.stream().filter(d -> d.status().equals("active") && d.jurisdiction() != null)
                .map(Designation::jurisdiction).distinct().sorted().toList();
        return new Status(personId, all.stream().anyMatch(d -> d.status().equals("active")), active, all);
    }

    static Designation designation(JsonNode s) {
        return new Designation(s.path("id").asText(), text(s, "jurisdiction"), text(s, "authority"), s.path("program").asText(),
                text(s, "listingDate"), text(s, "endDate"), s.path("status").asText(), s.path("basis").asText(),
                text(s, "listName"), text(s, "listEntry"), text(s, "submission"));
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    /** What an analyst sends to confirm or reject a candidate. */
    @Serdeable
    public record DecisionRequest(@Nullable String person, @Nullable String list, @Nullable String entry,
                                  @Nullable String decision, @Nullable String note) {
    }

    @Serdeable
    public record DecisionResult(JsonNode match, List<Designation> designations, List<String> withdrawn) {
    }

    public DecisionResult decide(Scope scope, DecisionRequest request) {
        String actor = scope.reader();
        if (request == null) {
            throw new InvalidInput("body", "must be a JSON object with person, list, entry and decision");
        }
        String personId = TextInput.clean("person", request.person(), 128, true);
        String list = TextInput.clean("list", request.list(), 120, true);
        String entryId = TextInput.clean("entry", request.entry(), 200, true);
        String decision = TextInput.clean("decision", request.decision(), 20, true);
        if (!decision.equals("confirmed") && !decision.equals("rejected")) {
            throw new InvalidInput("decision", "must be confirmed (the entry is this person) or rejected (it is someone else)");
        }
        String note = request.note() == null ? null : TextInput.clean("note", request.note(), 2000, false);
        ObjectNode person;
        try {
            person = records.get(scope, records.model().type("Person").orElseThrow(), personId);
        } catch (NotFound e) {
            throw new InvalidInput("person", "is not a person's id: " + personId);
        }
        // a decision is filed in the case that holds the person's record, by an analyst (or above) of that case
        String home = person.path("case").asText(null);
        if (!scope.may(home, CaseRole.ANALYST)) {
            throw new Forbidden("person", "the list matches of " + personId + " are decided in the case that holds the person's"
                    + " record, where you may not write");
        }
        SanctionListStore.Stored stored = lists.read(c -> lists.entry(c, list, entryId)).orElseThrow(() ->
                new InvalidInput("entry", "no entry " + entryId + " on a list imported as " + list));
        NameMatcher.Result score = NameMatcher.match(Screening.subjectOf(person), Screening.subjectOf(stored.entry()));
        String matchId = "list-match-" + Sha256.hex(personId + "\n" + list + "\n" + entryId).substring(0, 16);
        ObjectNode match = Json.MAPPER.createObjectNode().put("type", "ListMatch").put("id", matchId)
                .put("person", personId).put("listName", list).put("listEntry", entryId)
                .put("entryCaption", clip(stored.entry().caption(), 500)).put("decision", decision)
                .put("score", score.score()).put("explanation", clip(String.join("; ", score.reasons()), 20_000));
        if (note != null) {
            match.put("note", note);
        }
        List<String> previous = graph.sanctionsMatchedBy(matchId);
        List<String> withdrawn = new ArrayList<>();
        String reason = note != null ? note : (decision.equals("confirmed") ? "Confirmed: " : "Rejected: ") + list + " entry "
                + entryId + " is " + (decision.equals("confirmed") ? "" : "not ") + "person " + personId;
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            RecordImport.Session session = imports.session(batch, new Filing(scope, home));
            session.add(1, match);
            if (decision.equals("confirmed")) {
                sync(session, home, matchId, personId, list, stored, LocalDate.now(clock), previous);
            }
            session.finish();
            failOn(session);
            if (decision.equals("rejected")) {
                for (String id : previous) {
                    if (session.retire("Sanction", id)) {
                        withdrawn.add(id);
                    }
                }
            }
            return null;
        });
        List<Designation> designations = records.referring(UNBOUNDED, "Sanction", personId).stream()
                .filter(s -> matchId.equals(s.path("matchedBy").asText(null))).map(Designations::designation).toList();
        return new DecisionResult(records.get(UNBOUNDED, records.model().type("ListMatch").orElseThrow(), matchId), designations, withdrawn);
    }

    static void failOn(RecordImport.Session session) {
        if (session.errorCount() > 0) {
            var first = session.errors().getFirst();
            throw new InvalidInput(first.field(), first.reason());
        }
    }

    /** The case a stored list match was filed in. */
    String caseOfMatch(String matchId) {
        return records.get(UNBOUNDED, records.model().type("ListMatch").orElseThrow(), matchId).path("case").asText(null);
    }

    /**
     * Adds to the session the Sanction records a confirmed match stands for, as the list says now: one per designation
     * of the entry, delisted when the entry is off the list or the designation ended; and marks delisted (ended
     * {@code asOf}) those of the match's earlier records the list no longer holds.
     */
    void sync(RecordImport.Session session, String caseId, String matchId, String personId, String list, SanctionListStore.Stored stored,
              LocalDate asOf, List<String> existing) {
        Map<String, ObjectNode> desired = new LinkedHashMap<>();
        ListEntry entry = stored.entry();
        for (ListEntry.Designation d : entry.designations()) {
            String id = "sanction-" + Sha256.hex(list + "\n" + entry.id() + "\n" + d.jurisdiction() + "\n" + d.program()).substring(0, 16);
            ObjectNode s = Json.MAPPER.createObjectNode().put("type", "Sanction").put("id", id).put("person", personId);
            if (caseId != null) {
                s.put("case", caseId); // the match's case; a Sanction written before keeps its own
            }
            if (d.jurisdiction() != null) {
                s.put("jurisdiction", d.jurisdiction());
            }
            put(s, "authority", clip(d.authority(), 500));
            s.put("program", clip(d.program(), 500));
            put(s, "programId", clip(d.programId(), 80));
            put(s, "listingDate", PartialDate.leading(d.listingDate()));
            String end = PartialDate.leading(d.endDate());
            boolean ended = !stored.onList() || (d.status() != null && ENDED.contains(d.status().toLowerCase(Locale.ROOT)))
                    || (end != null && PartialDate.parse(end).map(p -> p.latest().isBefore(asOf)).orElse(false));
            s.put("status", ended ? "delisted" : "active");
            if (ended && end == null) {
                end = asOf.toString();
            }
            put(s, "endDate", end);
            put(s, "grounds", clip(d.reason(), 20_000));
            s.put("basis", "list-match").put("listName", list).put("listEntry", entry.id()).put("matchedBy", matchId);
            put(s, "sourceUrl", url(d.sourceUrl()));
            desired.put(id, s);
        }
        desired.values().forEach(s -> session.add(1, s));
        for (String id : existing) {
            if (!desired.containsKey(id)) {
                ObjectNode old = records.get(UNBOUNDED, records.model().type("Sanction").orElseThrow(), id);
                old.remove("meta");
                if (!"delisted".equals(old.path("status").asText())) {
                    old.put("status", "delisted");
                    old.put("endDate", asOf.toString());
                    session.add(1, old);
                }
            }
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    /** Outside text made acceptable to the model: normalised, one line for short fields, clipped. */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String s = TextInput.normal(value).replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ");
        if (max <= 500) {
            s = s.replaceAll("\\s+", " ").strip();
        }
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static String url(String value) {
        if (value == null || value.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null ? value : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
