package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.Sha256;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.journal.Journal;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.Records;
import org.chainline.refusal.InvalidInput;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.exc.SchemaException;
import tech.followthemoney.model.Model;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.chainline.input.Json;
import org.chainline.input.Upload;
import org.chainline.refusal.TooLarge;

/**
 * FollowTheMoney entities (JSON lines, as Aleph and OpenSanctions export them) into the graph: Person as Person,
 * Organization and its kinds as Unit, Membership of a person as Posting and of an organisation as UnitRelation,
 * Occupancy of a Position as Posting, Event as Incident, UnknownLink of an actor to an event as Involvement, and Sanction
 * as Sanction. Every claim cites the imported file, which is kept in the evidence locker as one item with its hash and
 * custody, the pinpoint naming the FtM entity. The whole file is read, mapped and checked against the store before
 * anything is written (a refused file leaves nothing behind, not even its item in the locker); what cannot
 * be mapped without inventing facts (an Event with no violation type, an Occupancy of a Position without organisation)
 * is left out and counted with the reason. Importing the same file again changes nothing.
 */
@Singleton
public class FtmImport {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final Pattern DATASET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    static final long MAX_BYTES = 1L << 30;
    static final List<String> RELATIONS = List.of("child-of", "member-of", "under-operational-control-of");
    static final List<String> INVOLVEMENT_ROLES = List.of("perpetrated", "ordered", "commanded", "present", "supported",
            "failed-to-prevent", "failed-to-punish");
    static final List<String> POSTING_ROLES = List.of("commander", "deputy-commander", "chief-of-staff", "head", "minister", "member");
    static final List<String> UNIT_CLASSES = List.of("police", "riot-police", "national-guard", "military", "special-forces",
            "intelligence", "ministry", "government", "foreign-armed-forces", "non-state");

    private final Model ftm;
    private final org.chainline.registry.model.Model model;
    private final Records records;
    private final RecordImport imports;
    private final Journal journal;
    private final EvidenceLocker locker;

    private final org.chainline.storage.DataDirectory data;

    FtmImport(Model ftm, Records records, RecordImport imports, Journal journal, EvidenceLocker locker,
              org.chainline.storage.DataDirectory data) {
        this.data = data;
        this.ftm = ftm;
        this.records = records;
        this.model = records.model();
        this.imports = imports;
        this.journal = journal;
        this.locker = locker;
    }

    @Serdeable
    public record Report(String dataset, String evidence, String sha256, int entities, Map<String, Integer> imported,
                         long created, long changed, long unchanged, Map<String, Integer> skipped) {
    }

    public Report run(String actor, String dataset, String fileName, InputStream in) {
        if (dataset == null || !DATASET.matcher(dataset).matches()) {
            throw new InvalidInput("dataset", "is required: a name for the dataset (1 to 80 lower-case letters, digits, '.', '_' "
                    + "or '-'), cited by every claim it brings");
        }
        try (Upload upload = Upload.spool(data.spoolFile(".upload"), in, MAX_BYTES, "the FtM entities (JSON lines)",
                () -> new TooLarge("file", "is larger than " + (MAX_BYTES >> 20) + " MB"),
                () -> new InvalidInput("file", "is empty: send the FtM entities (JSON lines) as the request body"))) {
            Path tmp = upload.file();
            Map<String, Integer> unknown = new TreeMap<>();
            Map<String, ValueEntity> entities = read(tmp, unknown);
            String sha256 = upload.sha256();
            String evidenceId = "ev-" + sha256.substring(0, 16);
            Mapping mapping = map(entities, evidenceId);
            unknown.forEach((property, count) -> mapping.skipped().merge("property not in the FtM model: " + property, count, Integer::sum));
            for (ObjectNode record : mapping.records()) {
                if (record.path("type").asText().equals("Sanction")) {
                    record.put("listName", dataset);
                }
            }
            // The records are checked against the store first, in a transaction rolled back at its end, so that a refused
            // file leaves nothing behind, not even its item in the evidence locker. The check leaves out the citations:
            // the item they name arrives only after it.
            try {
                journal.write(actor, "check of FollowTheMoney dataset " + dataset, false, batch -> {
                    write(batch, mapping.records(), null);
                    throw new Checked();
                });
            } catch (Checked passed) {
                // nothing was written
            }
            EvidenceLocker.Received received;
            try (InputStream file = Files.newInputStream(tmp)) {
                received = locker.receive(actor, "FollowTheMoney dataset " + dataset, file, new EvidenceLocker.Upload(
                        fileName != null ? fileName : dataset + ".ftm.json", "application/json", "document",
                        "FollowTheMoney dataset " + dataset + (fileName != null ? " (" + fileName + ")" : ""), null,
                        "restricted", "ftm import"));
            }
            String cited = received.evidence();
            if (!cited.equals(evidenceId)) {
                mapping.records().forEach(record -> retarget(record, evidenceId, cited));
            }
            long[] counts = journal.write(actor, "FollowTheMoney dataset " + dataset + " imported", true,
                    batch -> write(batch, mapping.records(), cited));
            return new Report(dataset, cited, sha256, entities.size(), mapping.imported(), counts[0], counts[1], counts[2],
                    mapping.skipped());
        } catch (IOException e) {
            throw new UncheckedIOException("the FtM file could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the mapped records in the batch and answers how many were created, changed and unchanged; an error refuses
     * them all. With {@code cited} null (the check), the records are written without their citations.
     */
    private long[] write(Journal.Batch batch, List<ObjectNode> records, String cited) {
        RecordImport.Session session = imports.session(batch);
        long position = 0;
        for (ObjectNode record : records) {
            ObjectNode line = record;
            if (cited == null && record.has("citations")) {
                line = record.deepCopy();
                line.remove("citations");
            }
            session.add(++position, line);
        }
        session.finish();
        if (session.errorCount() > 0) {
            var first = session.errors().getFirst();
            ObjectNode bad = records.get((int) Math.max(0, first.line() - 1));
            throw new InvalidInput("file", "FtM entity " + bad.path("id").asText() + " cannot be imported: " + first.field()
                    + " " + first.reason() + ". Nothing was imported.");
        }
        return new long[]{session.createdCount(), session.changedCount(), session.unchangedCount()};
    }

    /** Ends the check's transaction, rolling it back. */
    private static final class Checked extends RuntimeException {
        Checked() {
            super(null, null, false, false);
        }
    }

    private static void retarget(ObjectNode record, String from, String to) {
        for (JsonNode c : record.path("citations")) {
            if (c.path("evidence").asText().equals(from)) {
                ((ObjectNode) c).put("evidence", to);
            }
        }
    }

    /**
     * Reads and checks every line against FtM's model; any error refuses the file. Properties the model (FtM 3.8.4)
     * does not have are counted in {@code unknown} and not read: a newer FtM may have added them.
     */
    private Map<String, ValueEntity> read(Path file, Map<String, Integer> unknown) throws IOException {
        Map<String, ValueEntity> entities = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null && errors.size() < 20) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    errors.add("line " + number + ": not JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (!node.isObject() || !node.path("id").isTextual() || !node.path("schema").isTextual()) {
                    errors.add("line " + number + ": not an FtM entity (an object with id, schema and properties)");
                    continue;
                }
                if (ftm.getSchemata().get(node.get("schema").asText()) == null) {
                    errors.add("line " + number + ": schema " + node.get("schema").asText() + " is not a FollowTheMoney schema");
                    continue;
                }
                Schema schema = ftm.getSchemata().get(node.get("schema").asText());
                node.path("properties").fieldNames().forEachRemaining(property -> {
                    if (!schema.hasProperty(property)) {
                        unknown.merge(schema.getName() + "." + property, 1, Integer::sum);
                    }
                });
                try {
                    ValueEntity entity = ValueEntity.fromJson(ftm, node);
                    if (entities.put(entity.getId(), entity) != null) {
                        errors.add("line " + number + ": entity " + entity.getId() + " appears twice");
                    }
                } catch (SchemaException | RuntimeException e) {
                    errors.add("line " + number + ": " + e.getMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "is not UTF-8 text");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("file", String.join("; ", errors) + ". Nothing was imported.");
        }
        return entities;
    }

    private record Mapping(List<ObjectNode> records, Map<String, Integer> imported, Map<String, Integer> skipped) {
    }

    private Mapping map(Map<String, ValueEntity> entities, String evidence) {
        List<ObjectNode> out = new ArrayList<>();
        Map<String, Integer> imported = new TreeMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        Schema person = ftm.getSchema("Person");
        Schema organization = ftm.getSchema("Organization");
        // Things first, so that claims can name them.
        for (ValueEntity e : entities.values()) {
            if (e.getSchema().isA(person)) {
                Optional<ObjectNode> p = person(e);
                if (p.isEmpty()) {
                    skipped.merge("Person without a name", 1, Integer::sum);
                    continue;
                }
                ids.put(e.getId(), p.get().get("id").asText());
                kinds.put(e.getId(), "Person");
                out.add(p.get());
                imported.merge("Person", 1, Integer::sum);
            } else if (e.getSchema().isA(organization)) {
                Optional<ObjectNode> u = unit(e);
                if (u.isEmpty()) {
                    skipped.merge("Organization without a name", 1, Integer::sum);
                    continue;
                }
                ids.put(e.getId(), u.get().get("id").asText());
                kinds.put(e.getId(), "Unit");
                out.add(u.get());
                imported.merge("Unit", 1, Integer::sum);
            }
        }
        for (ValueEntity e : entities.values()) {
            if (!e.getSchema().getName().equals("Event")) {
                continue;
            }
            List<String> violations = values(e, "keywords").stream().filter(incidentViolations()::contains).distinct().toList();
            String start = date(first(e, "startDate", "date"));
            if (violations.isEmpty() || start == null) {
                skipped.merge(violations.isEmpty() ? "Event without a violation type (keywords naming one)" : "Event without a date", 1, Integer::sum);
                continue;
            }
            ObjectNode incident = record("Incident", e.getId());
            incident.put("title", first(e, "name"));
            incident.set("violations", Json.MAPPER.valueToTree(violations));
            incident.put("start", start);
            put(incident, "end", date(first(e, "endDate")));
            put(incident, "placeName", first(e, "location"));
            put(incident, "country", country(first(e, "country")));
            put(incident, "narrative", first(e, "summary", "description"));
            ids.put(e.getId(), incident.get("id").asText());
            kinds.put(e.getId(), "Incident");
            out.add(incident);
            imported.merge("Incident", 1, Integer::sum);
        }
        for (ValueEntity e : entities.values()) {
            String schema = e.getSchema().getName();
            switch (schema) {
                case "Membership" -> {
                    String member = first(e, "member");
                    String org = first(e, "organization");
                    if ("Person".equals(kinds.get(member)) && "Unit".equals(kinds.get(org))) {
                        ObjectNode posting = claim("Posting", e, evidence);
                        posting.put("person", ids.get(member)).put("unit", ids.get(org));
                        String role = first(e, "role");
                        posting.put("role", role != null && POSTING_ROLES.contains(role) ? role : roleOf(role));
                        put(posting, "title", first(e, "description") != null ? first(e, "description")
                                : role != null && !POSTING_ROLES.contains(role) ? role : null);
                        out.add(posting);
                        imported.merge("Posting", 1, Integer::sum);
                    } else if ("Unit".equals(kinds.get(member)) && "Unit".equals(kinds.get(org))) {
                        ObjectNode relation = claim("UnitRelation", e, evidence);
                        String role = first(e, "role");
                        relation.put("unit", ids.get(member)).put("superior", ids.get(org))
                                .put("relation", role != null && RELATIONS.contains(role) ? role : "member-of");
                        out.add(relation);
                        imported.merge("UnitRelation", 1, Integer::sum);
                    } else {
                        skipped.merge("Membership of something not imported", 1, Integer::sum);
                    }
                }
                case "Occupancy" -> {
                    String holder = first(e, "holder");
                    ValueEntity post = entities.get(first(e, "post"));
                    String org = post == null ? null : first(post, "organization");
                    if (!"Person".equals(kinds.get(holder)) || !"Unit".equals(kinds.get(org))) {
                        skipped.merge("Occupancy of a Position without an imported organisation", 1, Integer::sum);
                        continue;
                    }
                    ObjectNode posting = claim("Posting", e, evidence);
                    posting.put("person", ids.get(holder)).put("unit", ids.get(org)).put("role", roleOf(first(post, "name")));
                    put(posting, "title", first(e, "description") != null ? first(e, "description") : titleOf(first(post, "name")));
                    out.add(posting);
                    imported.merge("Posting", 1, Integer::sum);
                }
                case "UnknownLink" -> {
                    String subject = first(e, "subject");
                    String object = first(e, "object");
                    String role = first(e, "role");
                    if ("Incident".equals(kinds.get(object)) && kinds.get(subject) != null && !"Incident".equals(kinds.get(subject))
                            && role != null && INVOLVEMENT_ROLES.contains(role)) {
                        ObjectNode involvement = claim("Involvement", e, evidence);
                        involvement.put("actor", ids.get(subject)).put("incident", ids.get(object)).put("role", role);
                        put(involvement, "description", first(e, "description"));
                        out.add(involvement);
                        imported.merge("Involvement", 1, Integer::sum);
                    } else {
                        skipped.merge("UnknownLink that is not an involvement in an event", 1, Integer::sum);
                    }
                }
                case "Sanction" -> {
                    String entity = first(e, "entity");
                    if (!"Person".equals(kinds.get(entity))) {
                        skipped.merge("Sanction of something other than an imported person", 1, Integer::sum);
                        continue;
                    }
                    ObjectNode s = record("Sanction", e.getId());
                    s.put("person", ids.get(entity));
                    put(s, "jurisdiction", country(first(e, "country")));
                    put(s, "authority", first(e, "authority"));
                    s.put("program", Optional.ofNullable(first(e, "program")).or(() -> Optional.ofNullable(first(e, "authority")))
                            .orElse("(programme not stated)"));
                    put(s, "programId", first(e, "programId"));
                    put(s, "listingDate", date(first(e, "listingDate", "startDate", "date")));
                    String end = date(first(e, "endDate"));
                    put(s, "endDate", end);
                    String status = first(e, "status");
                    s.put("status", end != null || (status != null && List.of("delisted", "inactive", "ended").contains(status.toLowerCase(Locale.ROOT)))
                            ? "delisted" : "active");
                    put(s, "grounds", first(e, "reason"));
                    s.put("basis", "dataset");
                    put(s, "listEntry", first(e, "recordId"));
                    out.add(s);
                    imported.merge("Sanction", 1, Integer::sum);
                }
                default -> {
                    // Positions are read through the Occupancies that name them.
                    if (!kinds.containsKey(e.getId()) && !schema.equals("Position")) {
                        skipped.merge(schema, 1, Integer::sum);
                    }
                }
            }
        }
        return new Mapping(out, imported, skipped);
    }

    private List<String> incidentViolations() {
        return model.type("Incident").orElseThrow().property("violations").orElseThrow().values();
    }

    private Optional<ObjectNode> person(ValueEntity e) {
        ArrayNode names = Json.MAPPER.createArrayNode();
        for (String n : values(e, "name")) {
            names.add(name(n, "primary"));
        }
        for (String n : values(e, "alias")) {
            names.add(name(n, "alias"));
        }
        for (String n : values(e, "weakAlias")) {
            names.add(name(n, "alias"));
        }
        for (String n : values(e, "previousName")) {
            names.add(name(n, "previous"));
        }
        if (names.isEmpty()) {
            String composed = (String.join(" ", values(e, "firstName")) + " " + String.join(" ", values(e, "lastName"))).strip();
            if (composed.isEmpty()) {
                return Optional.empty();
            }
            names.add(name(composed, "primary"));
        }
        ObjectNode p = record("Person", e.getId());
        p.set("names", names);
        put(p, "patronymic", first(e, "middleName"));
        put(p, "birthDate", date(first(e, "birthDate")));
        put(p, "birthPlace", first(e, "birthPlace"));
        ArrayNode nationalities = Json.MAPPER.createArrayNode();
        for (String prop : List.of("nationality", "citizenship")) {
            values(e, prop).stream().map(FtmImport::country).filter(java.util.Objects::nonNull).distinct()
                    .filter(c -> !nationalities.toString().contains("\"" + c + "\"")).forEach(nationalities::add);
        }
        if (!nationalities.isEmpty()) {
            p.set("nationalities", nationalities);
        }
        String gender = first(e, "gender");
        if (gender != null && List.of("female", "male", "other").contains(gender)) {
            p.put("gender", gender);
        }
        ArrayNode identifiers = Json.MAPPER.createArrayNode();
        for (String prop : List.of("passportNumber", "idNumber")) {
            for (String v : values(e, prop)) {
                identifiers.add(Json.MAPPER.createObjectNode().put("kind", prop.equals("passportNumber") ? "passport" : "national-id")
                        .put("value", v));
            }
        }
        if (!identifiers.isEmpty()) {
            p.set("identifiers", identifiers);
        }
        return Optional.of(p);
    }

    private Optional<ObjectNode> unit(ValueEntity e) {
        ArrayNode names = Json.MAPPER.createArrayNode();
        for (String n : values(e, "name")) {
            names.add(name(n, "primary"));
        }
        for (String n : values(e, "alias")) {
            names.add(name(n, "alias"));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode u = record("Unit", e.getId());
        u.set("names", names);
        String classification = first(e, "classification");
        u.put("classification", classification != null && UNIT_CLASSES.contains(classification) ? classification
                : e.getSchema().getName().equals("PublicBody") ? "government" : "non-state");
        put(u, "country", country(first(e, "country", "jurisdiction")));
        return Optional.of(u);
    }

    private static ObjectNode name(String value, String kind) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("value", value);
        boolean cyrillic = value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        n.put("script", cyrillic ? "Cyrl" : "Latn");
        n.put("kind", kind);
        return n;
    }

    private ObjectNode claim(String type, ValueEntity e, String evidence) {
        ObjectNode claim = record(type, e.getId());
        put(claim, "start", date(first(e, "startDate", "date")));
        put(claim, "end", date(first(e, "endDate")));
        ArrayNode citations = Json.MAPPER.createArrayNode();
        citations.add(Json.MAPPER.createObjectNode().put("evidence", evidence).put("stance", "supports")
                .put("pinpoint", "FtM entity " + clip(e.getId(), 180)));
        claim.set("citations", citations);
        return claim;
    }

    private static ObjectNode record(String type, String ftmId) {
        String id = ID.matcher(ftmId).matches() ? ftmId : "ftm-" + Sha256.hex(ftmId).substring(0, 24);
        return Json.MAPPER.createObjectNode().put("type", type).put("id", id);
    }

    /**
     * The title a position's name gives a holder: the name itself ("Minister of Internal Affairs"), except for the
     * positions Chainline's own export names "Role, unit", which carry no title of their own.
     */
    static String titleOf(String positionName) {
        if (positionName == null) {
            return null;
        }
        for (String label : FtmExport.ROLE_TITLES.values()) {
            if (positionName.startsWith(label + ", ")) {
                return null;
            }
        }
        return positionName;
    }

    /** Posting roles from a position's name: "Deputy commander, ..." is deputy-commander, "Minister of ..." minister. */
    static String roleOf(String name) {
        if (name == null) {
            return "member";
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("deputy")) {
            return "deputy-commander";
        }
        if (n.startsWith("chief of staff")) {
            return "chief-of-staff";
        }
        if (n.startsWith("commander") || n.contains(" commander")) {
            return "commander";
        }
        if (n.startsWith("minister")) {
            return "minister";
        }
        if (n.startsWith("head") || n.startsWith("chief") || n.startsWith("director") || n.startsWith("president")) {
            return "head";
        }
        return "member";
    }

    private static List<String> values(ValueEntity e, String property) {
        Property p = e.getSchema().getProperty(property);
        if (p == null) {
            return List.of();
        }
        return e.getValues(p).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String first(ValueEntity e, String... properties) {
        for (String property : properties) {
            List<String> v = values(e, property);
            if (!v.isEmpty()) {
                return v.getFirst();
            }
        }
        return null;
    }

    private static String date(String value) {
        return org.chainline.registry.model.PartialDate.leading(value);
    }

    private static String country(String value) {
        return org.chainline.sanctions.Jurisdictions.code(value).orElse(null);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
