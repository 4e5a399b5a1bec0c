package org.chainline.workspace.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.registry.Records;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record screens over HTTP: a record's page, its form and the form rule (303 to the record when it is written, 422
 * with every field's error at once when it is not, nothing written), retiring, and a protected identity's reveal.
 */
@MicronautTest(transactional = false)
class RecordScreensTest extends ChainlineTest {

    @Inject
    TestApplication app;
    @Inject
    Records records;

    String viewer;
    String analyst;
    String holder;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        ObjectNode identity = TestApplication.JSON.createObjectNode();
        identity.putObject("identity").put("name", "Асель Құпиякызы");
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017", identity, "identity received");
        viewer = app.token(Roles.VIEWER);
        analyst = app.token(Roles.ANALYST);
        holder = app.token(Roles.VIEWER, Roles.WITNESS_PROTECTION);
    }

    @Test
    void aPersonsPageShowsTheirPostingsAndWhatCannotBeShownIsSaidInWords() {
        TestApplication.Answer person = app.page("/records/person/p-abdigaliyev", viewer);
        assertEquals(200, person.status());
        assertTrue(person.body().contains("Regiment commander"), person.body());
        TestApplication.Answer missing = app.page("/records/person/p-nobody", viewer);
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("<h1>Not found</h1>"), missing.body());
        TestApplication.Answer form = app.page("/records/unit/new", viewer);
        assertEquals(403, form.status(), "a viewer does not write records");
        assertTrue(form.body().contains("Not for your role"), form.body());
        // a program asking for a page's path (curl accepts anything) gets the API's answer, not a page meant for people
        TestApplication.Answer program = app.exchange("/records/unit/new", viewer, "Accept", "*/*");
        assertEquals(403, program.status());
        assertEquals("your roles do not allow this", program.json().get("message").asText(), program.body());
        assertEquals(404, app.exchange("/records/person/p-nobody", viewer, "Accept", "*/*").json().get("status").asInt());
    }

    @Test
    void aRefusedFormShowsEveryFieldsErrorAtOnceNumberedAsTheFormShowsItsRowsAndWritesNothing() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("id", "u-screen-refused");
        sent.put("names.0.value", "Батальон связи");
        sent.put("names.1.value", "Signals battalion");
        sent.put("names.1.kind", "nickname-ish");
        sent.put("classification", "militia-ish");
        sent.put("country", "XTZ");
        TestApplication.Answer refused = app.form("/records/unit/new", analyst, sent);
        assertEquals(422, refused.status(), refused.body());
        String page = refused.body();
        String summary = page.substring(page.indexOf("error-summary"), page.indexOf("</div>", page.indexOf("error-summary")));
        for (String error : new String[]{"Country must be at most 2 characters", "Classification must be one of",
                "Name 2 kind must be one of"}) {
            assertTrue(summary.contains(error), error + " in the summary: " + summary);
        }
        assertTrue(summary.contains("href=\"#f-country\"") && summary.contains("href=\"#f-names-1-kind\""), summary);
        assertTrue(page.contains("id=\"f-country-error\""), "the country's error is at its field");
        assertTrue(page.contains("value=\"XTZ\"") && page.contains("value=\"Батальон связи\""), "what was sent is kept");
        assertEquals(404, app.page("/records/unit/u-screen-refused", viewer).status(), "nothing was written");

        sent.put("id", "no spaces in an id");
        TestApplication.Answer badId = app.form("/records/unit/new", analyst, sent);
        assertEquals(422, badId.status());
        assertTrue(badId.body().contains("id=\"f-id-error\"") && badId.body().contains("href=\"#f-id\""), "the id's error is at the id");
    }

    @Test
    void aWrittenRecordAnswers303ToItsPage() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("id", "u-screen-made");
        sent.put("names.0.value", "Батальон связи");
        sent.put("classification", "military");
        sent.put("country", "XT");
        sent.put("reason", "seen in the order book");
        TestApplication.Answer made = app.form("/records/unit/new", analyst, sent);
        assertEquals(303, made.status(), made.body());
        assertEquals("/records/unit/u-screen-made", made.location());
        assertTrue(app.page(made.location(), viewer).body().contains("Батальон связи"));

        TestApplication.Answer noReason = app.form("/records/unit/u-screen-made/retire", analyst, Map.of("retireReason", " "));
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("id=\"f-retireReason-error\"") && noReason.body().contains("Retire reason is required"),
                noReason.body());
        TestApplication.Answer retired = app.form("/records/unit/u-screen-made/retire", analyst, Map.of("retireReason", "a duplicate"));
        assertEquals(303, retired.status());
        assertEquals("/records/unit/u-screen-made", retired.location());
    }

    @Test
    void aRevealWithoutAReasonIsRefusedAtItsFieldAndShowsNothing() {
        TestApplication.Answer page = app.page("/records/source/src-w017", holder);
        assertEquals(200, page.status());
        assertFalse(page.body().contains("Асель"), "the identity is sealed until revealed");
        TestApplication.Answer refused = app.form("/records/source/src-w017/reveal", holder, Map.of("revealReason", ""));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("id=\"f-revealReason-error\""), refused.body());
        assertFalse(refused.body().contains("Асель"));
        TestApplication.Answer shown = app.form("/records/source/src-w017/reveal", holder, Map.of("revealReason", "to contact her"));
        assertEquals(200, shown.status(), "the identity is the answer: it never travels in a redirect's link");
        assertTrue(shown.body().contains("Асель Құпиякызы"));
        assertEquals(403, app.form("/records/source/src-w017/reveal", viewer, Map.of("revealReason", "curious")).status());
    }
}
