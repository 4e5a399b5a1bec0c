package org.chainline.graph;

import jakarta.inject.Singleton;
import org.chainline.storage.StoreSettings;
import org.chainline.storage.StoreUnavailableException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/** The accountability graph as features see it: sessions and transactions in Chainline's database. */
@Singleton
public final class Graph {

    private final Driver driver;
    private final StoreSettings settings;

    public Graph(Driver driver, StoreSettings settings) {
        this.driver = driver;
        this.settings = settings;
    }

    public Session session() {
        return driver.session(GraphConfig.session(settings));
    }

    public <T> T read(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeRead(work);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw unavailable(e);
        }
    }

    public <T> T write(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeWrite(work);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw unavailable(e);
        }
    }

    private static StoreUnavailableException unavailable(RuntimeException e) {
        return new StoreUnavailableException("the graph store (Neo4j) is unavailable: "
                + StoreUnavailableException.rootMessage(e), e);
    }
}
