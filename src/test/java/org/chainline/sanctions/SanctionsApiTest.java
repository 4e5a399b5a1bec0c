package org.chainline.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sanctions lists end to end over HTTP, with fictional lists: import, matches across scripts, decisions, designation
 * status, a newer list that delists and adds, and the gap report that drops a person once designated.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SanctionsApiTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n";
    static final String ABDIGALIYEV = "T-1,Person,\"ABDIGALIYEV, Nurlan\",Әбдіғалиев Нұрлан,1979,xt,,,"
            + "\"Global Human Rights Sanctions Regime - Commander of the 7th Rapid Response Regiment - 2025-12-01\",,,"
            + "EU Financial Sanctions Files (FSF),2025-12-02,2025-12-20,2025-12-02\n";
    static final String BGN = "T-2,Person,\"ZHAQSYBEKOV, Yerlan Serikuly\",,1976-03-11,xt,,,\"Global Human Rights Sanctions Regime - 2025-12-01\",,,"
            + "EU Financial Sanctions Files (FSF),2025-12-02,2025-12-20,2025-12-02\n";
    static final String PASSPORT = "T-3,Person,ZHAKSYBEKOV ERLAN SERIKOVICH,,1976,xt,,N1234567,\"Global Human Rights - 2025-12-05\",,,"
            + "UK HM Treasury Financial Sanctions,2025-12-06,2025-12-20,2025-12-06\n";
    static final String NAMESAKE = "T-4,Person,\"ABDIGALIEV, Nurlan\",,1990-06-01,xq,,,\"Counter Narcotics - 2020-01-01\",,,"
            + "US OFAC Specially Designated Nationals (SDN) List,2020-01-02,2025-12-20,2020-01-02\n";
    static final String COMPANY = "T-9,Company,Akkala Logistics LLP,,,xt,,,,,,EU Financial Sanctions Files (FSF),2025-12-02,2025-12-20,2025-12-02\n";

    @Inject
    TestApplication app;

    String analyst;
    String viewer;

    @BeforeAll
    void setUp() {
        analyst = app.token(Roles.ANALYST);
        viewer = app.token(Roles.VIEWER);
        app.loadDemo();
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(viewer), String.class));
    }

    HttpResponse<String> send(MutableHttpRequest<?> request) {
        return app.client().toBlocking().exchange(request.bearerAuth(analyst), String.class);
    }

    JsonNode importList(String list, String csv, String date, HttpStatus expected) throws Exception {
        HttpResponse<String> r = send(HttpRequest.POST("/api/sanctions/lists?list=" + list + "&fileName=targets.simple.csv"
                + (date == null ? "" : "&date=" + date), csv).contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(expected, r.getStatus(), r::body);
        return JSON.readTree(r.body());
    }

    JsonNode decide(String person, String list, String entry, String decision) throws Exception {
        HttpResponse<String> r = send(HttpRequest.POST("/api/sanctions/decisions", JSON.createObjectNode().put("person", person)
                .put("list", list).put("entry", entry).put("decision", decision).put("note", "checked by the test").toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(HttpStatus.CREATED, r.getStatus());
        return JSON.readTree(r.body());
    }

    JsonNode refused(MutableHttpRequest<?> request, HttpStatus status) {
        return app.refused(request, analyst, status);
    }

    static List<String> gapPersons(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("rows").forEach(r -> out.add(r.path("person").asText()));
        return out;
    }

    @Test
    @Order(1)
    void theDemoSubjectIsAlreadyDesignatedByTheUnitedStates() throws Exception {
        JsonNode status = get("/api/sanctions/designations/p-otegulov");
        assertTrue(status.path("designated").asBoolean(), status::toString);
        assertEquals("[\"US\"]", status.path("activeJurisdictions").toString());
        JsonNode d = status.path("designations").get(0);
        assertEquals("GLOMAG", d.path("program").asText());
        assertEquals("2025-07-22", d.path("since").asText());
        assertEquals("list-match", d.path("basis").asText());
        assertEquals(DemoCase.LIST_NAME, d.path("list").asText());
        assertFalse(get("/api/sanctions/designations/p-kassymov").path("designated").asBoolean());
        // The Sanction records are records of the model too, beside the sanctions endpoints.
        JsonNode record = get("/api/sanctions/" + d.path("id").asText());
        assertEquals("p-otegulov", record.path("person").asText());
        assertEquals(1, get("/api/sanctions").size());
        // The one imported company was left out, and said so.
        JsonNode imports = get("/api/sanctions/lists?list=" + DemoCase.LIST_NAME);
        assertEquals(4, imports.get(0).path("entries").asInt(), "three persons and a company: " + imports);
    }

    @Test
    @Order(2)
    void aSimilarNameWithAnotherBirthYearIsNotTakenForTheMinister() throws Exception {
        JsonNode candidates = get("/api/sanctions/candidates?person=p-kassymov&min=0");
        JsonNode namesake = null;
        for (JsonNode c : candidates) {
            if (c.path("entry").asText().equals("NK-demo-3Fw9Tx")) {
                namesake = c;
            }
        }
        assertTrue(namesake != null, candidates::toString);
        assertTrue(namesake.path("score").asDouble() < 0.4, namesake::toString);
        assertEquals("unlikely", namesake.path("level").asText());
        assertTrue(namesake.path("explanation").toString().contains("probably another person"), namesake::toString);
        assertEquals(0, get("/api/sanctions/candidates?person=p-kassymov").size(), "nothing above the default 0.5");
    }

    @Test
    @Order(3)
    void theGapReportRanksWhoIsNotYetDesignatedAndGivesCsv() throws Exception {
        JsonNode us = get("/api/sanctions/gaps?regime=us-glomag");
        assertEquals("US", us.path("jurisdiction").asText());
        assertTrue(gapPersons(us).contains("p-abdigaliyev"), us::toString);
        assertFalse(gapPersons(us).contains("p-otegulov"), "designated by the US already: " + us);
        assertTrue(us.path("alreadyDesignated").asInt() >= 1);
        JsonNode eu = get("/api/sanctions/gaps?regime=eu-ghrsr");
        assertTrue(gapPersons(eu).contains("p-otegulov"), "not designated by the EU: " + eu);
        JsonNode otegulov = null;
        for (JsonNode r : eu.path("rows")) {
            if (r.path("person").asText().equals("p-otegulov")) {
                otegulov = r;
            }
        }
        assertEquals("[\"US\"]", otegulov.path("designatedBy").toString());
        assertEquals(1, eu.path("rows").get(0).path("rank").asInt());
        String strongest = eu.path("rows").get(0).path("strongest").asText();
        assertTrue(strongest.equals("established") || strongest.equals("probable"));
        String csv = app.client().toBlocking().retrieve(HttpRequest.GET("/api/sanctions/gaps?regime=eu-ghrsr&format=csv").bearerAuth(viewer));
        assertTrue(csv.startsWith("rank,person,name,latin_name,strongest"), csv);
        assertTrue(csv.contains("p-otegulov"), csv);
        assertEquals(eu.path("rows").size() + 1, csv.strip().split("\r\n").length);
    }

    @Test
    @Order(4)
    void aCyrillicNameMatchesItsBgnPcgnAndPassportSpellings() throws Exception {
        JsonNode report = importList("test-list", HEADER + ABDIGALIYEV + BGN + PASSPORT + NAMESAKE + COMPANY, "2025-12-20", HttpStatus.CREATED);
        assertEquals(5, report.path("entries").asInt(), report::toString);
        assertEquals(5, report.path("listed").asInt());
        assertTrue(report.path("skipped").path("Company").isMissingNode(), "a company is screened, not skipped: " + report);
        JsonNode candidates = get("/api/sanctions/candidates?person=p-zhaksybekov");
        List<String> entries = new ArrayList<>();
        for (JsonNode c : candidates) {
            entries.add(c.path("entry").asText());
            assertTrue(c.path("score").asDouble() >= 0.85, c::toString);
            assertEquals("strong", c.path("level").asText());
            assertTrue(c.path("explanation").toString().contains("patronymics agree"), c::toString);
            assertTrue(c.path("explanation").toString().contains("Cyrillic and Latin"), c::toString);
        }
        assertTrue(entries.containsAll(List.of("T-2", "T-3")), candidates::toString);
        JsonNode bgn = candidates.get(entries.indexOf("T-2"));
        assertEquals("EU", bgn.path("designations").get(0).path("jurisdiction").asText(), bgn::toString);
        JsonNode passport = candidates.get(entries.indexOf("T-3"));
        assertEquals("GB", passport.path("designations").get(0).path("jurisdiction").asText(), passport::toString);
    }

    @Test
    @Order(5)
    void aConfirmedMatchDesignatesAndTheGapReportDropsThePerson() throws Exception {
        JsonNode before = get("/api/sanctions/gaps?regime=eu-ghrsr");
        assertTrue(gapPersons(before).contains("p-abdigaliyev"));
        JsonNode decided = decide("p-abdigaliyev", "test-list", "T-1", "confirmed");
        assertEquals("ListMatch", decided.path("match").path("type").asText());
        assertEquals("confirmed", decided.path("match").path("decision").asText());
        assertTrue(decided.path("match").path("explanation").asText().contains("birth dates agree"), decided::toString);
        assertEquals("EU", decided.path("designations").get(0).path("jurisdiction").asText());
        JsonNode status = get("/api/sanctions/designations/p-abdigaliyev");
        assertEquals("[\"EU\"]", status.path("activeJurisdictions").toString());
        assertEquals("2025-12-01", status.path("designations").get(0).path("since").asText());
        JsonNode after = get("/api/sanctions/gaps?regime=eu-ghrsr");
        assertFalse(gapPersons(after).contains("p-abdigaliyev"), after::toString);
        assertEquals(before.path("alreadyDesignated").asInt() + 1, after.path("alreadyDesignated").asInt());
        assertTrue(gapPersons(get("/api/sanctions/gaps?regime=us-glomag")).contains("p-abdigaliyev"), "the US has not designated him");
        // The decision is a journaled claim.
        JsonNode claim = get("/api/list-matches/" + decided.path("match").path("id").asText());
        assertEquals("p-abdigaliyev", claim.path("person").asText());
        // The namesake is rejected, and is not proposed again.
        JsonNode rejected = decide("p-abdigaliyev", "test-list", "T-4", "rejected");
        assertEquals(0, rejected.path("designations").size());
        for (JsonNode c : get("/api/sanctions/candidates?min=0")) {
            assertFalse(c.path("person").asText().equals("p-abdigaliyev") && c.path("entry").asText().equals("T-4"), c::toString);
        }
    }

    @Test
    @Order(6)
    void aNewerListRecordsWhatChangedAndTheDesignationFollows() throws Exception {
        String changedPassport = PASSPORT.replace("2025-12-05", "2025-12-07");
        String newcomer = "T-5,Person,\"USKENBAYEV, Marat\",,1969,xt,,,\"Global Human Rights Sanctions Regime - 2026-01-10\",,,"
                + "EU Financial Sanctions Files (FSF),2026-01-11,2026-01-15,2026-01-11\n";
        JsonNode report = importList("test-list", HEADER + BGN + changedPassport + NAMESAKE + newcomer, "2026-01-15", HttpStatus.CREATED);
        assertEquals(1, report.path("listed").asInt(), report::toString);
        assertEquals(2, report.path("delisted").asInt(), "the person and the company the newer list leaves out: " + report);
        assertEquals(1, report.path("changed").asInt());
        assertEquals(2, report.path("same").asInt());
        assertEquals(1, report.path("designationsUpdated").asInt());
        JsonNode changes = get("/api/sanctions/lists/imports/" + report.path("importId").asText() + "/changes");
        assertTrue(changes.toString().contains("\"entry\":\"T-1\",\"change\":\"delisted\""), changes::toString);
        assertTrue(changes.toString().contains("\"entry\":\"T-5\",\"change\":\"listed\""), changes::toString);
        JsonNode status = get("/api/sanctions/designations/p-abdigaliyev");
        assertFalse(status.path("designated").asBoolean(), status::toString);
        assertEquals("delisted", status.path("designations").get(0).path("status").asText());
        assertEquals("2026-01-15", status.path("designations").get(0).path("until").asText());
        assertTrue(gapPersons(get("/api/sanctions/gaps?regime=eu-ghrsr")).contains("p-abdigaliyev"), "delisted: a gap again");
        // The same file again changes nothing.
        JsonNode again = importList("test-list", HEADER + BGN + changedPassport + NAMESAKE + newcomer, "2026-01-15", HttpStatus.OK);
        assertTrue(again.path("unchanged").asBoolean());
        assertEquals(2, get("/api/sanctions/lists?list=test-list").size());
    }

    @Test
    @Order(7)
    void aFollowTheMoneyListWithSanctionEntitiesImports() throws Exception {
        String ftm = """
                {"id":"ftm-p-1","schema":"Person","properties":{"name":["Ғалым Өтеғұлов"],"alias":["Galym Otegulov"],"birthDate":["1970-02-14"],"nationality":["xt"]},"datasets":["gb_fcdo_sanctions"]}
                {"id":"ftm-s-1","schema":"Sanction","properties":{"entity":["ftm-p-1"],"country":["gb"],"authority":["Foreign, Commonwealth and Development Office"],"program":["Global Human Rights"],"listingDate":["2026-02-02"]}}
                {"id":"ftm-c-1","schema":"Company","properties":{"name":["Tamyr Security Holdings"]}}
                """;
        HttpResponse<String> r = send(HttpRequest.POST("/api/sanctions/lists?list=test-ftm", ftm).contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(HttpStatus.CREATED, r.getStatus());
        JsonNode report = JSON.readTree(r.body());
        assertEquals(2, report.path("entries").asInt(), "the person and the company: " + report);
        JsonNode entry = get("/api/sanctions/lists/test-ftm/entries/ftm-p-1");
        assertEquals("GB", entry.path("designations").get(0).path("jurisdiction").asText(), entry::toString);
        JsonNode candidates = get("/api/sanctions/candidates?person=p-otegulov");
        assertTrue(candidates.toString().contains("ftm-p-1"), candidates::toString);
    }

    @Test
    @Order(9)
    void followTheMoneyOverHttp() throws Exception {
        HttpResponse<String> export = send(HttpRequest.GET("/api/ftm/export"));
        assertEquals(HttpStatus.OK, export.getStatus());
        assertTrue(export.getContentType().orElseThrow().toString().startsWith("application/x-ndjson"));
        String body = export.body();
        assertTrue(body.contains("\"schema\":\"Sanction\"") && body.contains("\"schema\":\"Occupancy\""), body);
        assertFalse(body.contains("ev-regiment-order-book"), "restricted evidence is left out unless asked for");
        assertEquals("restricted", refused(HttpRequest.GET("/api/ftm/export?restricted=perhaps"), HttpStatus.BAD_REQUEST).path("field").asText());
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.GET("/api/ftm/export").bearerAuth(viewer)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());

        String events = """
                {"id":"ev-2026-rally","schema":"Event","properties":{"name":["Dispersal of the Akkala rally"],"startDate":["2026-04-02"],"keywords":["arbitrary-detention"],"involved":["u-sunkar"]}}
                {"id":"ev-2026-meeting","schema":"Event","properties":{"name":["A meeting"],"startDate":["2026-04-03"]}}
                """;
        HttpResponse<String> imported = send(HttpRequest.POST("/api/ftm/import?dataset=aleph-sample&fileName=sample.ftm.json", events)
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(HttpStatus.CREATED, imported.getStatus(), imported::body);
        JsonNode report = JSON.readTree(imported.body());
        assertEquals(1, report.path("imported").path("Incident").asInt(), report::toString);
        assertEquals(1, report.path("skipped").path("Event without a violation type (keywords naming one)").asInt(), report::toString);
        assertEquals("Dispersal of the Akkala rally", get("/api/incidents/ev-2026-rally").path("title").asText());

        String imports = "/api/ftm/import";
        // A file the store refuses (an Event whose id is a person's) leaves nothing behind, not even its item.
        String clash = "{\"id\":\"p-otegulov\",\"schema\":\"Event\",\"properties\":{\"name\":[\"Clash\"],"
                + "\"startDate\":[\"2026-04-02\"],\"keywords\":[\"torture\"]}}\n";
        JsonNode refusedClash = refused(HttpRequest.POST(imports + "?dataset=clash", clash).contentType(MediaType.TEXT_PLAIN_TYPE),
                HttpStatus.BAD_REQUEST);
        assertEquals("file", refusedClash.path("field").asText());
        assertTrue(refusedClash.path("message").asText().contains("p-otegulov"), refusedClash::toString);
        String clashSha = org.chainline.Sha256.hex(clash.getBytes(StandardCharsets.UTF_8));
        assertFalse(send(HttpRequest.GET("/api/evidence?limit=500")).body().contains(clashSha), "no item holds the refused file");
        assertEquals("dataset", refused(HttpRequest.POST(imports, events).contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST)
                .path("field").asText());
        JsonNode lenient = JSON.readTree(send(HttpRequest.POST(imports + "?dataset=x",
                "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Bolat Wingless\"], \"wings\": [\"2\"]}}")
                .contentType(MediaType.TEXT_PLAIN_TYPE)).body());
        assertEquals(1, lenient.path("skipped").path("property not in the FtM model: Person.wings").asInt(), lenient::toString);
        assertEquals(1, lenient.path("imported").path("Person").asInt(), lenient::toString);
        assertEquals("file", refused(HttpRequest.POST(imports + "?dataset=x", "{\"id\": \"b\", \"schema\": \"Starship\", \"properties\": {}}")
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("file", refused(HttpRequest.POST(imports + "?dataset=x", "id,schema\n1,Person\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("body", refused(HttpRequest.POST(imports + "?dataset=x", "").contentType(MediaType.TEXT_PLAIN_TYPE),
                HttpStatus.BAD_REQUEST).path("field").asText(), "an empty body is refused before it is read");
    }

    @Test
    @Order(8)
    void badInputIsRefusedNamingTheField() throws Exception {
        assertEquals("file", refused(HttpRequest.POST("/api/sanctions/lists?list=bad", "id,schema,caption\nx,Person,y\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("file", refused(HttpRequest.POST("/api/sanctions/lists?list=bad&format=targets-simple-csv",
                "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{}}\n").contentType(MediaType.TEXT_PLAIN_TYPE),
                HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("file", refused(HttpRequest.POST("/api/sanctions/lists?list=bad", new byte[]{'i', 'd', ',', (byte) 0xC3, '\n'})
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("file", refused(HttpRequest.POST("/api/sanctions/lists?list=bad", HEADER + "\"unterminated,Person\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("file", refused(HttpRequest.POST("/api/sanctions/lists?list=bad", HEADER + ",Person,Somebody,,,,,,,,,,,,\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("file", refused(HttpRequest.POST("/api/sanctions/lists?list=bad&format=ftm", "{\"id\":\"x\",\"schema\":\"Spaceship\",\"properties\":{}}\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("list", refused(HttpRequest.POST("/api/sanctions/lists?list=Bad%20Name", HEADER)
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("date", refused(HttpRequest.POST("/api/sanctions/lists?list=ok&date=yesterday", HEADER)
                .contentType(MediaType.TEXT_PLAIN_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertTrue(get("/api/sanctions/lists?list=bad").isEmpty(), "nothing of a refused file was kept");
        String decisions = "/api/sanctions/decisions";
        assertEquals("entry", refused(HttpRequest.POST(decisions, "{\"person\":\"p-otegulov\",\"list\":\"test-list\",\"entry\":\"nope\",\"decision\":\"confirmed\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("person", refused(HttpRequest.POST(decisions, "{\"person\":\"p-nobody\",\"list\":\"test-list\",\"entry\":\"T-2\",\"decision\":\"confirmed\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("person", refused(HttpRequest.POST(decisions, "{\"person\":5,\"list\":\"test-list\",\"entry\":\"T-2\",\"decision\":\"confirmed\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("decision", refused(HttpRequest.POST(decisions, "{\"person\":\"p-zhaksybekov\",\"list\":\"test-list\",\"entry\":\"T-2\",\"decision\":\"maybe\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("body", refused(HttpRequest.POST(decisions, "{not json").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("regime", refused(HttpRequest.GET("/api/sanctions/gaps?regime=mars"), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("min", refused(HttpRequest.GET("/api/sanctions/candidates?person=p-otegulov&min=2"), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("format", refused(HttpRequest.GET("/api/sanctions/gaps?regime=eu-ghrsr&format=xls"), HttpStatus.BAD_REQUEST).path("field").asText());
        refused(HttpRequest.GET("/api/sanctions/designations/p-nobody"), HttpStatus.NOT_FOUND);
        // A viewer reads but does not import or decide.
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.POST("/api/sanctions/lists?list=x", HEADER).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(viewer)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }
}
