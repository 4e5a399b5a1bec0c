package org.chainline.journal;

import org.chainline.graph.Graph;
import org.chainline.storage.StoreSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;

import java.util.concurrent.TimeUnit;

/** A graph whose server is gone: nothing listens on its port, and it gives up within a second. */
final class UnreachableGraph {

    private UnreachableGraph() {
    }

    static Graph of(StoreSettings settings) {
        return new Graph(GraphDatabase.driver("bolt://127.0.0.1:1", AuthTokens.none(),
                Config.builder().withConnectionTimeout(1, TimeUnit.SECONDS)
                        .withMaxTransactionRetryTime(1, TimeUnit.SECONDS).build()), settings);
    }
}
