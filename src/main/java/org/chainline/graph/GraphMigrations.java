package org.chainline.graph;

import io.micronaut.context.annotation.Context;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Brings the graph schema up to date at start-up from {@code graph-schema/migrations}, in the conventions of
 * neo4j-migrations: files applied once in version order, each recorded with its checksum on a
 * {@code :SchemaMigration} node; an applied file that changed stops start-up.
 */
@Context
public final class GraphMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(GraphMigrations.class);
    static final String LOCATION = "graph-schema/migrations";

    private final Graph graph;
    private final String appliedQuery = CypherQueries.load("graph/applied-migrations");
    private final String recordQuery = CypherQueries.load("graph/record-migration");

    GraphMigrations(Graph graph) {
        this.graph = graph;
        migrate();
    }

    /** Applies every pending migration; returns how many were applied. */
    public int migrate() {
        List<GraphMigration> migrations = discover();
        try (Session session = graph.session()) {
            Map<Integer, String> applied = new HashMap<>();
            for (Record r : session.executeRead(tx -> tx.run(appliedQuery).list())) {
                applied.put(r.get("version").asInt(), r.get("checksum").asString());
            }
            int count = 0;
            for (GraphMigration m : migrations) {
                String checksum = applied.get(m.version());
                if (checksum != null) {
                    if (!checksum.equals(m.checksum())) {
                        throw new GraphMigrationException("Graph migration " + m.fileName()
                                + " was changed after it was applied; applied migrations are immutable:"
                                + " restore it and put the change in a new V" + String.format("%04d", maxVersion(migrations) + 1)
                                + "__*.cypher file");
                    }
                    continue;
                }
                for (String statement : m.statements()) {
                    try {
                        session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
                    } catch (RuntimeException e) {
                        throw new GraphMigrationException("Graph migration " + m.fileName() + " failed at `"
                                + firstLine(statement) + "`: " + e.getMessage());
                    }
                }
                session.executeWriteWithoutResult(tx -> tx.run(recordQuery, Values.parameters(
                        "version", m.version(), "description", m.description(), "file", m.fileName(),
                        "checksum", m.checksum())).consume());
                LOG.info("Applied graph migration {}", m.fileName());
                count++;
            }
            return count;
        }
    }

    /** The migration files shipped with this build, in version order; a duplicate version is an error. */
    static List<GraphMigration> discover() {
        URL url = GraphMigrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) {
            throw new GraphMigrationException(LOCATION + " is missing from the build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return read(fs.getPath(LOCATION));
            }
            return read(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new GraphMigrationException(LOCATION + " cannot be read: " + e.getMessage());
        }
    }

    static List<GraphMigration> read(Path directory) throws IOException {
        List<GraphMigration> migrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace("/", "");
                migrations.add(GraphMigration.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        migrations.sort(Comparator.comparingInt(GraphMigration::version));
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                throw new GraphMigrationException("Graph migrations " + migrations.get(i - 1).fileName() + " and "
                        + migrations.get(i).fileName() + " share version " + migrations.get(i).version());
            }
        }
        return migrations;
    }

    private static int maxVersion(List<GraphMigration> migrations) {
        return migrations.stream().mapToInt(GraphMigration::version).max().orElse(0);
    }

    private static String firstLine(String statement) {
        return statement.lines().findFirst().orElse(statement);
    }
}
