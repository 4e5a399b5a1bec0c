package org.chainline.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two cases of two organisations on one instance: what case A holds does not exist for a member of case B, on every
 * path of the records API and the graph's answers; a member of both sees both; memberships are given by owners and
 * administrators, never taken.
 */
@MicronautTest(transactional = false)
class CaseBoundaryTest extends ChainlineTest {

    @Inject
    TestApplication app;
    @Inject
    Cases cases;

    TestLogins.Login ownerA;
    TestLogins.Login analystA;
    TestLogins.Login ownerB;
    TestLogins.Login analystB;
    TestLogins.Login both;
    TestLogins.Login admin;
    /** An analyst of the instance who only reads case A. */
    TestLogins.Login readerOfA;
    String caseA;
    String caseB;

    /** A name planted in case A only; no answer to a member of B may carry it. */
    static final String PLANTED = "Zhandos Qaraqoyly";

    @BeforeAll
    void twoCases() {
        ownerA = login(Roles.COUNSEL);
        analystA = login(Roles.ANALYST);
        ownerB = login(Roles.COUNSEL);
        analystB = login(Roles.ANALYST);
        both = login(Roles.ANALYST);
        admin = login(Roles.ADMIN);
        readerOfA = login(Roles.ANALYST);
        caseA = open(ownerA, "Case A: the square");
        caseB = open(ownerB, "Case B: the airport road");
        add(ownerA, caseA, analystA, "analyst");
        add(ownerA, caseA, readerOfA, "viewer");
        add(ownerA, caseA, both, "analyst");
        add(ownerB, caseB, analystB, "analyst");
        add(ownerB, caseB, both, "analyst");
        post(analystA, "/api/persons", """
                {"id": "p-a-commander", "names": [{"value": "%s"}]}""".formatted(PLANTED));
        post(analystA, "/api/units", """
                {"id": "u-a-unit", "names": [{"value": "Square Battalion"}], "classification": "national-guard"}""");
        post(analystA, "/api/incidents", """
                {"id": "i-a-square", "title": "Shooting on the square", "start": "2025-03-06", "violations": ["extrajudicial-killing"]}""");
        post(analystA, "/api/sources", """
                {"id": "src-a", "pseudonym": "S-A-1", "kind": "witness", "reliability": "B"}""");
        post(analystA, "/api/evidence", """
                {"id": "ev-a-roster", "kind": "document", "title": "Roster of the Square Battalion", "source": "src-a"}""");
        post(analystA, "/api/persons", """
                {"id": "p-a-deputy", "names": [{"value": "Marat Tolegen"}]}""");
        post(analystA, "/api/postings", """
                {"id": "post-a-deputy", "person": "p-a-deputy", "unit": "u-a-unit", "role": "commander", "start": "2023",
                 "citations": [{"evidence": "ev-a-roster", "stance": "supports"}]}""");
        post(analystA, "/api/postings", """
                {"id": "post-a", "person": "p-a-commander", "unit": "u-a-unit", "role": "commander", "start": "2024",
                 "citations": [{"evidence": "ev-a-roster", "stance": "supports"}]}""");
        post(analystA, "/api/involvements", """
                {"id": "inv-a", "actor": "u-a-unit", "incident": "i-a-square", "role": "perpetrated",
                 "citations": [{"evidence": "ev-a-roster", "stance": "supports"}]}""");
    }

    /** An account in no case: each is in exactly the cases this test gives it. */
    private TestLogins.Login login(String role) {
        return TestLogins.loginInNoCase(app.accounts(), app.client(), role);
    }

    /** Ids only case A holds (p-a-deputy is named by case B in one test, and seen by B from then on). */
    static final List<String> ONLY_IN_A = List.of("p-a-commander", "u-a-unit", "i-a-square", "ev-a-roster", "\"post-a\"",
            "post-a-deputy", "src-a", "inv-a");

    private String open(TestLogins.Login owner, String title) {
        return app.send(HttpRequest.POST("/api/cases", Map.of("title", title, "summary", "the summary of " + title)),
                owner.token()).path("id").asText();
    }

    private void add(TestLogins.Login owner, String caseId, TestLogins.Login member, String role) {
        app.send(HttpRequest.POST("/api/cases/" + caseId + "/members", Map.of("account", member.username(), "role", role,
                "reason", "works on the case")), owner.token());
    }

    private JsonNode post(TestLogins.Login who, String path, String body) {
        return app.send(HttpRequest.POST(path, body), who.token());
    }

    /** Every read of case A's material, by path. */
    private List<String> readsOfA() {
        return List.of("/api/persons/p-a-commander", "/api/units/u-a-unit", "/api/incidents/i-a-square",
                "/api/evidence/ev-a-roster", "/api/postings/post-a", "/api/sources/src-a", "/api/evidence/ev-a-roster/cited-by",
                "/api/persons/p-a-commander/liability", "/api/incidents/i-a-square/liability",
                "/api/units/u-a-unit/chain-of-command?at=2025-03-06", "/api/persons/p-a-commander/chain-of-command?at=2025-03-06",
                "/api/evidence/ev-a-roster/custody", "/api/claims/post-a/review", "/api/sanctions/designations/p-a-commander");
    }

    @Test
    void aMemberOfBFindsNothingOfCaseAAndItsIdsAnswerAsIdsThatDoNotExist() {
        for (String path : readsOfA()) {
            JsonNode refused = app.refused(HttpRequest.GET(path), analystB.token(), HttpStatus.NOT_FOUND);
            assertFalse(refused.toString().contains(PLANTED), path);
            // exactly as an id that does not exist: the same answer, but for the id
            String missing = path.replaceAll("(p|u|i|ev|post|src)-a-?[a-z]*", "$1-nobody");
            JsonNode nothing = app.refused(HttpRequest.GET(missing), analystB.token(), HttpStatus.NOT_FOUND);
            assertEquals(nothing.path("message").asText().replace("nobody", "X"),
                    refused.path("message").asText().replaceAll("(p|u|i|ev|post|src)-a-?[a-z]*", "$1-X"), path);
        }
        for (String path : List.of("/api/persons", "/api/evidence", "/api/postings", "/api/search?q=Qaraqoyly",
                "/api/search?q=Square", "/api/persons?q=Zhandos", "/api/sources")) {
            JsonNode list = app.send(HttpRequest.GET(path), analystB.token());
            assertFalse(list.toString().contains(PLANTED), path + ": " + list);
            ONLY_IN_A.forEach(id -> assertFalse(list.toString().contains(id), path + " names " + id + ": " + list));
        }
        // nor decide a list match on A's person, which would file records in case A
        JsonNode decided = app.refused(HttpRequest.POST("/api/sanctions/decisions", Map.of("person", "p-a-commander",
                "list", "any-list", "entry", "any-entry", "decision", "confirmed")), analystB.token(), HttpStatus.BAD_REQUEST);
        assertEquals("person", decided.path("field").asText());
        // the gap report ranks the reader's cases' persons, on their cases' claims
        JsonNode gapsOfB = app.send(HttpRequest.GET("/api/sanctions/gaps?regime=eu-ghrsr"), analystB.token());
        ONLY_IN_A.forEach(id -> assertFalse(gapsOfB.toString().contains(id), "B's gap report names " + id));
        assertFalse(gapsOfB.toString().contains(PLANTED));
        // review: B's counsel finds none of A's claims in its queue, and cannot decide on one
        JsonNode queueOfB = app.send(HttpRequest.GET("/api/reviews?state=all"), ownerB.token());
        ONLY_IN_A.forEach(id -> assertFalse(queueOfB.toString().contains(id), "B's review queue names " + id));
        assertTrue(app.send(HttpRequest.GET("/api/reviews?state=all"), ownerA.token()).toString().contains("post-a"));
        app.refused(HttpRequest.POST("/api/reviews", Map.of("claims", List.of("post-a"), "decision", "accept")), ownerB.token(),
                HttpStatus.NOT_FOUND);
        // the journal holds every case in one chain: B's counsel reads A's entries as their positions and hashes only
        JsonNode journalOfB = app.send(HttpRequest.GET("/api/journal?limit=1000"), ownerB.token());
        JsonNode journalOfA = app.send(HttpRequest.GET("/api/journal?limit=1000"), ownerA.token());
        assertEquals(journalOfA.size(), journalOfB.size(), "the same positions");
        assertTrue(journalOfA.toString().contains(PLANTED) && journalOfA.toString().contains("p-a-commander"));
        assertFalse(journalOfB.toString().contains(PLANTED), journalOfB.toString());
        ONLY_IN_A.forEach(id -> assertFalse(journalOfB.toString().contains(id), "the journal names " + id));
        // nor who wrote them: in their place, a position, a time and the hashes (an identity B uses shows its own entries)
        int withheld = 0;
        for (JsonNode e : journalOfB) {
            if (e.path("kind").asText().equals("withheld")) {
                withheld++;
                assertEquals("withheld", e.path("actor").asText());
                assertTrue(e.path("reason").isNull() || e.path("reason").isMissingNode(), e.toString());
            }
        }
        assertTrue(withheld >= ONLY_IN_A.size(), "A's entries are withheld from B: " + withheld);
        String home = app.page("/", ownerB.token()).body();
        assertFalse(home.contains(PLANTED) || home.contains("p-a-commander") || home.contains("Case A"), home);
        assertTrue(app.page("/", ownerA.token()).body().contains("p-a-"), "A's latest changes are on A's home page");
        List<String> caseIds = new ArrayList<>();
        app.send(HttpRequest.GET("/api/cases"), analystB.token()).forEach(c -> caseIds.add(c.path("id").asText()));
        assertEquals(List.of(caseB), caseIds);
        app.refused(HttpRequest.GET("/api/cases/" + caseA), analystB.token(), HttpStatus.NOT_FOUND);
        app.refused(HttpRequest.GET("/api/cases/" + caseA + "/members"), analystB.token(), HttpStatus.NOT_FOUND);
    }

    @Test
    void aMemberOfACannotChangeOrRetireWhatIsNotThereForThem() {
        app.refused(HttpRequest.PATCH("/api/persons/p-a-commander", Map.of("gender", "male")), analystB.token(), HttpStatus.NOT_FOUND);
        app.refused(HttpRequest.POST("/api/persons/p-a-commander/retire", Map.of("reason", "gone")), analystB.token(),
                HttpStatus.NOT_FOUND);
        // nor point at it: a posting of case B naming A's person or citing A's roster refers to records that do not exist
        JsonNode refused = app.refused(HttpRequest.POST("/api/postings", """
                {"person": "p-a-commander", "unit": "u-b-unit", "role": "commander",
                 "citations": [{"evidence": "ev-a-roster", "stance": "supports"}]}"""), analystB.token(), HttpStatus.BAD_REQUEST);
        assertTrue(refused.toString().contains("refers to p-a-commander, which is not a record"), refused.toString());
        assertTrue(refused.toString().contains("refers to ev-a-roster, which is not a record"), refused.toString());
        // an id another case holds is taken, and the answer says no more than that
        JsonNode taken = app.refused(HttpRequest.POST("/api/persons", """
                {"id": "p-a-commander", "names": [{"value": "Someone else"}]}"""), analystB.token(), HttpStatus.CONFLICT);
        assertEquals("p-a-commander is taken; ids are never reused: choose another", taken.path("message").asText());
        assertFalse(taken.toString().contains("Person") || taken.toString().contains(PLANTED));
    }

    @Test
    void aMemberOfBothNamesAsPersonInBAndBSeesThePersonButNotAsClaims() {
        post(both, "/api/units", """
                {"id": "u-b-unit", "case": "%s", "names": [{"value": "Airport Company"}], "classification": "national-guard"}""".formatted(caseB));
        app.refused(HttpRequest.GET("/api/persons/p-a-deputy"), analystB.token(), HttpStatus.NOT_FOUND);
        post(both, "/api/postings", """
                {"id": "post-b", "case": "%s", "person": "p-a-deputy", "unit": "u-b-unit", "role": "commander", "start": "2025"}"""
                .formatted(caseB));
        // the person is now used by B: B sees it, and B's own claim about it, and not A's
        JsonNode person = app.send(HttpRequest.GET("/api/persons/p-a-deputy"), analystB.token());
        assertEquals(caseA, person.path("case").asText());
        JsonNode career = app.send(HttpRequest.GET("/api/persons/p-a-deputy/chain-of-command?at=2025-03-06"), analystB.token());
        assertTrue(career.toString().contains("u-b-unit"), career.toString());
        assertFalse(career.toString().contains("u-a-unit") || career.toString().contains("post-a"), career.toString());
        JsonNode liability = app.send(HttpRequest.GET("/api/persons/p-a-deputy/liability"), analystB.token());
        assertFalse(liability.toString().contains("i-a-square"), liability.toString());
        // for a member of A the deputy's command of the square's battalion still answers for the shooting
        JsonNode liabilityInA = app.send(HttpRequest.GET("/api/persons/p-a-deputy/liability"), analystA.token());
        assertTrue(liabilityInA.toString().contains("i-a-square"), liabilityInA.toString());
        // a member of A still sees A's whole answer
        JsonNode ofA = app.send(HttpRequest.GET("/api/incidents/i-a-square/liability"), analystA.token());
        assertTrue(ofA.toString().contains("p-a-commander"), ofA.toString());
        // the workspace asks a member of both which case a new record or an upload goes into, by the cases' titles
        String form = app.page("/records/person/new", both.token()).body();
        assertTrue(form.contains("id=\"f-case\"") && form.contains("Case A: the square") && form.contains("Case B: the airport road"), form);
        String uploads = app.page("/evidence", both.token()).body();
        assertTrue(uploads.contains("id=\"upload-case\"") && uploads.contains("Case B: the airport road"), uploads);
        assertFalse(app.page("/records/person/new", analystB.token()).body().contains("id=\"f-case\""), "one case: no choice");
        Map<String, String> created = new java.util.LinkedHashMap<>();
        created.put("case", caseB);
        created.put("names.0.value", "Serik Airport");
        assertEquals(303, app.form("/records/person/new", both.token(), created).status());
        // a member of both writes in several cases and must say which
        JsonNode which = app.refused(HttpRequest.POST("/api/persons", """
                {"names": [{"value": "Nobody in particular"}]}"""), both.token(), HttpStatus.BAD_REQUEST);
        assertEquals("case", which.path("field").asText());
        // a record never moves to another case
        JsonNode moved = app.refused(HttpRequest.PATCH("/api/units/u-b-unit", Map.of("case", caseA)), both.token(),
                HttpStatus.BAD_REQUEST);
        assertEquals("case", moved.path("field").asText());
    }

    @Test
    void bytesAnotherCaseHoldsArriveAsThisCasesOwnItemWithoutAWordAboutTheOther() {
        byte[] video = "fictional video of the square, filmed from a roof".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode inA = upload(analystA, video);
        assertFalse(inA.path("duplicate").asBoolean());
        JsonNode inB = upload(analystB, video);
        assertFalse(inB.path("duplicate").asBoolean(), "B is not told the bytes were held: " + inB);
        assertFalse(inB.path("recordedEarlier").asBoolean());
        assertEquals(0, inB.path("sameBytes").size(), inB.toString());
        assertFalse(inB.path("evidence").asText().equals(inA.path("evidence").asText()), "B's own item, not A's");
        assertEquals(inA.path("sha256").asText(), inB.path("sha256").asText());
        // each reads its own item and file; neither finds the other's
        app.send(HttpRequest.GET("/api/evidence/" + inB.path("evidence").asText()), analystB.token());
        app.refused(HttpRequest.GET("/api/evidence/" + inA.path("evidence").asText()), analystB.token(), HttpStatus.NOT_FOUND);
        app.refused(HttpRequest.GET("/api/evidence/" + inB.path("evidence").asText()), analystA.token(), HttpStatus.NOT_FOUND);
        assertEquals(video.length, app.client().toBlocking().exchange(HttpRequest.GET("/api/evidence/" + inB.path("evidence").asText()
                + "/file").bearerAuth(analystB.token()), byte[].class).body().length);
        // and the same bytes again in B are B's duplicate, said so
        JsonNode again = upload(analystB, video);
        assertTrue(again.path("duplicate").asBoolean(), again.toString());
        assertEquals(inB.path("evidence").asText(), again.path("evidence").asText());
    }

    private JsonNode upload(TestLogins.Login who, byte[] bytes) {
        return app.send(HttpRequest.POST("/api/evidence/files?fileName=square.mp4&kind=video&title=Roof%20video", bytes)
                .contentType("video/mp4"), who.token());
    }

    @Test
    void membershipIsGivenByOwnersAndAdministratorsAndNeverTaken() {
        // nobody adds themself, whatever they are
        JsonNode self = app.refused(HttpRequest.POST("/api/cases/" + caseA + "/members", Map.of("account", admin.username(),
                "role", "viewer")), admin.token(), HttpStatus.FORBIDDEN);
        assertEquals("account", self.path("field").asText());
        app.refused(HttpRequest.POST("/api/cases/" + caseA + "/members", Map.of("account", analystA.username(), "role", "owner")),
                analystA.token(), HttpStatus.FORBIDDEN);
        // an analyst of B does not learn that case A exists by trying to join it
        app.refused(HttpRequest.POST("/api/cases/" + caseA + "/members", Map.of("account", analystB.username(), "role", "viewer")),
                analystB.token(), HttpStatus.FORBIDDEN);
        // an administrator administers memberships of a case it does not read: every case listed, no summary
        JsonNode listed = app.send(HttpRequest.GET("/api/cases"), admin.token());
        assertTrue(listed.toString().contains(caseA) && listed.toString().contains(caseB));
        assertFalse(listed.toString().contains("the summary of"), listed.toString());
        app.refused(HttpRequest.GET("/api/persons/p-a-commander"), admin.token(), HttpStatus.FORBIDDEN);
        TestLogins.Login guest = login(Roles.VIEWER);
        app.refused(HttpRequest.GET("/api/persons/p-a-commander"), guest.token(), HttpStatus.NOT_FOUND);
        JsonNode pastEnd = app.refused(HttpRequest.POST("/api/cases/" + caseA + "/members", Map.of("account", guest.username(),
                "role", "viewer", "until", LocalDate.now().minusDays(1).toString())), ownerA.token(), HttpStatus.BAD_REQUEST);
        assertEquals("until", pastEnd.path("field").asText());
        // an administrator makes accounts and knows their first passwords: it adds no member to a case that has an owner
        JsonNode byProxy = app.refused(HttpRequest.POST("/api/cases/" + caseA + "/members", Map.of("account", guest.username(),
                "role", "viewer")), admin.token(), HttpStatus.FORBIDDEN);
        assertTrue(byProxy.path("message").asText().contains("only to a case left without an owner"), byProxy.toString());
        app.send(HttpRequest.POST("/api/cases/" + caseA + "/members", Map.of("account", guest.username(), "role", "viewer",
                "until", LocalDate.now().toString(), "reason", "outside counsel, for today")), ownerA.token());
        assertEquals(PLANTED, app.send(HttpRequest.GET("/api/persons/p-a-commander"), guest.token())
                .path("names").path(0).path("value").asText());
        // a viewer of the case reads and does not write there, whatever the account may do elsewhere
        JsonNode notHere = app.refused(HttpRequest.POST("/api/persons", Map.of("case", caseA, "names", List.of(Map.of("value", "X")))),
                readerOfA.token(), HttpStatus.BAD_REQUEST);
        assertEquals("case", notHere.path("field").asText());
        app.refused(HttpRequest.PATCH("/api/persons/p-a-commander", Map.of("gender", "male")), readerOfA.token(), HttpStatus.FORBIDDEN);
        // ended, the guest sees nothing of the case at once (its token unchanged)
        app.send(HttpRequest.POST("/api/cases/" + caseA + "/members/" + guest.username() + "/end",
                Map.of("reason", "the opinion is delivered")), ownerA.token());
        app.refused(HttpRequest.GET("/api/persons/p-a-commander"), guest.token(), HttpStatus.NOT_FOUND);
        // who was a member when stays answerable
        JsonNode members = app.send(HttpRequest.GET("/api/cases/" + caseA + "/members"), ownerA.token());
        JsonNode ended = null;
        for (JsonNode m : members) {
            if (m.path("account").asText().equals(guest.username())) {
                ended = m;
            }
        }
        assertTrue(ended != null && !ended.path("endedAt").isNull() && ended.path("addedBy").asText().equals(ownerA.username()),
                members.toString());
        // a case left without an owner (an upgrade's, when no account of counsel existed) is given one by an administrator
        cases.openForOperator("tester", "case-ownerless", "Left without an owner", null, Map.of(), "a test");
        app.send(HttpRequest.POST("/api/cases/case-ownerless/members", Map.of("account", ownerB.username(), "role", "owner",
                "reason", "someone must answer for it")), admin.token());
        app.refused(HttpRequest.POST("/api/cases/case-ownerless/members", Map.of("account", guest.username(), "role", "viewer")),
                admin.token(), HttpStatus.FORBIDDEN);
        // the last owner stays
        JsonNode last = app.refused(HttpRequest.POST("/api/cases/" + caseA + "/members/" + ownerA.username() + "/end",
                Map.of("reason", "leaving")), ownerA.token(), HttpStatus.CONFLICT);
        assertTrue(last.path("message").asText().contains("last owner"), last.toString());
    }
}
