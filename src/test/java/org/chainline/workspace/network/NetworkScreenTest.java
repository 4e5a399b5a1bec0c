package org.chainline.workspace.network;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.chainline.TestApplication;
import org.chainline.workspace.ReadingScreenTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network over HTTP: its page with the table of links, and the same links as JSON and as a drawing. */
@MicronautTest(transactional = false)
class NetworkScreenTest extends ReadingScreenTest {

    @Test
    void theNetworkIsAPageATableJsonAndADrawing() {
        TestApplication.Answer page = app.page("/records/unit/u-rrr7/network", viewer);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"network-table\"") && page.body().contains("<tbody>"), page.body());
        TestApplication.Answer json = app.page("/records/unit/u-rrr7/network.json", viewer);
        assertEquals(200, json.status());
        assertTrue(json.json().get("edges").size() > 0, json.body());
        TestApplication.Answer svg = app.page("/records/unit/u-rrr7/network.svg", viewer);
        assertEquals(200, svg.status());
        assertTrue(svg.body().startsWith("<svg") && svg.headers().get("content-type").startsWith("image/svg+xml"), svg.headers().toString());
    }

    @Test
    void theNetworkOfNoRecordIsNotFound() {
        assertEquals(404, app.page("/records/unit/u-nowhere/network", viewer).status());
        assertEquals(404, app.page("/records/unit/u-nowhere/network.json", viewer).status());
    }
}
