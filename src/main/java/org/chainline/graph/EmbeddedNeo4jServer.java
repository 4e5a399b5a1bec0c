package org.chainline.graph;

import org.chainline.storage.KeyFiles;
import org.chainline.storage.StoreUnavailableException;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

/**
 * Neo4j Community run inside this JVM, its store under a directory, reachable over Bolt on localhost
 * only, with authentication on: the password is generated on first start and kept beside the store,
 * so an analyst can attach Neo4j Browser to the real graph and nobody else on the machine can.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);
    /**
     * Lucene, inside Neo4j's full-text index, warns on every start through java.util.logging that the incubating
     * Vector API is not enabled; the name search does not use vectors. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORS.setLevel(Level.SEVERE);
    }
    public static final String USER = "neo4j";

    private final DatabaseManagementService dbms;
    private final String boltAddress;
    private final String password;

    public EmbeddedNeo4jServer(Path home, Path passwordFile, int boltPort) {
        try {
            password = KeyFiles.readOrCreate(passwordFile, 24);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", boltPort))
                    .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .build();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Embedded Neo4j in " + home + " could not start (Bolt on localhost:"
                    + boltPort + "): " + StoreUnavailableException.rootMessage(e), e);
        }
        try {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            setPassword(system, password);
            GraphDatabaseAPI graph = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            boltAddress = graph.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).toString();
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw new StoreUnavailableException("Embedded Neo4j in " + home + " started but could not be prepared: "
                    + StoreUnavailableException.rootMessage(e), e);
        }
        LOG.info("Embedded Neo4j started with Bolt on {} and its store in {}", boltAddress, home);
    }

    public String boltUri() {
        return "bolt://" + boltAddress;
    }

    public String password() {
        return password;
    }

    /**
     * Sets the generated password on every start, so that a store whose first start was interrupted before
     * the password was set still ends up protected; Neo4j refuses a change to the same password, which is fine.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().contains("cannot be the same")) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        dbms.shutdown();
    }

}
