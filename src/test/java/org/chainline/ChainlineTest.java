package org.chainline;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of tests that run Chainline against the real test stores: each test class gets its own application
 * context with a fresh database and an empty graph. Annotate the subclass with {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChainlineTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return TestStores.freshContext();
    }
}
