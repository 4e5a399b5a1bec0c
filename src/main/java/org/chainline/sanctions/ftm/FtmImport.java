package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.Filing;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.input.Json;
import org.chainline.input.Upload;
import org.chainline.journal.Journal;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.TooLarge;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.storage.DataDirectory;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.exc.SchemaException;
import tech.followthemoney.model.Model;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    static final Pattern DATASET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    static final long MAX_BYTES = 1L << 30;

    private final Model ftm;
    private final FtmVocabulary vocabulary;
    private final Records records;
    private final RecordImport imports;
    private final Journal journal;
    private final EvidenceLocker locker;

    private final DataDirectory data;
    private final EvidenceHashes hashes;

    FtmImport(Model ftm, Records records, RecordImport imports, Journal journal, EvidenceLocker locker,
              DataDirectory data, EvidenceHashes hashes) {
        this.data = data;
        this.hashes = hashes;
        this.ftm = ftm;
        this.records = records;
        this.vocabulary = FtmVocabulary.of(records.model());
        this.imports = imports;
        this.journal = journal;
        this.locker = locker;
    }

    @Serdeable
    public record Report(String dataset, String evidence, String sha256, int entities, Map<String, Integer> imported,
                         long created, long changed, long unchanged, Map<String, Integer> skipped) {
    }

    public Report run(Filing filing, String dataset, String fileName, InputStream in) {
        String actor = filing.actor();
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
            String evidenceId = hashes.itemId(sha256); // the id the locker gives the file, unless it is held already
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
                journal.write(actor, "check of FollowTheMoney dataset " + dataset, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
                    write(batch, filing, mapping.records(), null);
                    throw new Checked();
                });
            } catch (Checked passed) {
                // nothing was written
            }
            EvidenceLocker.Received received;
            try (InputStream file = Files.newInputStream(tmp)) {
                received = locker.receive(filing, "FollowTheMoney dataset " + dataset, file, new EvidenceLocker.Upload(
                        fileName != null ? fileName : dataset + ".ftm.json", "application/json", "document",
                        "FollowTheMoney dataset " + dataset + (fileName != null ? " (" + fileName + ")" : ""), null,
                        "restricted", "ftm import"));
            }
            String cited = received.evidence();
            if (!cited.equals(evidenceId)) {
                mapping.records().forEach(record -> retarget(record, evidenceId, cited));
            }
            long[] counts = journal.write(actor, "FollowTheMoney dataset " + dataset + " imported", Journal.AfterCommit.PROJECT,
                    batch -> write(batch, filing, mapping.records(), cited));
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
    private long[] write(Journal.Batch batch, Filing filing, List<ObjectNode> records, String cited) {
        RecordImport.Session session = imports.session(batch, filing);
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

    /** Things first (persons, units, then incidents), so that the claims after them can name them. */
    private Mapping map(Map<String, ValueEntity> entities, String evidence) {
        FtmIn in = new FtmIn(entities, evidence, vocabulary);
        Schema person = ftm.getSchema("Person");
        Schema organization = ftm.getSchema("Organization");
        for (ValueEntity e : entities.values()) {
            if (e.getSchema().isA(person)) {
                PersonMapper.in(e, in);
            } else if (AssetMapper.SCHEMATA.contains(e.getSchema().getName())) {
                AssetMapper.in(e, in);
            } else if (e.getSchema().isA(organization)) {
                UnitMapper.in(e, in);
            }
        }
        for (ValueEntity e : entities.values()) {
            if (e.getSchema().getName().equals("Event")) {
                IncidentMapper.in(e, in);
            }
        }
        for (ValueEntity e : entities.values()) {
            String schema = e.getSchema().getName();
            switch (schema) {
                case "Membership" -> {
                    String member = FtmValues.first(e, "member");
                    String org = FtmValues.first(e, "organization");
                    if (in.is(member, "Person") && in.is(org, "Unit")) {
                        PostingMapper.fromMembership(e, member, org, in);
                    } else if (in.is(member, "Unit") && in.is(org, "Unit")) {
                        UnitRelationMapper.fromMembership(e, member, org, in);
                    } else {
                        in.skip("Membership of something not imported");
                    }
                }
                case "Occupancy" -> PostingMapper.fromOccupancy(e, in);
                case "UnknownLink" -> {
                    if (!HoldingMapper.residence(e, in)) {
                        InvolvementMapper.in(e, in);
                    }
                }
                case "Ownership" -> HoldingMapper.ownership(e, in);
                case "Directorship" -> HoldingMapper.directorship(e, in);
                case "Family" -> HoldingMapper.kin(e, in, true);
                case "Associate" -> HoldingMapper.kin(e, in, false);
                case "Sanction" -> SanctionMapper.in(e, in);
                default -> {
                    // Positions are read through the Occupancies that name them.
                    if (!in.imported(e.getId()) && !schema.equals("Position") && !schema.equals("Address")) {
                        in.skip(schema);
                    }
                }
            }
        }
        return new Mapping(in.records, in.imported, in.skipped);
    }
}
