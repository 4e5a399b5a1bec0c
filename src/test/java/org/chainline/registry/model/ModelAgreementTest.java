package org.chainline.registry.model;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.graph.Graph;
import org.chainline.journal.GraphProjection;
import org.chainline.liability.LiabilityPaths;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model (graph-schema/model), the graph's schema (migrations, as applied to a real Neo4j) and the code agree. */
@MicronautTest(transactional = false)
class ModelAgreementTest extends ChainlineTest {

    static final Path SCHEMA = Path.of("graph-schema");
    static final Set<String> BOOKKEEPING = Set.of("Record", "Entity", "Claim", "SchemaMigration", "ProjectionState", "Case");

    @Inject
    Model model;
    @Inject
    Graph graph;
    @Inject
    List<GraphProjection> projections;

    @Test
    void everyModelFileDefinesOneTypeNamedLikeItAndTheModelLoadsFromTheSourceTree() throws IOException {
        Model fromFiles = ModelLoader.fromDirectory(SCHEMA.resolve("model"));
        Set<String> files;
        try (Stream<Path> list = Files.list(SCHEMA.resolve("model"))) {
            files = list.map(p -> p.getFileName().toString().replace(".yaml", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> concrete = fromFiles.types().stream().map(RecordType::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("Entity", "Claim"), files.stream().filter(f -> !concrete.contains(f)).collect(Collectors.toSet()),
                "only the abstract types have no collection");
        assertEquals(concrete, model.types().stream().map(RecordType::name).collect(Collectors.toCollection(TreeSet::new)),
                "the packaged model is the source tree's");
        assertEquals(Set.of("Person", "Unit", "Incident", "Victim", "Order", "Evidence", "Source", "Posting", "UnitRelation",
                "Deployment", "Involvement", "Issuance", "Knowledge", "Identity", "Sanction", "ListMatch", "Company", "RealEstate",
                "Vehicle", "BankAccount", "Ownership", "Directorship", "Family", "Associate", "Residence", "Travel"), concrete);
    }

    @Test
    void theGraphHasTheConstraintAndIndexesTheModelAsksFor() {
        Set<String> constraints = new HashSet<>(graph.read(tx -> tx.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get(0).asString())));
        assertTrue(constraints.contains("record_id_unique"));
        List<org.neo4j.driver.Record> indexes = graph.read(tx -> tx.run(
                "SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties").list());
        Set<String> searchable = model.types().stream().filter(t -> t.properties().values().stream().anyMatch(Property::search))
                .map(RecordType::name).collect(Collectors.toSet());
        org.neo4j.driver.Record fulltext = indexes.stream().filter(r -> r.get("name").asString().equals("record_name_search")).findFirst().orElseThrow();
        assertEquals(searchable, new HashSet<>(fulltext.get("labelsOrTypes").asList(v -> v.asString())),
                "the name search index covers exactly the types with a searchable property");
        for (RecordType type : model.types()) {
            for (Property p : type.properties().values()) {
                if (p.index()) {
                    String property = p.type() == PropertyType.PARTIAL_DATE ? p.name() + "Min" : p.name();
                    assertTrue(indexes.stream().anyMatch(r -> r.get("labelsOrTypes").asList(v -> v.asString()).equals(List.of(type.name()))
                            && r.get("properties").asList(v -> v.asString()).equals(List.of(property))),
                            type.name() + "." + property + " is marked index: true but no migration creates the index");
                }
            }
        }
    }

    @Test
    void everyLabelAndRelationshipTypeInTheQueriesIsInTheModel() throws IOException {
        Set<String> labels = new HashSet<>(BOOKKEEPING);
        Set<String> relationships = new HashSet<>(Set.of("CITES"));
        for (RecordType type : model.types()) {
            labels.add(type.name());
            type.properties().values().stream().filter(p -> p.edge() != null).forEach(p -> relationships.add(p.edge()));
            type.shortcut().ifPresent(s -> relationships.add(s.type()));
        }
        Pattern token = Pattern.compile("[:|]\\s*([A-Z][A-Za-z_]*)\\b");
        List<Path> queries;
        try (Stream<Path> walk = Files.walk(SCHEMA.resolve("queries"))) {
            queries = walk.filter(p -> p.toString().endsWith(".cypher")).toList();
        }
        for (Path query : queries) {
            String text = Files.readString(query).replaceAll("//[^\\n]*", "").replaceAll("'[^']*'", "''");
            Matcher m = token.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                if (name.matches("[A-Z][A-Z_]+")) {
                    assertTrue(relationships.contains(name), query + " uses relationship type " + name + ", which the model does not declare");
                } else {
                    assertTrue(labels.contains(name), query + " uses label " + name + ", which the model does not define");
                }
            }
        }
    }

    @Test
    void theVocabularyTheCodeAndTheLiabilityQueriesRelyOnIsTheModels() throws IOException {
        assertTrue(model.type("Posting").orElseThrow().property("role").orElseThrow().values().containsAll(LiabilityPaths.COMMAND_ROLES));
        assertTrue(model.type("Incident").orElseThrow().property("investigation").orElseThrow().values().containsAll(LiabilityPaths.INACTION));
        Set<String> vocabulary = model.types().stream().flatMap(t -> t.properties().values().stream())
                .flatMap(p -> p.values().stream()).collect(Collectors.toSet());
        List<Path> queries;
        try (Stream<Path> walk = Files.walk(SCHEMA.resolve("queries/liability"))) {
            queries = walk.filter(p -> p.toString().endsWith(".cypher")).toList();
        }
        int literals = 0;
        for (Path query : queries) {
            // values a property is compared with: ... IN ['a', 'b'] (route names in RETURN are not model values)
            Matcher list = Pattern.compile("IN \\[([^\\]]*)\\]").matcher(Files.readString(query));
            while (list.find()) {
                Matcher m = Pattern.compile("'([^']*)'").matcher(list.group(1));
                while (m.find()) {
                    assertTrue(vocabulary.contains(m.group(1)), query + " compares with '" + m.group(1) + "', which no vocabulary of the model has");
                    literals++;
                }
            }
        }
        assertTrue(literals > 0, "the liability queries name vocabulary values (failure roles)");
    }

    @Test
    void everyActionOnEveryTypeIsProjected() {
        Set<String> projected = projections.stream().flatMap(p -> p.kinds().stream()).collect(Collectors.toSet());
        for (RecordType type : model.types()) {
            for (String action : List.of("created", "changed", "retired")) {
                assertTrue(projected.contains(type.kind(action)), type.kind(action));
            }
        }
    }

    @Test
    void aBrokenModelFileIsRefusedNamingTheFileAndTheField() throws IOException {
        Path dir = org.chainline.TestStores.tempDir("model");
        Files.copy(SCHEMA.resolve("model/Entity.yaml"), dir.resolve("Entity.yaml"));
        Files.writeString(dir.resolve("Thing.yaml"), """
                Thing:
                  extends: Entity
                  plural: things
                  properties:
                    kind:
                      type: vocabulary
                """);
        IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
                () -> ModelLoader.fromDirectory(dir));
        assertEquals("model file graph-schema/model/Thing.yaml: Thing.properties.kind.values is required for a vocabulary", e.getMessage());
    }
}
