package org.chainline.workspace.shell;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A page whose template fails is refused as it is rendered, not left half-written with the browser waiting for the rest. */
@MicronautTest(transactional = false)
class EagerJteRendererTest extends ChainlineTest {

    @Inject
    EagerJteRenderer<Object> renderer;

    @Test
    void aTemplateThatFailsFailsWhenRenderedNotWhenWritten() {
        // the review page without its model fails on its first line
        assertThrows(RuntimeException.class, () -> renderer.render("review/review", null, null));
    }
}
