package org.chainline.registry.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;
import org.chainline.registry.Records;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class RecordImportTest extends ChainlineTest {

    @Inject
    RecordImport recordImport;
    @Inject
    Journal journal;
    @Inject
    Projector projector;
    @Inject
    Records records;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;

    String analyst;

    @BeforeAll
    void login() {
        analyst = TestLogins.tokenFor(accounts, client, Roles.ANALYST);
    }

    static Path file(String... lines) throws IOException {
        Path file = org.chainline.TestStores.tempFile("import", ".ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void everyErrorIsReportedWithItsLineAndNothingIsImported() throws IOException {
        long head = journal.head().seq();
        ImportReport report = recordImport.run(TestCases.FILING, null, file(
                "{\"type\":\"Unit\",\"id\":\"e-u1\",\"names\":[{\"value\":\"Unit one\"}],\"classification\":\"police\"}",
                "{\"type\":\"Posting\",\"id\":\"e-p1\",\"person\":\"e-nobody\",\"unit\":\"e-u1\",\"role\":\"commander\"}",
                "not json",
                "",
                "{\"type\":\"Person\",\"id\":\"e-u1\",\"names\":[{\"value\":\"Duplicate id\"}]}",
                "{\"type\":\"Posting\",\"id\":\"e-p2\",\"person\":\"e-u1\",\"unit\":\"e-u1\",\"role\":\"boss\",\"start\":\"2022\",\"end\":\"2021\"}",
                "{\"type\":\"Starship\",\"id\":\"e-s\"}",
                "{\"type\":\"Unit\",\"names\":[{\"value\":\"No id\"}],\"classification\":\"police\"}"), RecordImport.Progress.NONE);
        assertFalse(report.applied());
        assertEquals(head, journal.head().seq(), "nothing was journaled");
        List<String> errors = report.errors().stream().map(e -> e.line() + " " + e.field()).toList();
        assertEquals(List.of("2 person", "3 line", "5 id", "6 role", "6 end", "6 person", "7 type", "8 id"), errors, report.errors().toString());
        assertThrows(RuntimeException.class, () -> records.get(TestCases.OPERATOR, null, "e-u1"));
    }

    @Test
    void referenceErrorsAreReportedInTheSameRunAsFieldErrorsEvenOnTheSameLine() throws IOException {
        long head = journal.head().seq();
        ImportReport report = recordImport.run(TestCases.FILING, null, file(
                // a field error only
                "{\"type\":\"Unit\",\"id\":\"r-u1\",\"names\":[{\"value\":\"Unit one\"}]}",
                // a reference error only, on a line that is otherwise right
                "{\"type\":\"UnitRelation\",\"id\":\"r-rel1\",\"unit\":\"r-u1\",\"superior\":\"r-nowhere\",\"relation\":\"child-of\"}",
                // both on one line: a wrong role, a person who is not a record, and a unit that is an incident
                "{\"type\":\"Posting\",\"id\":\"r-p1\",\"person\":\"r-nobody\",\"unit\":\"r-i1\",\"role\":\"boss\"}",
                "{\"type\":\"Incident\",\"id\":\"r-i1\",\"title\":\"An incident\",\"violations\":[\"torture\"],\"start\":\"2023\"}",
                // a record whose own line has an error is still defined: referring to it is not a second error
                "{\"type\":\"UnitRelation\",\"id\":\"r-rel2\",\"unit\":\"r-u1\",\"superior\":\"r-u2\",\"relation\":\"child-of\",\"start\":\"soon\"}",
                "{\"type\":\"Unit\",\"id\":\"r-u2\",\"names\":[{\"value\":\"Unit two\"}],\"classification\":\"no-such-kind\"}"),
                RecordImport.Progress.NONE);
        assertFalse(report.applied());
        assertEquals(head, journal.head().seq(), "nothing was journaled");
        List<String> errors = report.errors().stream().map(e -> e.line() + " " + e.field() + ": " + e.reason()).toList();
        assertEquals(List.of("1 classification: is required",
                "2 superior: refers to r-nowhere, which is not a record",
                "3 role", "3 unit: refers to r-i1, an Incident; it must be a Unit",
                "3 person: refers to r-nobody, which is not a record",
                "5 start", "6 classification"),
                errors.stream().map(e -> e.startsWith("3 role") ? "3 role" : e.startsWith("5 start") ? "5 start"
                        : e.startsWith("6 classification") ? "6 classification" : e).toList(), report.errors().toString());
    }

    @Test
    void aCleanFileIsAppliedAndImportingItAgainChangesNothing() throws IOException {
        Path file = file(
                "{\"type\":\"Posting\",\"id\":\"c-post\",\"person\":\"c-p\",\"unit\":\"c-u\",\"role\":\"commander\",\"start\":\"2021-03\"}",
                "{\"type\":\"Unit\",\"id\":\"c-u\",\"names\":[{\"value\":\"Later-defined unit\"}],\"classification\":\"police\"}",
                "{\"type\":\"Person\",\"id\":\"c-p\",\"names\":[{\"value\":\"Асқар Төлеуов\",\"script\":\"Cyrl\"}]}");
        ImportReport first = recordImport.run(TestCases.FILING, "first", file, RecordImport.Progress.NONE);
        assertTrue(first.applied(), first.errors()::toString);
        assertEquals(3, first.created());
        long head = journal.head().seq();
        assertEquals(head, projector.position(), "the graph is up to date when the import returns");
        ImportReport again = recordImport.run(TestCases.FILING, "again", file, RecordImport.Progress.NONE);
        assertEquals(3, again.unchanged());
        assertEquals(0, again.created() + again.changed());
        assertEquals(head, journal.head().seq(), "importing the same file again journals nothing");
        assertEquals(List.of("c-p"), records.list(TestCases.OPERATOR, records.model().type("Person").orElseThrow(), "Askar Toleuov", false, 0, 10)
                .stream().map(n -> n.get("id").asText()).toList());

        ImportReport changed = recordImport.run(TestCases.FILING, "end of posting", file(
                "{\"type\":\"Posting\",\"id\":\"c-post\",\"person\":\"c-p\",\"unit\":\"c-u\",\"role\":\"commander\",\"start\":\"2021-03\",\"end\":\"2022-01-04\"}"),
                RecordImport.Progress.NONE);
        assertEquals(1, changed.changed());
        assertEquals("2022-01-04", records.get(TestCases.OPERATOR, null, "c-post").get("end").asText());
    }

    @Test
    void aLineThatConflictsWithTheStoreRejectsTheWholeFile() throws IOException {
        assertTrue(recordImport.run(TestCases.FILING, null, file(
                "{\"type\":\"Unit\",\"id\":\"k-u\",\"names\":[{\"value\":\"Kept\"}],\"classification\":\"police\"}"), RecordImport.Progress.NONE).applied());
        long head = journal.head().seq();
        ImportReport report = recordImport.run(TestCases.FILING, null, file(
                "{\"type\":\"Person\",\"id\":\"k-new\",\"names\":[{\"value\":\"Would be new\"}]}",
                "{\"type\":\"Person\",\"id\":\"k-u\",\"names\":[{\"value\":\"Type clash\"}]}"), RecordImport.Progress.NONE);
        assertFalse(report.applied());
        assertEquals(2, report.errors().getFirst().line());
        assertEquals(head, journal.head().seq());
        assertThrows(RuntimeException.class, () -> records.get(TestCases.OPERATOR, null, "k-new"));
    }

    @Test
    void aLineHeldForALaterOneIsStillComparedWithTheStoreWhenTheFileHasOtherErrors() throws IOException {
        assertTrue(recordImport.run(TestCases.FILING, null, file(
                "{\"type\":\"Unit\",\"id\":\"h-u\",\"names\":[{\"value\":\"Held unit\"}],\"classification\":\"police\"}"),
                RecordImport.Progress.NONE).applied());
        ImportReport report = recordImport.run(TestCases.FILING, null, file(
                // a field error
                "{\"type\":\"Person\",\"id\":\"h-p\",\"names\":[{\"value\":\"Someone\"}],\"gender\":\"unknown-word\"}",
                // an id stored as a Unit, given as a relation that refers to a later line, so it is held back
                "{\"type\":\"UnitRelation\",\"id\":\"h-u\",\"unit\":\"h-u2\",\"superior\":\"h-u3\",\"relation\":\"child-of\"}",
                "{\"type\":\"Unit\",\"id\":\"h-u2\",\"names\":[{\"value\":\"Two\"}],\"classification\":\"police\"}",
                "{\"type\":\"Unit\",\"id\":\"h-u3\",\"names\":[{\"value\":\"Three\"}],\"classification\":\"police\"}"),
                RecordImport.Progress.NONE);
        assertFalse(report.applied());
        List<String> errors = report.errors().stream().map(e -> e.line() + " " + e.field()).toList();
        assertEquals(List.of("1 gender", "2 id"), errors, report.errors().toString());
    }

    @Test
    void theApiImportsAndAnswers400WithEveryErrorByLine() {
        String ok = "{\"type\":\"Unit\",\"id\":\"a-u\",\"names\":[{\"value\":\"Via API\"}],\"classification\":\"military\"}\n";
        var response = client.toBlocking().exchange(HttpRequest.POST("/api/import?reason=test", ok)
                .contentType("application/x-ndjson").bearerAuth(analyst), String.class);
        assertEquals(HttpStatus.OK, response.status());
        JsonNode body = read(response.body());
        assertEquals(1, body.get("created").asInt());
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/import", ok + "{\"type\":\"Unit\",\"id\":\"a-u2\"}\n").contentType("application/x-ndjson")
                        .bearerAuth(analyst), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        JsonNode errors = read(e.getResponse().getBody(String.class).orElseThrow());
        assertEquals(2, errors.get("errors").get(0).get("line").asInt());
        assertEquals("names", errors.get("errors").get(0).get("field").asText());
        HttpClientResponseException badReason = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/import?reason=a%00b", ok).contentType("application/x-ndjson").bearerAuth(analyst), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, badReason.getStatus());
        assertEquals("reason", read(badReason.getResponse().getBody(String.class).orElseThrow()).get("field").asText());
    }

    private static JsonNode read(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
