package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestStores;
import org.chainline.demo.DemoCase;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.model.Model;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo graph exported as FollowTheMoney passes the official FtM Java model's checks (every schema and property
 * exists, required properties are there, every reference resolves to an entity of the property's range), leaves out
 * protected identities, and re-imports into an empty Chainline with the same persons, units and postings.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FtmRoundTripTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WITNESS = "Әйгерім Жасырынқызы";

    @Inject
    DemoCase demo;
    @Inject
    Records records;
    @Inject
    FtmExport export;

    String exported;
    Map<String, String> persons;
    Map<String, String> units;
    Map<String, String> postings;
    Map<String, Map<String, String>> holdings = new HashMap<>();

    @BeforeAll
    void exportTheDemo() {
        assertTrue(TestCases.load(demo, "tester").records().applied());
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", WITNESS)), "identity received");
        StringWriter out = new StringWriter();
        export.write(out, true);
        exported = out.toString();
        persons = summary(records, "Person");
        units = summary(records, "Unit");
        postings = summary(records, "Posting");
        for (String type : List.of("Company", "RealEstate", "Ownership", "Directorship", "Family", "Associate", "Travel")) {
            holdings.put(type, plain(records, type));
        }
    }

    /** A record's content but its citations and bookkeeping (an import cites the dataset instead). */
    static Map<String, String> plain(Records records, String type) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : records.list(TestCases.OPERATOR, records.model().type(type).orElseThrow(), null, false, 0, 500)) {
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            copy.remove(List.of("citations", "meta", "note", "case")); // the case is where each instance keeps it
            out.put(r.path("id").asText(), new TreeMap<>(JSON.convertValue(copy, Map.class)).toString());
        }
        assertFalse(out.isEmpty(), "the demo holds " + type + " records");
        return out;
    }

    /** What must survive a round trip, per record: person names and birth date; unit names and class; posting ends and dates. */
    static Map<String, String> summary(Records records, String type) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : records.list(TestCases.OPERATOR, records.model().type(type).orElseThrow(), null, false, 0, 500)) {
            String value = switch (type) {
                case "Person" -> names(r) + " | " + r.path("birthDate").asText("") + " | " + r.path("patronymic").asText("")
                        + " | " + r.path("nationalities").toString();
                case "Unit" -> names(r) + " | " + r.path("classification").asText() + " | " + r.path("country").asText("");
                default -> r.path("person").asText() + " -> " + r.path("unit").asText() + " | " + r.path("role").asText()
                        + " | " + r.path("start").asText("") + " – " + r.path("end").asText("") + " | " + r.path("title").asText("");
            };
            out.put(r.path("id").asText(), value);
        }
        return out;
    }

    static String names(JsonNode r) {
        List<String> names = new ArrayList<>();
        r.path("names").forEach(n -> names.add(n.path("value").asText()));
        names.sort(null);
        return String.join("; ", names);
    }

    @Test
    @Order(1)
    void theExportPassesTheOfficialModelsChecks() throws Exception {
        Model model = Model.loadDefault();
        Map<String, ValueEntity> entities = new HashMap<>();
        Map<String, Integer> schemata = new TreeMap<>();
        for (String line : exported.split("\n")) {
            JsonNode node = JSON.readTree(line);
            Schema schema = model.getSchemata().get(node.path("schema").asText());
            assertNotNull(schema, "schema of " + line);
            node.path("properties").fieldNames().forEachRemaining(p ->
                    assertTrue(schema.hasProperty(p), schema.getName() + " has no property " + p));
            ValueEntity entity = ValueEntity.fromJson(model, node);
            for (Property required : schema.getRequiredProperties()) {
                assertFalse(entity.getValues(required).isEmpty(), schema.getName() + " " + entity.getId() + " lacks " + required.getName());
            }
            assertTrue(entities.put(entity.getId(), entity) == null, "one entity per id: " + entity.getId());
            schemata.merge(schema.getName(), 1, Integer::sum);
        }
        int references = 0;
        for (ValueEntity e : entities.values()) {
            for (Property p : e.getDefinedProperties()) {
                if (!p.getType().isEntity()) {
                    continue;
                }
                for (String ref : e.getValues(p)) {
                    ValueEntity target = entities.get(ref);
                    assertNotNull(target, e.getSchema().getName() + " " + e.getId() + "." + p.getName() + " names " + ref + ", not exported");
                    Schema range = p.getRange().orElseThrow();
                    assertTrue(target.getSchema().isA(range), p.getQName() + " must be a " + range.getName() + ", " + ref
                            + " is a " + target.getSchema().getName());
                    references++;
                }
            }
        }
        assertTrue(references > 50, "references checked: " + references);
        for (String s : List.of("Person", "PublicBody", "Membership", "Position", "Occupancy", "Event", "Documentation",
                "Sanction", "Document", "UnknownLink")) {
            assertTrue(schemata.containsKey(s), "the export has " + s + ": " + schemata);
        }
        assertTrue(exported.contains("\"contentHash\""), "documents carry their SHA-256");
    }

    @Test
    @Order(2)
    void protectedIdentitiesAndProtectedEvidenceStayOut() {
        for (String secret : List.of(WITNESS, "Жасырынқызы", "src-w017", "ev-w017-testimony", "v-003", "W-017")) {
            assertFalse(exported.contains(secret), "the export holds " + secret);
        }
        StringWriter publicOnly = new StringWriter();
        export.write(publicOnly, false);
        assertFalse(publicOnly.toString().contains("ev-regiment-order-book"), "restricted evidence only when asked for");
        assertTrue(exported.contains("ev-regiment-order-book"));
    }

    @Test
    @Order(3)
    void itReimportsIntoAnEmptyChainlineWithTheSamePersonsUnitsAndPostings() {
        // A second Chainline on its own fresh stores (this wipes the shared test graph: it runs last).
        try (ApplicationContext empty = ApplicationContext.run(new HashMap<String, Object>(TestStores.freshContext()))) {
            FtmImport.Report report = empty.getBean(FtmImport.class).run(TestCases.FILING, "chainline-demo", "chainline.ftm.json",
                    new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
            Records there = empty.getBean(Records.class);
            assertEquals(persons, summary(there, "Person"), report::toString);
            assertEquals(units, summary(there, "Unit"));
            assertEquals(postings, summary(there, "Posting"));
            // Companies, assets, family, associates and holdings come back as they went, checked by the FtM model
            for (String type : List.of("Company", "RealEstate", "Ownership", "Directorship", "Family", "Associate", "Travel")) {
                assertEquals(holdings.get(type), plain(there, type), type + ": " + report);
            }
            // Every imported claim cites the dataset, kept in the locker with its hash.
            JsonNode posting = there.get(TestCases.OPERATOR, there.model().type("Posting").orElseThrow(), "post-abdigaliyev");
            assertEquals(report.evidence(), posting.path("citations").get(0).path("evidence").asText());
            JsonNode dataset = there.get(TestCases.OPERATOR, there.model().type("Evidence").orElseThrow(), report.evidence());
            assertEquals(report.sha256(), dataset.path("sha256").asText());
            assertTrue(report.imported().get("Incident") >= 1 && report.imported().get("Sanction") >= 1, report::toString);
            // Again: nothing changes.
            FtmImport.Report again = empty.getBean(FtmImport.class).run(TestCases.FILING, "chainline-demo", "chainline.ftm.json",
                    new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, again.created() + again.changed(), again::toString);
        }
    }
}
