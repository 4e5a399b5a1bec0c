package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.input.Json;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;
import org.chainline.protection.IdentityProtection;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Problems;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.names.NameKeys;
import org.chainline.registry.validation.RecordValidator;
import org.chainline.registry.validation.Ref;
import org.chainline.registry.validation.ValidRecord;
import org.chainline.registry.validation.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creating, changing and retiring records of the accountability model: each a journal entry, checked under the
 * journal's lock against what the store holds. Records are never deleted; a retired record stays readable.
 */
@Singleton
public class Records {

    private final Model model;
    private final Journal journal;
    private final RecordStore store;
    private final RecordGraph graph;
    private final Projector projector;
    private final ProtectedValues protectedValues;

    /** Who the service's own changes are journaled as. */
    static final String SYSTEM = "system";

    /** The journal kind of a reveal of protected identities. */
    public static final String REVEALED = "protection.revealed";

    Records(Model model, Journal journal, RecordStore store, RecordGraph graph, Projector projector,
            ProtectedValues protectedValues) {
        this.protectedValues = protectedValues;
        this.model = model;
        this.journal = journal;
        this.store = store;
        this.graph = graph;
        this.projector = projector;
    }

    public Model model() {
        return model;
    }

    /**
     * The record with its bookkeeping ({@code meta}), as the journal holds it now, if the scope sees it; any other id
     * answers exactly as one that does not exist.
     */
    public ObjectNode get(Scope scope, RecordType type, String id) {
        StoredRecord stored = Optional.ofNullable(store.findVisible(scope, List.of(id), true).get(id))
                .filter(s -> type == null || s.type().equals(type.name()))
                .orElseThrow(() -> new NotFound(type == null ? "record" : type.name(), id));
        return RecordJson.view(stored);
    }

    /** What a record held is: its type, and whether it is retired. */
    public record Held(String type, boolean retired) {
    }

    /** The type and state of those ids that are held (retired ones too) and that the scope sees, in one read. */
    public Map<String, Held> held(Scope scope, Collection<String> ids) {
        Map<String, Held> out = new LinkedHashMap<>();
        store.findVisible(scope, ids, false).forEach((id, r) -> out.put(id, new Held(r.type(), r.retired())));
        return out;
    }

    /** Several records of any type by id, in one read; an id not held, or not seen by the scope, is left out. */
    public Map<String, ObjectNode> getAll(Scope scope, Collection<String> ids) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        store.findVisible(scope, List.copyOf(new LinkedHashSet<>(ids)), true).forEach((id, stored) -> out.put(id, RecordJson.view(stored)));
        return out;
    }

    /**
     * Creates a record in one of the writer's cases: the one it names in {@code case}, else the filing's, else the
     * writer's only case where it is an analyst or above.
     */
    public ObjectNode create(Filing filing, RecordType type, JsonNode body, String reason) {
        Scope scope = filing.scope();
        String actor = filing.actor();
        if (body != null && body.hasNonNull("id") && !body.get("id").isTextual()) {
            throw new InvalidInput("id", "must be a string");
        }
        String id = body != null && body.hasNonNull("id") ? body.get("id").asText() : generatedId(type);
        ValidRecord record = valid(scope, type, id, body);
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            RecordWrites writes = new RecordWrites(batch, store, protectedValues, model, RecordWrites.Writer.of(scope, filing.caseId()));
            Map<String, StoredRecord> stored = store.find(batch.connection(), idsOf(record));
            StoredRecord existing = stored.get(id);
            if (existing != null) {
                // told alike whether the record is the writer's to see or not: the id is taken, nothing more
                throw new Conflict("id", id + " is taken; ids are never reused: choose another");
            }
            checkRefs(record, writes.seenByWriter(stored));
            writes.put(record, null);
            writes.flush();
            return null;
        });
        return get(scope, type, id);
    }

    /** Applies a JSON merge patch (a null removes a property); an unchanged result journals nothing. */
    public ObjectNode change(Scope scope, RecordType type, String id, JsonNode patch, String reason) {
        return change(scope, type, id, patch, reason, false);
    }

    /**
     * As {@link #change}; {@code holdsProtectionGrant} says whether the writer holds the witness-protection grant, which
     * lowering a protected item's confidentiality needs.
     */
    public ObjectNode change(Scope scope, RecordType type, String id, JsonNode patch, String reason,
                             boolean holdsProtectionGrant) {
        String actor = scope.reader() == null ? SYSTEM : scope.reader();
        if (patch == null || !patch.isObject()) {
            throw new InvalidInput("body", "must be a JSON object with the properties to change");
        }
        if (patch.hasNonNull("id") && !patch.get("id").asText().equals(id)) {
            throw new InvalidInput("id", "cannot be changed; retire the record and create another");
        }
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            RecordWrites writes = new RecordWrites(batch, store, protectedValues, model,
                    new RecordWrites.Writer(null, holdsProtectionGrant, scope, null));
            applyPatch(batch, writes, scope, type, id, patch);
            writes.flush();
            return null;
        });
        return get(scope, type, id);
    }

    /**
     * Applies many merge patches to records of one type in one journal transaction, all or nothing (a change the
     * system makes to what earlier versions wrote); unchanged results journal nothing.
     */
    public void changeAll(String actor, RecordType type, Map<String, ? extends JsonNode> patches, String reason) {
        if (patches.isEmpty()) {
            return;
        }
        Scope system = Scope.everyCase("the service upgrades what its earlier versions wrote");
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            RecordWrites writes = new RecordWrites(batch, store, protectedValues, model, RecordWrites.Writer.of(system, null));
            patches.forEach((id, patch) -> applyPatch(batch, writes, system, type, id, patch));
            writes.flush();
            return null;
        });
    }

    private void applyPatch(Journal.Batch batch, RecordWrites writes, Scope scope, RecordType type, String id, JsonNode patch) {
        StoredRecord current = writes.seenByWriter(store.find(batch.connection(), List.of(id))).get(id);
        if (current == null || !current.type().equals(type.name())) {
            throw new NotFound(type.name(), id);
        }
        mayWrite(scope, current);
        if (current.retired()) {
            throw new Conflict("id", id + " is retired and cannot be changed");
        }
        ObjectNode merged = RecordJson.parse(current.content());
        patch.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("reason") && !f.getKey().equals("meta")) {
                if (f.getValue().isNull()) {
                    merged.remove(f.getKey());
                } else {
                    merged.set(f.getKey(), f.getValue());
                }
            }
        });
        ValidRecord record = valid(scope, type, id, merged);
        Map<String, StoredRecord> stored = store.find(batch.connection(), idsOf(record));
        checkRefs(record, writes.seenByWriter(stored));
        writes.put(record, current);
    }

    /** A record the writer sees is changed only by an analyst or above of its home case. */
    private static void mayWrite(Scope scope, StoredRecord record) {
        if (record.homeCase() != null && !scope.may(record.homeCase(), CaseRole.ANALYST)) {
            throw new Forbidden("case", record.id() + " belongs to case " + record.homeCase()
                    + ", where you may not change records: an analyst of that case may");
        }
    }

    /** Retires a record, which must no longer be referred to by a live record. */
    public ObjectNode retire(Scope scope, RecordType type, String id, String reason) {
        String actor = scope.reader();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the record is retired");
        }
        StoredRecord before = Optional.ofNullable(store.findVisible(scope, List.of(id), false).get(id))
                .filter(s -> s.type().equals(type.name())).orElseThrow(() -> new NotFound(type.name(), id));
        mayWrite(scope, before);
        if (before.retired()) {
            throw new Conflict("id", id + " is already retired");
        }
        projector.catchUpQuietly();
        RecordGraph.Referrers referrers = graph.referrers(scope, id);
        if (!referrers.seen().isEmpty()) {
            throw new Conflict("id", id + " is still referred to by " + String.join(", ", referrers.seen())
                    + (referrers.unseen() ? " and by records of cases you are not in" : "") + "; retire or change those first");
        }
        if (referrers.unseen()) {
            throw new Conflict("id", id + " is still referred to by records of cases you are not in;"
                    + " it stays as long as they use it");
        }
        journal.write(actor, reason.strip(), Journal.AfterCommit.PROJECT, batch -> {
            StoredRecord current = store.find(batch.connection(), List.of(id)).get(id);
            if (current.retired()) {
                throw new Conflict("id", id + " is already retired");
            }
            new RecordWrites(batch, store, protectedValues, model, RecordWrites.Writer.of(scope, null)).retire(type, id);
            return null;
        });
        return get(scope, type, id);
    }

    /** A page of the records the scope sees: a type's, by name, or those matching a search (every type when none). */
    public List<ObjectNode> list(Scope scope, RecordType type, String query, boolean includeRetired, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInput("offset", "must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInput("limit", "must be between 1 and 500");
        }
        if (query != null && !query.isBlank()) {
            if (query.length() > 200) {
                throw new InvalidInput("q", "must be at most 200 characters");
            }
            int words = NameKeys.words(query).size();
            if (words > 10) {
                throw new InvalidInput("q", "must be at most 10 words");
            }
            if (words == 0) {
                throw new InvalidInput("q", "has no letters or digits to search for");
            }
            return views(scope, graph.search(scope, type, query, includeRetired, offset, limit));
        }
        if (type == null) {
            throw new InvalidInput("q", "is required when searching every type");
        }
        return views(scope, graph.list(scope, type, includeRetired, offset, limit));
    }

    /** The records the graph found, in its order, as the journal holds them (with the search score under meta). */
    private List<ObjectNode> views(Scope scope, List<RecordGraph.Hit> hits) {
        // the graph answered for the scope; the store checks it again (the graph may lag a share's revocation)
        Map<String, StoredRecord> stored = store.findVisible(scope, hits.stream().map(RecordGraph.Hit::id).toList(), true);
        List<ObjectNode> views = new ArrayList<>(hits.size());
        for (RecordGraph.Hit hit : hits) {
            StoredRecord record = stored.get(hit.id());
            if (record != null) {
                ObjectNode view = RecordJson.view(record);
                if (hit.score() != null) {
                    ((ObjectNode) view.get("meta")).put("score", hit.score());
                }
                views.add(view);
            }
        }
        return views;
    }

    /**
     * How many live records of each type a case holds (its own, not those it names or has shared into it), for a reader
     * of the case; empty for one it is not in.
     */
    public Map<String, Long> heldBy(Scope scope, String caseId) {
        return scope.sees(caseId) ? store.countByType(caseId) : Map.of();
    }

    /** The live claims about a record (a person's postings, a unit's relations), as the journal holds them, by type and id. */
    public List<ObjectNode> claimsAbout(Scope scope, String id) {
        List<String> ids = graph.claimsAbout(scope, id);
        Map<String, StoredRecord> stored = store.findVisible(scope, ids, true);
        return ids.stream().map(stored::get).filter(Objects::nonNull).map(RecordJson::view).toList();
    }

    /** The live records of a type that refer to a record (the Sanction records designating a person), by id. */
    public List<ObjectNode> referring(Scope scope, String typeName, String id) {
        List<String> ids = graph.referring(scope, typeName, id);
        Map<String, StoredRecord> stored = store.findVisible(scope, ids, true);
        return ids.stream().map(stored::get).filter(Objects::nonNull).map(RecordJson::view).toList();
    }

    /** A live record's title, if it has one. */
    public Optional<String> titleOf(Scope scope, RecordType type, String id) {
        return Optional.ofNullable(store.findVisible(scope, List.of(id), true).get(id))
                .filter(s -> s.type().equals(type.name()) && !s.retired())
                .map(s -> RecordJson.parse(s.content()).path("title").asText(null));
    }

    /** The claims that cite an evidence item, with stance and pinpoint. */
    public List<RecordGraph.Citing> citedBy(Scope scope, String evidenceId) {
        get(scope, model.type("Evidence").orElseThrow(), evidenceId);
        return graph.citedBy(scope, evidenceId);
    }

    /**
     * The clear values of a record's protected properties, for someone holding the grant. The reveal is journaled
     * (who, when, why, which record) before anything is shown; the values themselves never enter the journal in clear.
     */
    public ObjectNode reveal(Scope scope, RecordType type, String id, String reason) {
        String actor = scope.reader();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the identity must be seen");
        }
        StoredRecord stored = store.findVisible(scope, List.of(id), true).get(id);
        if (stored == null || !stored.type().equals(type.name())) {
            throw new NotFound(type.name(), id);
        }
        ObjectNode content = RecordJson.parse(stored.content());
        List<String> sealed = type.properties().values().stream()
                .filter(p -> p.type() == PropertyType.PROTECTED && content.has(p.name())).map(Property::name).toList();
        if (sealed.isEmpty()) {
            throw NotFound.because(type.name() + " " + id + " holds no protected identity");
        }
        ObjectNode revealed = Json.MAPPER.createObjectNode();
        revealed.put("id", id).put("type", type.name());
        for (String property : sealed) {
            try {
                revealed.set(property, protectedValues.open(id, property, content.get(property)));
            } catch (IdentityProtection.SealBroken e) {
                throw new Conflict(property, "the stored sealed value " + e.getMessage());
            }
        }
        String payload = Json.MAPPER.createObjectNode().put("type", type.name())
                .set("properties", Json.MAPPER.valueToTree(sealed)).toString();
        journal.write(actor, TextInput.clean("reason", reason, 2000, true), Journal.AfterCommit.LEAVE_TO_SCHEDULE,
                batch -> batch.add(new Change(REVEALED, id, new Change.Json(payload))));
        return revealed;
    }

    private ValidRecord valid(Scope scope, RecordType type, String id, JsonNode body) {
        if (body != null && body.hasNonNull("type") && !body.get("type").asText().equals(type.name())) {
            throw new InvalidInput("type", "must be " + type.name() + " here (it is " + body.get("type").asText() + ")");
        }
        RecordValidator.Checked checked = RecordValidator.check(type, id, body);
        Problems problems = new Problems();
        List<Violation> violations = checked.valid() ? protectedValues.checkSealed(checked.record()) : checked.violations();
        violations.forEach(v -> problems.add(v.field(), v.reason()));
        if (!checked.valid() && !checked.refs().isEmpty()) {
            // the references of the well-formed fields too, so that one answer names every mistake (a valid record's
            // references are checked where it is written, in the journal's turn)
            Map<String, StoredRecord> stored = store.findVisible(scope, checked.refs().stream().map(Ref::id).collect(Collectors.toSet()), false);
            Map<String, String> self = new HashMap<>();
            self.put(id, type.name());
            for (Ref ref : checked.refs()) {
                RecordWrites.refProblem(ref, self, stored).ifPresent(problem -> problems.add(ref.field(), problem));
            }
        }
        problems.refuseIfAny();
        return checked.record();
    }

    private static Set<String> idsOf(ValidRecord record) {
        Set<String> ids = new HashSet<>();
        ids.add(record.id());
        record.refs().forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static void checkRefs(ValidRecord record, Map<String, StoredRecord> stored) {
        Map<String, String> self = new HashMap<>();
        self.put(record.id(), record.type().name());
        Problems problems = new Problems();
        for (Ref ref : record.refs()) {
            RecordWrites.refProblem(ref, self, stored).ifPresent(problem -> problems.add(ref.field(), problem));
        }
        problems.refuseIfAny();
    }

    private static String generatedId(RecordType type) {
        return type.kind("x").replace(".x", "") + "-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
