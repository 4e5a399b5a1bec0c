package org.chainline;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import org.chainline.access.Roles;
import org.chainline.bench.SyntheticCase;
import org.chainline.evidence.Integrity;
import org.chainline.journal.GraphCheck;
import org.chainline.journal.GraphDump;
import org.chainline.journal.Projector;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Chainline instances on one PostgreSQL database and one Neo4j, as an organisation runs them behind a load
 * balancer: writers on both, a rebuild on one while they write, readers on the other, and dossier jobs started on one
 * and followed on the other. (.ci/crowd runs three processes, one killed with -9, on Debian's PostgreSQL server.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesTest {

    private ApplicationContext a;
    private ApplicationContext b;
    private HttpClient toA;
    private HttpClient toB;
    private String analyst;
    private String counsel;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> shared = new HashMap<>(TestStores.freshContext());
        shared.put("chainline.security.jwt-secret", "a secret the instances of one organisation share, long enough");
        shared.put("chainline.dossier.job-poll", "200ms");
        shared.put("micronaut.server.port", -1);
        shared.put("chainline.rate-limit.per-second", 100000);
        shared.put("chainline.rate-limit.burst", 100000);
        // the evidence in a folder both instances share (a network volume, in an organisation)
        shared.put("chainline.evidence.dir", TestStores.tempDir("shared-evidence").toString());
        a = ApplicationContext.run(EmbeddedServer.class, shared).getApplicationContext();
        Map<String, Object> second = new HashMap<>(shared);
        second.put("chainline.data-dir", TestStores.newDataDir().toString());
        b = ApplicationContext.run(EmbeddedServer.class, second).getApplicationContext();
        toA = HttpClient.create(new URL("http://localhost:" + a.getBean(EmbeddedServer.class).getPort()));
        toB = HttpClient.create(new URL("http://localhost:" + b.getBean(EmbeddedServer.class).getPort()));
        Accounts accounts = a.getBean(Accounts.class);
        analyst = TestLogins.tokenFor(accounts, toA, Roles.ANALYST);
        counsel = TestLogins.tokenFor(accounts, toB, Roles.COUNSEL);
        Path fixture = Path.of(getClass().getClassLoader().getResource("fixtures/command-chain.ndjson").toURI());
        a.getBean(RecordImport.class).run(TestCases.FILING, null, fixture, RecordImport.Progress.NONE);
        // enough of a graph that a rebuild takes a few seconds, for readers to meet it
        Path synthetic = TestStores.tempFile("crowd", ".ndjson");
        SyntheticCase.ofNodes(7, 20_000).write(synthetic);
        a.getBean(RecordImport.class).run(TestCases.FILING, null, synthetic, RecordImport.Progress.NONE);
    }

    @AfterAll
    void stop() {
        toA.close();
        toB.close();
        b.close();
        a.close();
    }

    @Test
    void writersOnBothInstancesAndARebuildDuringTheirWritesLeaveTheGraphAFreshRebuildGives() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger partial = new AtomicInteger();
        AtomicInteger refusedWhileRebuilding = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            HttpClient client = w % 2 == 0 ? toA : toB;
            int writer = w;
            work.add(pool.submit(() -> {
                for (int n = 0; n < 25; n++) {
                    String person = "p-crowd-" + writer + "-" + n;
                    post(client, "/api/persons", "{\"id\": \"" + person + "\", \"names\": [{\"value\": \"Fictional Officer "
                            + writer + " " + n + "\"}]}");
                    acknowledged.add(person);
                    String posting = "post-crowd-" + writer + "-" + n;
                    post(client, "/api/postings", "{\"id\": \"" + posting + "\", \"person\": \"" + person + "\", \"unit\": \"u-co1\","
                            + " \"role\": \"member\", \"start\": \"2021\", \"citations\": [{\"evidence\": \"ev-roster\", \"pinpoint\": \"p. "
                            + n + "\"}, {\"evidence\": \"ev-roster\", \"pinpoint\": \"p. " + (n + 1) + "\"}]}");
                    acknowledged.add(posting);
                }
                return null;
            }));
        }
        // a reader on A asks for a chain of command that held before: it gets all of it, or 503 while B rebuilds; never a
        // chain cut short, nor a 404 for a unit the rebuild has not reached yet
        Future<?> reader = pool.submit(() -> {
            while (!stop.get()) {
                try {
                    HttpResponse<String> r = toA.toBlocking().exchange(HttpRequest.GET(
                            "/api/units/u-co1/chain-of-command?at=2022-01-06").bearerAuth(analyst), String.class);
                    if (!r.body().contains("\"p-new\"") || !r.body().contains("\"u-min\"") || !r.body().contains("\"p-ngcmd\"")) {
                        partial.incrementAndGet();
                    }
                } catch (HttpClientResponseException e) {
                    if (e.getStatus() == HttpStatus.SERVICE_UNAVAILABLE && e.getResponse().header("Retry-After") != null) {
                        refusedWhileRebuilding.incrementAndGet();
                    } else {
                        partial.incrementAndGet();
                    }
                }
            }
            return null;
        });
        Thread.sleep(1500);
        b.getBean(Projector.class).rebuild();
        for (Future<?> f : work) {
            f.get(3, TimeUnit.MINUTES);
        }
        stop.set(true);
        reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        a.getBean(Projector.class).catchUp();
        b.getBean(Projector.class).catchUp();
        assertEquals(0, partial.get(), "a reader got an answer from a partial graph");
        assertTrue(refusedWhileRebuilding.get() > 0, "the reader never met the rebuild");
        GraphCheck.Report check = b.getBean(GraphCheck.class).check();
        assertEquals("consistent", check.status(), check.toString());
        assertEquals(0, check.duplicateRelationships());
        List<String> graph = GraphDump.of(TestStores.driver());
        for (String id : acknowledged) {
            assertTrue(graph.stream().anyMatch(l -> l.contains("id=" + id + ",")), id + " was acknowledged but is not in the graph");
        }
        a.getBean(Projector.class).rebuild();
        assertEquals(graph, GraphDump.of(TestStores.driver()), "a fresh rebuild gives another graph");
        assertEquals(check.relationships(), a.getBean(GraphCheck.class).check().relationships());
        assertEquals(150, graph.stream().filter(l -> l.startsWith("rel POSTED_TO") && l.contains("post-crowd-")).count());
    }

    @Test
    void aJobStartedOnOneInstanceIsFollowedOnTheOtherAndAJobWhoseInstanceDiedIsFailedWithTheReason() throws Exception {
        HttpResponse<Map> accepted = toA.toBlocking().exchange(HttpRequest.POST("/api/dossiers",
                "{\"subject\": \"p-new\", \"regime\": \"eu-ghrsr\"}").bearerAuth(counsel), Map.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        String job = (String) accepted.body().get("id");
        Map<?, ?> state = Map.of();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            state = toB.toBlocking().retrieve(HttpRequest.GET("/api/dossiers/jobs/" + job).bearerAuth(counsel), Map.class);
            if (Set.of("done", "failed").contains(state.get("state"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("done", state.get("state"), state.toString());
        String dossier = (String) ((Map<?, ?>) state.get("dossier")).get("id");
        HttpResponse<byte[]> pdf = toB.toBlocking().exchange(HttpRequest.GET("/api/dossiers/" + dossier + "/pdf").bearerAuth(counsel), byte[].class);
        assertEquals(HttpStatus.OK, pdf.getStatus());

        // an instance took a job and was killed: its heartbeat stopped a minute ago
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = a.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO dossier_job (id, actor, subject, regime, audience, state, stage, percent, instance, created_at, heartbeat_at)
                    VALUES ('job-orphan', 'x', 'p-new', 'eu-ghrsr', 'public', 'running', 'drawing', 40, 'instance-gone',
                            now() - interval '2 minutes', now() - interval '1 minute')""")) {
                insert.executeUpdate();
            }
            return null;
        });
        Map<?, ?> orphan = toB.toBlocking().retrieve(HttpRequest.GET("/api/dossiers/jobs/job-orphan").bearerAuth(counsel), Map.class);
        assertEquals("failed", orphan.get("state"));
        assertTrue(((String) orphan.get("error")).contains("stopped before it finished"), orphan.toString());
    }

    @Test
    void aFileReceivedByOneInstanceDownloadsFromTheOtherAndBothVerifyIt() throws Exception {
        byte[] video = "fictional video of the regiment's trucks at the checkpoint".getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map> stored = toA.toBlocking().exchange(HttpRequest.POST("/api/evidence/files?fileName=trucks.mp4", video)
                .contentType("video/mp4").bearerAuth(analyst), Map.class);
        assertEquals(HttpStatus.CREATED, stored.getStatus());
        String id = (String) stored.body().get("evidence");
        byte[] back = toB.toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(analyst), byte[].class);
        Assertions.assertArrayEquals(video, back);
        var report = b.getBean(Integrity.class).verify("t", null);
        assertEquals(0, report.problems().size(), report.toString());
        assertTrue(report.checked() >= 1);
    }

    private void post(HttpClient client, String path, String body) {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(analyst), String.class);
        assertEquals(HttpStatus.CREATED, r.getStatus(), r.body());
    }
}
