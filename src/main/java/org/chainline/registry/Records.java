package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.input.Json;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;
import org.chainline.protection.IdentityProtection;
import org.chainline.refusal.Conflict;
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

    /** The record with its bookkeeping ({@code meta}), as the journal holds it now. */
    public ObjectNode get(RecordType type, String id) {
        StoredRecord stored = store.find(id).filter(s -> type == null || s.type().equals(type.name()))
                .orElseThrow(() -> new NotFound(type == null ? "record" : type.name(), id));
        return RecordJson.view(stored);
    }

    /** What a record held is: its type, and whether it is retired. */
    public record Held(String type, boolean retired) {
    }

    /** The type and state of those ids that are held (retired ones too), in one read. */
    public Map<String, Held> held(Collection<String> ids) {
        Map<String, Held> out = new LinkedHashMap<>();
        store.find(ids).forEach((id, r) -> out.put(id, new Held(r.type(), r.retired())));
        return out;
    }

    /** Several records of any type by id, in one read; an id not held is left out. */
    public Map<String, ObjectNode> getAll(Collection<String> ids) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        store.findWithContent(List.copyOf(new LinkedHashSet<>(ids))).forEach((id, stored) -> out.put(id, RecordJson.view(stored)));
        return out;
    }

    public ObjectNode create(String actor, RecordType type, JsonNode body, String reason) {
        if (body != null && body.hasNonNull("id") && !body.get("id").isTextual()) {
            throw new InvalidInput("id", "must be a string");
        }
        String id = body != null && body.hasNonNull("id") ? body.get("id").asText() : generatedId(type);
        ValidRecord record = valid(type, id, body);
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            Map<String, StoredRecord> stored = store.find(batch.connection(), idsOf(record));
            StoredRecord existing = stored.get(id);
            if (existing != null) {
                throw new Conflict("id", id + " is already " + (existing.retired() ? "a retired " : "a ") + existing.type()
                        + "; ids are never reused");
            }
            checkRefs(record, stored);
            RecordWrites writes = new RecordWrites(batch, store, protectedValues, RecordWrites.Writer.REQUEST);
            writes.put(record, null);
            writes.flush();
            return null;
        });
        return get(type, id);
    }

    /** Applies a JSON merge patch (a null removes a property); an unchanged result journals nothing. */
    public ObjectNode change(String actor, RecordType type, String id, JsonNode patch, String reason) {
        return change(actor, type, id, patch, reason, false);
    }

    /**
     * As {@link #change}; {@code holdsProtectionGrant} says whether the writer holds the witness-protection grant, which
     * lowering a protected item's confidentiality needs.
     */
    public ObjectNode change(String actor, RecordType type, String id, JsonNode patch, String reason,
                             boolean holdsProtectionGrant) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInput("body", "must be a JSON object with the properties to change");
        }
        if (patch.hasNonNull("id") && !patch.get("id").asText().equals(id)) {
            throw new InvalidInput("id", "cannot be changed; retire the record and create another");
        }
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            RecordWrites writes = new RecordWrites(batch, store, protectedValues,
                    new RecordWrites.Writer(null, holdsProtectionGrant));
            applyPatch(batch, writes, type, id, patch);
            writes.flush();
            return null;
        });
        return get(type, id);
    }

    /**
     * Applies many merge patches to records of one type in one journal transaction, all or nothing (a change the
     * system makes to what earlier versions wrote); unchanged results journal nothing.
     */
    public void changeAll(String actor, RecordType type, Map<String, ? extends JsonNode> patches, String reason) {
        if (patches.isEmpty()) {
            return;
        }
        journal.write(actor, reason, Journal.AfterCommit.PROJECT, batch -> {
            RecordWrites writes = new RecordWrites(batch, store, protectedValues, RecordWrites.Writer.REQUEST);
            patches.forEach((id, patch) -> applyPatch(batch, writes, type, id, patch));
            writes.flush();
            return null;
        });
    }

    private void applyPatch(Journal.Batch batch, RecordWrites writes, RecordType type, String id, JsonNode patch) {
        StoredRecord current = store.find(batch.connection(), List.of(id)).get(id);
        if (current == null || !current.type().equals(type.name())) {
            throw new NotFound(type.name(), id);
        }
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
        ValidRecord record = valid(type, id, merged);
        Map<String, StoredRecord> stored = store.find(batch.connection(), idsOf(record));
        checkRefs(record, stored);
        writes.put(record, current);
    }

    /** Retires a record, which must no longer be referred to by a live record. */
    public ObjectNode retire(String actor, RecordType type, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the record is retired");
        }
        StoredRecord before = store.find(id).filter(s -> s.type().equals(type.name())).orElseThrow(() -> new NotFound(type.name(), id));
        if (before.retired()) {
            throw new Conflict("id", id + " is already retired");
        }
        projector.catchUpQuietly();
        List<String> referrers = graph.referrers(id);
        if (!referrers.isEmpty()) {
            throw new Conflict("id", id + " is still referred to by " + String.join(", ", referrers)
                    + "; retire or change those first");
        }
        journal.write(actor, reason.strip(), Journal.AfterCommit.PROJECT, batch -> {
            StoredRecord current = store.find(batch.connection(), List.of(id)).get(id);
            if (current.retired()) {
                throw new Conflict("id", id + " is already retired");
            }
            new RecordWrites(batch, store, protectedValues, RecordWrites.Writer.REQUEST).retire(type, id);
            return null;
        });
        return get(type, id);
    }

    public List<ObjectNode> list(RecordType type, String query, boolean includeRetired, int offset, int limit) {
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
            return views(graph.search(type, query, includeRetired, offset, limit));
        }
        if (type == null) {
            throw new InvalidInput("q", "is required when searching every type");
        }
        return views(graph.list(type, includeRetired, offset, limit));
    }

    /** The records the graph found, in its order, as the journal holds them (with the search score under meta). */
    private List<ObjectNode> views(List<RecordGraph.Hit> hits) {
        Map<String, StoredRecord> stored = store.findWithContent(hits.stream().map(RecordGraph.Hit::id).toList());
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

    /** The live claims about a record (a person's postings, a unit's relations), as the journal holds them, by type and id. */
    public List<ObjectNode> claimsAbout(String id) {
        List<String> ids = graph.claimsAbout(id);
        Map<String, StoredRecord> stored = store.findWithContent(ids);
        return ids.stream().map(stored::get).filter(Objects::nonNull).map(RecordJson::view).toList();
    }

    /** The live records of a type that refer to a record (the Sanction records designating a person), by id. */
    public List<ObjectNode> referring(String typeName, String id) {
        List<String> ids = graph.referring(typeName, id);
        Map<String, StoredRecord> stored = store.findWithContent(ids);
        return ids.stream().map(stored::get).filter(Objects::nonNull).map(RecordJson::view).toList();
    }

    /** A live record's title, if it has one. */
    public Optional<String> titleOf(RecordType type, String id) {
        return store.find(id).filter(s -> s.type().equals(type.name()) && !s.retired())
                .flatMap(s -> Optional.ofNullable(store.findWithContent(List.of(id)).get(id)))
                .map(s -> RecordJson.parse(s.content()).path("title").asText(null));
    }

    /** The claims that cite an evidence item, with stance and pinpoint. */
    public List<RecordGraph.Citing> citedBy(String evidenceId) {
        get(model.type("Evidence").orElseThrow(), evidenceId);
        return graph.citedBy(evidenceId);
    }

    /**
     * The clear values of a record's protected properties, for someone holding the grant. The reveal is journaled
     * (who, when, why, which record) before anything is shown; the values themselves never enter the journal in clear.
     */
    public ObjectNode reveal(String actor, RecordType type, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the identity must be seen");
        }
        StoredRecord stored = store.findWithContent(List.of(id)).get(id);
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

    private ValidRecord valid(RecordType type, String id, JsonNode body) {
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
            Map<String, StoredRecord> stored = store.find(checked.refs().stream().map(Ref::id).collect(Collectors.toSet()));
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
