package org.chainline.graph;

import org.chainline.TestStores;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A feature's read never answers from a graph being rebuilt, nor fails as an internal error because it met one. */
class GraphReadTest {

    private final Graph graph = new Graph(TestStores.driver(), new StoreSettings(null, null, null));

    private static void rebuilding(boolean on) {
        try (Session s = TestStores.driver().session()) {
            s.run("MERGE (p:ProjectionState {id: 'journal'}) SET p.rebuilding = $on", Map.of("on", on)).consume();
        }
    }

    @AfterEach
    void noRebuild() {
        rebuilding(false);
    }

    @Test
    void aReadThatFailsBecauseARebuildWipedWhatItReadIsRefusedAsTheRebuild() {
        rebuilding(false);
        // the wipe deletes a node under the read, which fails; meanwhile the rebuild has said so
        assertThrows(GraphRebuilding.class, () -> graph.read(tx -> {
            rebuilding(true);
            throw new ClientException("Neo.ClientError.Statement.EntityNotFound", "Node with id 4711 has been deleted in this transaction");
        }));
    }

    @Test
    void aReadThatFailsWithoutARebuildFailsAsItDid() {
        rebuilding(false);
        ClientException e = assertThrows(ClientException.class, () -> graph.read(tx -> {
            throw new ClientException("Neo.ClientError.Statement.SyntaxError", "not Cypher");
        }));
        assertEquals("not Cypher", e.getMessage());
    }

    @Test
    void aReadThatBeginsDuringARebuildIsRefused() {
        rebuilding(true);
        assertThrows(GraphRebuilding.class, () -> graph.read(tx -> tx.run("RETURN 1").single()));
    }
}
