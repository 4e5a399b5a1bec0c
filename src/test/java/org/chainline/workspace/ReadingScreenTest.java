package org.chainline.workspace;

import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.junit.jupiter.api.BeforeAll;

/**
 * A screen that reads the record, tested over HTTP on the demo case by a viewer: the set-up the reading rooms'
 * tests share (annotate the subclass with {@code @MicronautTest(transactional = false)}).
 */
public abstract class ReadingScreenTest extends ChainlineTest {

    @Inject
    protected TestApplication app;

    /** A viewer's token. */
    protected String viewer;

    @BeforeAll
    void loadTheDemoForAViewer() {
        app.loadDemo();
        viewer = app.token(Roles.VIEWER);
    }
}
