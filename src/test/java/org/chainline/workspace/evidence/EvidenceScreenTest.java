package org.chainline.workspace.evidence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence register over HTTP: every reader sees the items held; only analysts are offered the uploads. */
@MicronautTest(transactional = false)
class EvidenceScreenTest extends ChainlineTest {

    @Inject
    TestApplication app;

    @BeforeAll
    void setUp() {
        app.loadDemo();
    }

    @Test
    void readersSeeTheItemsAndOnlyAnalystsTheUploads() {
        TestApplication.Answer viewer = app.page("/evidence", app.token(Roles.VIEWER));
        assertEquals(200, viewer.status());
        assertTrue(viewer.body().contains("/records/evidence/ev-regiment-order-book"), viewer.body());
        assertFalse(viewer.body().contains("Upload a file"), "a viewer adds no evidence");
        TestApplication.Answer analyst = app.page("/evidence", app.token(Roles.ANALYST));
        assertTrue(analyst.body().contains("Upload a file") && analyst.body().contains("Import a Telegram export"), analyst.body());
        assertEquals(403, app.page("/evidence", app.token(Roles.ADMIN)).status(), "an administrator reads no case material");
    }
}
