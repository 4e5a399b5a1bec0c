package org.chainline.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.ChainlineTest;
import org.chainline.Sha256;
import org.chainline.TestApplication;
import org.chainline.TestReviews;
import org.chainline.access.Roles;
import org.chainline.review.ClaimReviews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A protected item's SHA-256 is printed by one dossier only: a government-confidential version whose counsel, holding
 * the witness-protection grant, chose to annex that item; the page says so, and the version goes only to holders.
 */
@MicronautTest(transactional = false)
class DossierAnnexTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TESTIMONY = "Testimony of W-930: I saw the platoon take positions on the roof.";

    @Inject
    TestApplication app;
    @Inject
    ClaimReviews reviews;

    String counsel;
    String holder;
    String secondHolder;
    String testimony;
    String testimonySha;
    String uncited;
    String restricted;

    @BeforeAll
    void setUp() throws Exception {
        app.loadDemo();
        String analyst = app.token(Roles.ANALYST);
        counsel = app.token(Roles.COUNSEL);
        holder = app.token(Roles.COUNSEL, Roles.WITNESS_PROTECTION);
        secondHolder = app.token(Roles.COUNSEL, Roles.WITNESS_PROTECTION);
        testimonySha = Sha256.hex(TESTIMONY.getBytes(StandardCharsets.UTF_8));
        testimony = upload(analyst, TESTIMONY);
        uncited = upload(analyst, "Testimony of W-931, cited by nothing.");
        restricted = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?fileName=r.txt&kind=document",
                "A restricted note.".getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(analyst)))
                .get("evidence").asText();
        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/knowledge/know-otegulov-square", "{\"citations\": [{\"evidence\":"
                + " \"ev-hrg-complaint\"}, {\"evidence\": \"" + testimony + "\"}], \"reason\": \"the witness heard the order\"}")
                .bearerAuth(analyst), String.class);
        TestReviews.acceptAll(reviews);
    }

    String upload(String token, String text) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?fileName=w.txt&kind=testimony"
                + "&confidentiality=protected", text.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE)
                .bearerAuth(token))).get("evidence").asText();
    }

    HttpResponse<String> order(String token, String audience, String annex) {
        return app.client().toBlocking().exchange(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"p-otegulov\","
                + " \"regime\": \"eu-ghrsr\", \"audience\": \"" + audience + "\", \"annex\": " + annex + "}").bearerAuth(token), String.class);
    }

    HttpClientResponseException refused(HttpRequest<?> request, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(request, String.class));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        return e;
    }

    JsonNode refusedOrder(String token, String audience, String annex, HttpStatus status) throws Exception {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> order(token, audience, annex));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        return JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    @Test
    void onlyAHolderAnnexesACitedProtectedItemToAGovernmentConfidentialVersion() throws Exception {
        int before = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers").bearerAuth(holder))).size();
        JsonNode notHolder = refusedOrder(counsel, "government-confidential", "[\"" + testimony + "\"]", HttpStatus.FORBIDDEN);
        assertEquals("annex", notHolder.get("field").asText());
        assertEquals("annex", refusedOrder(holder, "public", "[\"" + testimony + "\"]", HttpStatus.BAD_REQUEST).get("field").asText());
        JsonNode open = refusedOrder(holder, "government-confidential", "[\"" + restricted + "\"]", HttpStatus.BAD_REQUEST);
        assertTrue(open.get("message").asText().contains("is not protected"), open::toString);
        assertEquals("annex", refusedOrder(holder, "government-confidential", "[\"ev-nowhere\"]", HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("annex", refusedOrder(holder, "government-confidential", "[\"ev-hrg-complaint\"]", HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("annex", refusedOrder(holder, "government-confidential", "\"" + testimony + "\"", HttpStatus.BAD_REQUEST).get("field").asText());
        String many = "[" + String.join(", ", Collections.nCopies(Dossiers.MAX_ANNEXED + 1, "\"" + testimony + "\"")) + "]";
        assertEquals("annex", refusedOrder(holder, "government-confidential", many, HttpStatus.BAD_REQUEST).get("field").asText());
        JsonNode notCited = refusedOrder(holder, "government-confidential", "[\"" + uncited + "\"]", HttpStatus.BAD_REQUEST);
        assertTrue(notCited.get("message").asText().contains("is not cited by this dossier"), notCited::toString);
        assertEquals(before, JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers").bearerAuth(holder))).size(),
                "no refused order left a dossier");
    }

    @Test
    void theAnnexedVersionPrintsTheHashSaysSoAndGoesOnlyToHolders() throws Exception {
        JsonNode plain = JSON.readTree(order(holder, "government-confidential", "[]").body());
        String plainText = text(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + plain.get("id").asText() + "/pdf")
                .bearerAuth(counsel), byte[].class));
        assertFalse(plainText.contains(testimonySha), "without an annex no version prints the protected item's SHA-256");
        assertTrue(plainText.contains("keyed:"), "it prints the keyed digest instead");

        JsonNode annexed = JSON.readTree(order(holder, "government-confidential", "[\"" + testimony + "\"]").body());
        String id = annexed.get("id").asText();
        assertFalse(id.equals(plain.get("id").asText()), "a version with an annex is another dossier");
        assertEquals(testimony, annexed.get("annexed").get(0).asText());
        String annexedText = text(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + id + "/pdf").bearerAuth(holder), byte[].class));
        assertTrue(annexedText.contains(testimonySha), "the annexed version prints the real SHA-256");
        assertTrue(annexedText.contains("Annexedinconfidence:E"), "and says so above the register");
        JsonNode content = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + id + "/content").bearerAuth(holder)));
        boolean found = false;
        for (JsonNode entry : content.get("register")) {
            if (entry.get("evidence").asText().equals(testimony)) {
                found = true;
                assertTrue(entry.get("annexed").asBoolean());
                assertEquals(testimonySha, entry.get("sha256").asText());
            } else {
                assertFalse(entry.get("annexed").asBoolean());
            }
        }
        assertTrue(found, "the register lists the annexed item");

        // counsel without the grant sees that the version exists, not what it prints
        refused(HttpRequest.GET("/api/dossiers/" + id + "/pdf").bearerAuth(counsel), HttpStatus.FORBIDDEN);
        refused(HttpRequest.GET("/api/dossiers/" + id + "/content").bearerAuth(counsel), HttpStatus.FORBIDDEN);
        refused(HttpRequest.POST("/api/dossiers/" + id + "/approve", "").bearerAuth(counsel), HttpStatus.FORBIDDEN);
        String page = app.client().toBlocking().retrieve(HttpRequest.GET("/dossiers/" + id).bearerAuth(counsel));
        assertFalse(page.contains("/api/dossiers/" + id + "/pdf"), "the page offers no download it would refuse");
        assertTrue(page.contains("Only a holder of the witness-protection grant can download or approve this version"), page);
        assertFalse(page.contains(testimonySha));

        // its custody says the item left with its hash; a holder approves it (not its author) and the approval keeps the annex
        JsonNode custody = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + testimony + "/custody").bearerAuth(holder)));
        boolean exported = false;
        for (JsonNode event : custody.get("events")) {
            if (event.get("action").asText().equals("exported") && event.get("details").get("dossier").asText().equals(id)) {
                exported = event.get("details").get("annexed").asBoolean();
            }
        }
        assertTrue(exported, custody::toString);
        JsonNode approved = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers/" + id + "/approve", "").bearerAuth(secondHolder)));
        assertTrue(approved.get("approval").has("sha256"));
        assertTrue(text(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + id + "/pdf").bearerAuth(holder), byte[].class))
                .contains(testimonySha));
        refused(HttpRequest.GET("/api/dossiers/" + id + "/pdf").bearerAuth(counsel), HttpStatus.FORBIDDEN);
    }

    @Test
    void aHolderAnnexesFromTheWorkspaceForm() throws Exception {
        String form = app.client().toBlocking().retrieve(HttpRequest.GET("/dossiers").bearerAuth(holder));
        assertTrue(form.contains("name=\"annex\""), "holders are offered the annex");
        assertFalse(app.client().toBlocking().retrieve(HttpRequest.GET("/dossiers").bearerAuth(counsel)).contains("name=\"annex\""),
                "others are not");
        HttpClientResponseException e = refused(HttpRequest.POST("/dossiers", "subject=p-otegulov&regime=eu-ghrsr&audience=public&annex="
                + testimony).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).bearerAuth(holder), HttpStatus.UNPROCESSABLE_ENTITY);
        String page = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(page.contains("never prints a protected item&#39;s SHA-256") || page.contains("never prints a protected item's SHA-256"), page);
        assertTrue(page.contains("value=\"" + testimony + "\""), "the page keeps what was typed");
    }
}
