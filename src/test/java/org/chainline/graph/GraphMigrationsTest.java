package org.chainline.graph;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestStores;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class GraphMigrationsTest extends ChainlineTest {

    @Inject
    GraphMigrations migrations;

    @Test
    void everyMigrationFileInTheRepositoryIsWellNamedAndNumberedWithoutGaps() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of("graph-schema/migrations"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.size() >= 2);
        for (int i = 0; i < names.size(); i++) {
            assertTrue(GraphMigration.FILE_NAME.matcher(names.get(i)).matches(), names.get(i) + " is badly named");
            assertTrue(names.get(i).startsWith(String.format("V%04d__", i + 1)), names.get(i) + " breaks the numbering");
        }
        assertEquals(names.size(), GraphMigrations.discover().size());
    }

    @Test
    void everyMigrationWasAppliedAndRecordedWithItsChecksumAndAgainChangesNothing() {
        List<GraphMigration> files = GraphMigrations.discover();
        try (Session s = TestStores.driver().session()) {
            List<String> recorded = s.run("MATCH (m:SchemaMigration) RETURN m.file AS f, m.checksum AS c ORDER BY m.version")
                    .list(r -> r.get("f").asString() + " " + r.get("c").asString());
            assertEquals(files.stream().map(m -> m.fileName() + " " + m.checksum()).toList(), recorded);
            List<String> constraints = s.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get("name").asString());
            assertTrue(constraints.containsAll(List.of("schema_migration_version_unique", "projection_state_id_unique",
                    "case_id_unique")), constraints.toString());
        }
        assertEquals(0, migrations.migrate());
    }

    @Test
    void aMigrationChangedAfterItWasAppliedStopsWithTheFileNamed() {
        try (Session s = TestStores.driver().session()) {
            s.run("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = 'edited'").consume();
        }
        try {
            GraphMigrationException e = assertThrows(GraphMigrationException.class, migrations::migrate);
            assertTrue(e.getMessage().contains("V0001__Schema_and_projection_state.cypher"), e.getMessage());
            assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
        } finally {
            String checksum = GraphMigrations.discover().getFirst().checksum();
            try (Session s = TestStores.driver().session()) {
                s.run("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c", Map.of("c", checksum)).consume();
            }
        }
    }

    @Test
    void badlyNamedFilesAreRefusedWithTheConvention() {
        GraphMigrationException e = assertThrows(GraphMigrationException.class,
                () -> GraphMigration.parse("V1__x.cypher", "RETURN 1"));
        assertTrue(e.getMessage().contains("V<4 digits>__<Description>.cypher"), e.getMessage());
    }

    @Test
    void scriptsSplitAtSemicolonsOutsideStringsAndComments() {
        List<String> statements = CypherScript.statements("""
                // a comment; with a semicolon
                CREATE (:A {text: 'one; two'});
                /* block; comment */ MATCH (n:`odd;name`) RETURN n;
                RETURN "a \\" quote; inside"
                """);
        assertEquals(List.of("CREATE (:A {text: 'one; two'})", "MATCH (n:`odd;name`) RETURN n",
                "RETURN \"a \\\" quote; inside\""), statements);
    }
}
