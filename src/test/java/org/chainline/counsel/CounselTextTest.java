package org.chainline.counsel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.journal.Journal;
import org.chainline.registry.Records;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counsel's own words: versioned in the journal, citations that resolve into the dossier's register (a dangling or
 * rejected one refused at the citation), never a protected identity, and part of the dossier's content.
 */
@MicronautTest(transactional = false)
class CounselTextTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WITNESS = "Жанар Құпиясова";
    static final String PATH = "/api/counsel-texts/p-abdigaliyev/eu-ghrsr";

    @Inject
    TestApplication app;
    @Inject
    Records records;
    @Inject
    Journal journal;

    String counsel;
    String second;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", WITNESS)), "identity received");
        counsel = app.token(Roles.COUNSEL);
        second = app.token(Roles.COUNSEL);
    }

    JsonNode send(MutableHttpRequest<?> request, String token) {
        return app.send(request, token);
    }

    JsonNode refused(MutableHttpRequest<?> request, HttpStatus status) {
        return app.refused(request, counsel, status);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aDanglingOrRejectedCitationIsRefusedAtTheCitationAndNothingIsWritten() throws Exception {
        String dangling = "{\"letter\": \"He ordered it [[post-abdigaliyev]] and more [[ev-nowhere]].\"}";
        JsonNode check = send(HttpRequest.POST(PATH + "/check", dangling), counsel).get("problems");
        assertEquals(1, check.size(), check::toString);
        assertEquals("letter", check.get(0).get("field").asText());
        assertEquals("ev-nowhere", check.get(0).get("id").asText());
        assertEquals(dangling.indexOf("[[ev-nowhere]]") - "{\"letter\": \"".length(), check.get(0).get("offset").asInt());
        JsonNode refusal = refused(HttpRequest.PUT(PATH, dangling), HttpStatus.BAD_REQUEST);
        assertEquals("letter", refusal.get("field").asText());
        assertTrue(refusal.get("message").asText().contains("[[ev-nowhere]] names no claim or evidence item"), refusal::toString);
        JsonNode rejected = refused(HttpRequest.PUT(PATH, "{\"impact\": \"An aide [[" + DemoCase.REJECTED + "]].\"}"), HttpStatus.BAD_REQUEST);
        assertEquals("impact", rejected.get("field").asText());
        assertTrue(rejected.get("message").asText().contains("rejected in review"));
        refused(HttpRequest.PUT(PATH, "{\"impact\": \"A person [[p-kostrov]].\"}"), HttpStatus.BAD_REQUEST);
        refused(HttpRequest.PUT(PATH, "{\"incidents\": {\"i-nowhere\": \"a note\"}}"), HttpStatus.BAD_REQUEST);
        refused(HttpRequest.PUT(PATH, "{\"letter\": 7}"), HttpStatus.BAD_REQUEST);
        refused(HttpRequest.PUT(PATH, "[1]"), HttpStatus.BAD_REQUEST);
        refused(HttpRequest.GET(PATH), HttpStatus.NOT_FOUND);
    }

    @Test
    void aProtectedIdentityIsRefusedInEveryScriptWithoutBeingNamedAndTheAttemptIsJournaled() throws Exception {
        for (String body : new String[]{"{\"summary\": \"As " + WITNESS + " saw.\"}", "{\"summary\": \"As ZHANAR  kupiyasova saw.\"}",
                "{\"incidents\": {\"i-freedom-square\": \"" + WITNESS + " filmed it\"}}"}) {
            JsonNode refusal = refused(HttpRequest.PUT("/api/counsel-texts/p-otegulov/ca-jvcfoa", body), HttpStatus.BAD_REQUEST);
            assertTrue(refusal.get("message").asText().contains("protected identity"), refusal::toString);
            assertFalse(refusal.toString().contains("Құпиясова") || refusal.toString().toLowerCase().contains("kupiyasova"));
        }
        assertTrue(journal.latest(20).stream().anyMatch(e -> e.kind().equals("protection.name-refused") && !e.payload().contains("Құпиясова")));
        HttpClientResponseException note = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.POST("/api/reviews", "{\"claims\": [\"" + DemoCase.UNREVIEWED + "\"], \"decision\": \"dispute\", \"note\": \"ask "
                        + WITNESS + "\"}").bearerAuth(second).contentType(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, note.getStatus(), "a reviewer's note, which a dossier may print, is checked too");
    }

    @Test
    void theTextIsVersionedResolvesIntoTheRegisterAndAChangedCitedClaimKeepsTheDossierFromApproval() throws Exception {
        JsonNode first = send(HttpRequest.PUT(PATH, "{\"letter\": \"We ask for the designation of Nurlan Abdigaliyev, who commanded"
                + " the regiment [[post-abdigaliyev]] whose order book records the order [[ev-regiment-order-book]].\","
                + " \"incidents\": {\"i-freedom-square\": \"The regiment was on the square.\"}}"), counsel);
        assertEquals(1, first.get("version").asInt());
        refused(HttpRequest.PUT(PATH, "{\"letter\": \"Another.\", \"version\": 0}"), HttpStatus.CONFLICT);
        JsonNode second = send(HttpRequest.PUT(PATH, "{\"letter\": \"We ask for the designation of Nurlan Abdigaliyev, who commanded"
                + " the regiment [[post-abdigaliyev]] whose order book records the order [[ev-regiment-order-book]].\","
                + " \"incidents\": {\"i-freedom-square\": \"The regiment was on the square.\"}, \"version\": 1}"), counsel);
        assertEquals(2, second.get("version").asInt());
        assertEquals(2, send(HttpRequest.GET(PATH + "/versions"), counsel).size());

        JsonNode dossier = send(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"p-abdigaliyev\", \"regime\": \"eu-ghrsr\"}"), counsel);
        byte[] pdf = app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + dossier.get("id").asText() + "/pdf").bearerAuth(counsel), byte[].class);
        String text = text(pdf);
        assertTrue(text.contains("We ask for the designation of Nurlan Abdigaliyev"), text.substring(0, 3000));
        assertTrue(text.matches(".*commanded the regiment \\(post-abdigaliyev: E\\d+(, E\\d+)*\\) whose order book records the order \\(E\\d+\\).*"),
                "each citation resolves into the register");
        assertTrue(text.contains("Counsel's note. The regiment was on the square."));
        assertTrue(text.contains("Counsel's text, version 2"));
        assertFalse(text.contains(WITNESS) || new String(pdf, StandardCharsets.ISO_8859_1).contains("Kupiyasova"));

        // the cited posting changes: it awaits review again, and the dossier may not be approved as it stands
        send(HttpRequest.PATCH("/api/postings/post-abdigaliyev", "{\"rank\": \"Colonel (acting)\", \"reason\": \"the order book\"}"), counsel);
        JsonNode again = send(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"p-abdigaliyev\", \"regime\": \"eu-ghrsr\"}"), counsel);
        String changed = text(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + again.get("id").asText() + "/pdf").bearerAuth(counsel), byte[].class));
        assertTrue(changed.contains("(post-abdigaliyev: not a claim this dossier rests on)"), changed.substring(0, 3000));
        HttpClientResponseException approval = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.POST("/api/dossiers/" + again.get("id").asText() + "/approve", "").bearerAuth(this.second), String.class));
        assertEquals(HttpStatus.CONFLICT, approval.getStatus());
        assertTrue(approval.getResponse().getBody(String.class).orElse("").contains("post-abdigaliyev"));
    }
}
