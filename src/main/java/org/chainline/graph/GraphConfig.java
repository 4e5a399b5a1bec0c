package org.chainline.graph;

import org.chainline.storage.StoreSettings;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.SessionConfig;

/** Which Neo4j database Chainline works in; every session and query goes through here. */
final class GraphConfig {

    private GraphConfig() {
    }

    static QueryConfig of(StoreSettings settings) {
        return QueryConfig.builder().withDatabase(settings.neo4j().databaseOrDefault()).build();
    }

    static SessionConfig session(StoreSettings settings) {
        return SessionConfig.forDatabase(settings.neo4j().databaseOrDefault());
    }
}
