package org.chainline.counsel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.registry.ProtectedNames;
import org.chainline.registry.Records;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protected-name check must not be an oracle: the parts of an identity that identify on their own are caught, an
 * account refused again and again stops being answered at all until a holder of the grant restores it, and the holders
 * are told.
 */
@MicronautTest(transactional = false)
class ProtectedNameOracleTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/api/counsel-texts/p-abdigaliyev/eu-ghrsr";

    @Inject
    TestApplication app;
    @Inject
    Records records;

    String holder;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017", JSON.createObjectNode().set("identity",
                JSON.createObjectNode().put("name", "Жанар Құпиясова").put("phone", "+000 555 12 34 567")
                        .put("telegram", "@zhanar_k_2025")), "identity received");
        holder = app.token(Roles.VIEWER, Roles.WITNESS_PROTECTION);
    }

    int write(String token, String summary) {
        MutableHttpRequest<?> request = HttpRequest.PUT(PATH, JSON.createObjectNode().put("summary", summary).toString())
                .bearerAuth(token).contentType(MediaType.APPLICATION_JSON_TYPE);
        try {
            return app.client().toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void aSurnameAPhoneNumberOrATelegramHandleAloneIsCaughtInAnyScript() {
        String[] parts = {"As Mrs Kupiyasova saw.", "As Құпиясова saw.", "As KUPIYASOVA, Zh. saw.", "Call 555-1234-567 for her.",
                "Her number ends 12 34 567.", "She posts as t.me/zhanar_k_2025.", "Ask @zhanar_k_2025."};
        for (String text : parts) {
            String counsel = app.token(Roles.COUNSEL);
            assertEquals(400, write(counsel, text), text);
            assertEquals(200, write(counsel, "As the witness W-017 saw."), "the pseudonym is what counsel writes");
        }
    }

    @Test
    void anAccountRefusedAgainAndAgainIsSuspendedTheHoldersAreToldAndOneOfThemRestoresIt() throws Exception {
        String guesser = app.token(Roles.COUNSEL);
        String name = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(guesser))).get("username").asText();
        for (int i = 0; i < ProtectedNames.SUSPEND_AFTER; i++) {
            assertEquals(400, write(guesser, "Is it Kupiyasova " + i + "?"));
        }
        // a miss is no longer told apart from a hit: every text of the account is refused
        assertEquals(403, write(guesser, "A guess that names nobody."));
        assertEquals(403, write(guesser, "Is it Kupiyasova?"));

        JsonNode told = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/protection/refusals").bearerAuth(holder)));
        JsonNode row = null;
        for (JsonNode r : told) {
            if (r.get("account").asText().equals(name)) {
                row = r;
            }
        }
        assertTrue(row != null && row.get("suspended").asBoolean() && row.get("since").asInt() == ProtectedNames.SUSPEND_AFTER, told::toString);
        String home = app.client().toBlocking().retrieve(HttpRequest.GET("/").bearerAuth(holder).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(home.contains("Refused protected names") && home.contains(name), "the home page tells the holder");
        String other = app.token(Roles.VIEWER);
        assertFalse(app.client().toBlocking().retrieve(HttpRequest.GET("/").bearerAuth(other).accept(MediaType.TEXT_HTML_TYPE))
                .contains("Refused protected names"), "only holders are told");

        HttpClientResponseException noReason = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(HttpRequest.POST("/api/protection/refusals/" + name + "/restore", "{}")
                        .bearerAuth(holder), String.class));
        assertEquals(400, noReason.code());
        // the home page's form: a reason is required, said at its field; with one, back home
        HttpClientResponseException emptyForm = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(HttpRequest.POST("/protection/" + name + "/restore", "reason=")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE).bearerAuth(holder), String.class));
        assertEquals(422, emptyForm.code());
        String refusedPage = emptyForm.getResponse().getBody(String.class).orElseThrow();
        assertTrue(refusedPage.contains("href=\"#reason-" + name + "\"") && refusedPage.contains("id=\"reason-" + name + "\""), refusedPage);
        assertTrue(write(guesser, "A guess that names nobody.") == 403, "still suspended after a refused restore");
        var restored = app.client().toBlocking().exchange(HttpRequest.POST("/protection/" + name + "/restore",
                "reason=spoke+with+counsel%3A+testing+their+draft").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .bearerAuth(holder), String.class);
        assertEquals(200, restored.code(), "followed back to the home page");
        assertEquals(200, write(guesser, "As the witness W-017 saw."));
        assertEquals(400, write(guesser, "Is it Kupiyasova?"), "still refused, and counted again");
    }
}
