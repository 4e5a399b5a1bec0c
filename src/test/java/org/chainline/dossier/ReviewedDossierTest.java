package org.chainline.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What review lets a dossier say, read back from the PDFs: accepted claims only unless it is a draft; DRAFT on every
 * page until a second counsel approves it; rejected claims nowhere; family, and what a designation would reach.
 */
@MicronautTest(transactional = false)
class ReviewedDossierTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DRAFT = "DRAFT: NOT APPROVED FOR SUBMISSION";

    @Inject
    TestApplication app;

    String author;
    String second;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        author = app.token(Roles.COUNSEL);
        second = app.token(Roles.COUNSEL);
    }

    JsonNode generate(String subject, String regime, boolean draft) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"" + subject
                + "\", \"regime\": \"" + regime + "\", \"draft\": " + draft + "}").bearerAuth(author), String.class));
    }

    byte[] pdf(String id, String token) {
        return app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + id + "/pdf").bearerAuth(token), byte[].class);
    }

    static String[] pages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String[] pages = new String[document.getNumberOfPages()];
            for (int i = 0; i < pages.length; i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                pages[i] = stripper.getText(document).replaceAll("\\s+", " ");
            }
            return pages;
        }
    }

    static String text(byte[] pdf) throws Exception {
        return String.join(" ", pages(pdf));
    }

    HttpClientResponseException refused(HttpRequest<?> request, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(request, String.class));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        return e;
    }

    @Test
    void anUnapprovedDossierSaysDraftOnEveryPageAndOnlyASecondCounselApprovesItWhichASubmissionNeeds() throws Exception {
        JsonNode dossier = generate("p-otegulov", "ca-jvcfoa", false);
        String id = dossier.get("id").asText();
        for (String page : pages(pdf(id, author))) {
            assertTrue(page.contains(DRAFT), page);
        }
        refused(HttpRequest.POST("/api/submissions", "{\"dossier\": \"" + id + "\", \"submittedOn\": \"2026-11-30\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(author), HttpStatus.CONFLICT);
        HttpClientResponseException own = refused(HttpRequest.POST("/api/dossiers/" + id + "/approve", "").bearerAuth(author), HttpStatus.FORBIDDEN);
        assertTrue(own.getResponse().getBody(String.class).orElse("").contains("another member of counsel"));

        JsonNode approved = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers/" + id + "/approve", "")
                .bearerAuth(second), String.class));
        byte[] delivered = pdf(id, author);
        assertEquals(approved.get("approval").get("sha256").asText(), org.chainline.Sha256.hex(delivered));
        String all = text(delivered);
        assertFalse(all.contains(DRAFT), "an approved dossier is no longer marked as a draft");
        assertTrue(all.contains("Approved by "), all.substring(0, 600));
        JsonNode again = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers/" + id + "/regenerate", "")
                .bearerAuth(author), String.class));
        assertTrue(again.get("identical").asBoolean(), "the approved dossier is drawn again byte for byte");
        refused(HttpRequest.POST("/api/dossiers/" + id + "/approve", "").bearerAuth(second), HttpStatus.CONFLICT);
        app.client().toBlocking().exchange(HttpRequest.POST("/api/submissions", "{\"dossier\": \"" + id + "\", \"submittedOn\": \"2026-11-30\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(author), String.class);
    }

    @Test
    void aDraftListsTheClaimsNotYetReviewedAndCannotBeApproved() throws Exception {
        JsonNode government = generate("p-otegulov", "uk-ghr", false);
        JsonNode draft = generate("p-otegulov", "uk-ghr", true);
        String governmentText = text(pdf(government.get("id").asText(), author));
        String draftText = text(pdf(draft.get("id").asText(), author));
        assertFalse(governmentText.contains(DemoCase.UNREVIEWED), "a claim not yet reviewed stays out of a government dossier");
        assertTrue(draftText.contains("Claims not yet reviewed") && draftText.contains(DemoCase.UNREVIEWED), draftText);
        assertTrue(draftText.contains("London"), "the draft's impact section has the journey the claim states");
        refused(HttpRequest.POST("/api/dossiers/" + draft.get("id").asText() + "/approve", "").bearerAuth(second), HttpStatus.CONFLICT);
    }

    @Test
    void aRejectedClaimIsNowhereInTheDossierNorItsMachineReadableCopy() throws Exception {
        for (boolean asDraft : new boolean[]{false, true}) {
            JsonNode d = generate("p-abdigaliyev", "eu-ghrsr", asDraft);
            byte[] pdf = pdf(d.get("id").asText(), author);
            String text = text(pdf);
            assertFalse(text.contains(DemoCase.REJECTED), text);
            assertFalse(text.contains("liaison with the foreign contingent"));
            String content = app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + d.get("id").asText() + "/content")
                    .bearerAuth(author), String.class);
            assertFalse(content.contains(DemoCase.REJECTED));
            assertFalse(new String(pdf, StandardCharsets.ISO_8859_1).contains(DemoCase.REJECTED));
        }
    }

    @Test
    void theUkImpactSectionNamesTheLondonFlatHeldThroughTheSpousesCompanyAndNotTheFloridaOne() throws Exception {
        String uk = text(pdf(generate("p-otegulov", "uk-ghr", false).get("id").asText(), author));
        String impact = uk.substring(uk.lastIndexOf("Impact of a designation"));
        assertTrue(impact.contains("Flat at 14 Lantern Row, London"), impact);
        assertTrue(impact.contains("Dala Trading Ltd"), impact);
        assertTrue(impact.contains("Aigul Otegulova"), "held through the spouse: " + impact);
        assertFalse(impact.contains("Harbour Point"), impact);
        String us = text(pdf(generate("p-otegulov", "us-glomag", false).get("id").asText(), author));
        String usImpact = us.substring(us.lastIndexOf("Impact of a designation"));
        assertTrue(usImpact.contains("Harbour Point"), usImpact);
        assertFalse(usImpact.contains("Lantern Row"), usImpact);
    }

    @Test
    void familyIsListedForTheUsRegimeWithWhatSection7031cSaysOfIt() throws Exception {
        String us = text(pdf(generate("p-abdigaliyev", "us-glomag", false).get("id").asText(), author));
        assertTrue(us.contains("Family Ерлан Әбдіғалиев (Yerlan Abdigaliyev): child"), us.substring(0, Math.min(us.length(), 4000)));
        assertTrue(us.contains("Section 7031(c)"), "the US impact section says what the visa ban does to family");
    }

    @Test
    void aChangedAcceptedClaimIsProposedAgainAndLeavesTheGovernmentDossier() throws Exception {
        assertTrue(impact(generate("p-otegulov", "uk-ghr", false)).contains("owner (60 %) and director"));
        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/directorships/dir-otegulova-dala", "{\"role\": \"chair\", \"reason\": \"a later extract\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(author), String.class);
        String after = impact(generate("p-otegulov", "uk-ghr", false));
        assertTrue(after.contains("owner (60 %)") && !after.contains("and director"), "the changed directorship awaits review again: " + after);
        app.client().toBlocking().exchange(HttpRequest.POST("/api/reviews", "{\"claims\": [\"dir-otegulova-dala\"], \"decision\": \"accept\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(second), String.class);
        assertTrue(impact(generate("p-otegulov", "uk-ghr", false)).contains("owner (60 %) and director"));
    }

    String impact(JsonNode dossier) throws Exception {
        String text = text(pdf(dossier.get("id").asText(), author));
        int from = text.lastIndexOf("Impact of a designation");
        return text.substring(from, text.indexOf("Annex: evidence register", from)); // the section, not the register's titles
    }
}
