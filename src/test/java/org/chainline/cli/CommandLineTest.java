package org.chainline.cli;

import org.chainline.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as someone at a terminal meets it, run in-process against the test stores. */
class CommandLineTest {

    private final List<String> propertiesSet = new ArrayList<>();

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChainlineCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Settings reach the command line's context as system properties, as {@code -D} would. */
    private void configure(Map<String, String> properties) {
        properties.forEach((k, v) -> {
            System.setProperty(k, v);
            propertiesSet.add(k);
        });
    }

    @AfterEach
    void forgetSettings() {
        propertiesSet.forEach(System::clearProperty);
        propertiesSet.clear();
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        for (String command : List.of("serve", "users", "journal", "graph", "--data-dir")) {
            assertTrue(help.out().contains(command), command + " missing from:\n" + help.out());
        }
        Run usersHelp = run("users", "--help");
        assertTrue(usersHelp.out().contains("create") && usersHelp.out().contains("reset"), usersHelp.out());
    }

    @Test
    void aMissingOptionIsAUsageErrorNamingIt() {
        Run r = run("users", "create", "--role", "analyst");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--username"), r.err());
    }

    @Test
    void anUnreachablePostgresStopsWithOneLineNamingItsAddress() {
        Map<String, String> settings = new HashMap<>(TestStores.freshContext());
        settings.put("chainline.postgres.url", "jdbc:postgresql://127.0.0.1:1/chainline");
        configure(settings);
        Run r = run("users", "list");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("chainline: PostgreSQL at jdbc:postgresql://127.0.0.1:1/chainline is unreachable"), r.err());
    }

    @Test
    void anUnreachableNeo4jStopsWithOneLineNamingItsAddress() {
        Map<String, String> settings = new HashMap<>(TestStores.freshContext());
        settings.put("chainline.neo4j.uri", "bolt://127.0.0.1:1");
        configure(settings);
        Run r = run("journal", "verify");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("chainline: Neo4j at bolt://127.0.0.1:1"), r.err());
    }

    @Test
    void aPortInUseStopsServeWithOneLine() throws Exception {
        configure(TestStores.freshContext());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, r.exit());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("chainline: the HTTP server could not start"), r.err());
        }
    }

    @Test
    void usersAreCreatedListedAndResetAndTheJournalVerifiesAndRebuilds() throws Exception {
        Map<String, String> settings = TestStores.freshContext();
        configure(settings);

        Run created = run("users", "create", "--username", "Dana", "--role", "analyst,counsel");
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("Created account dana (analyst,counsel)"), created.out());
        String oneTime = created.out().lines().filter(l -> l.startsWith("One-time password")).findFirst().orElseThrow()
                .replaceFirst(".*: ", "");
        assertEquals(20, oneTime.length());

        Run duplicate = run("users", "create", "--username", "dana", "--role", "viewer");
        assertEquals(1, duplicate.exit());
        assertTrue(duplicate.err().contains("an account named dana exists already"), duplicate.err());

        Run list = run("users", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("dana") && l.contains("one-time password")), list.out());
        assertFalse(list.out().contains(oneTime));

        Run reset = run("users", "reset", "--username", "dana");
        assertEquals(0, reset.exit(), reset.err());
        assertFalse(reset.out().contains(oneTime));

        Run verified = run("journal", "verify");
        assertEquals(0, verified.exit(), verified.err());
        // the two account entries, after the opening of the tests' own case (TestCases)
        assertTrue(verified.out().startsWith("Journal intact: 3 entries"), verified.out());

        Run rebuilt = run("graph", "rebuild");
        assertEquals(0, rebuilt.exit(), rebuilt.err());
        assertTrue(rebuilt.out().startsWith("Rebuilt the graph from 3 journal entries"), rebuilt.out());

        try (Connection c = DriverManager.getConnection(settings.get("chainline.postgres.url"), "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("ALTER TABLE journal_entry DISABLE TRIGGER USER");
            s.executeUpdate("UPDATE journal_entry SET actor = 'someone else' WHERE seq = 2");
        }
        Run broken = run("journal", "verify");
        assertEquals(1, broken.exit());
        assertTrue(broken.err().startsWith("Journal BROKEN at entry #2"), broken.err());
    }

    @Test
    void sanctionsListsMatchesGapsAndFollowTheMoneyFromTheCommandLine() throws Exception {
        configure(TestStores.freshContext());
        Run demo = run("import", "--demo");
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().contains("p-otegulov already designated by US"), demo.out());
        Run status = run("sanctions", "status", "p-otegulov");
        assertTrue(status.out().contains("active US GLOMAG since 2025-07-22 (list-match)"), status.out());
        Run candidates = run("sanctions", "candidates", "--person", "p-kassymov", "--min", "0");
        assertTrue(candidates.out().contains("unlikely p-kassymov") && candidates.out().contains("probably another person"),
                candidates.out());
        Path dir = org.chainline.TestStores.tempDir("gaps");
        Run gaps = run("sanctions", "gaps", "--regime", "us-glomag", "--csv", dir.resolve("gaps.csv").toString());
        assertEquals(0, gaps.exit(), gaps.err());
        assertTrue(gaps.out().contains("not designated by US") && !gaps.out().contains("Otegulov"), gaps.out());
        assertTrue(Files.readString(dir.resolve("gaps.csv")).startsWith("rank,person,name"));
        Run badRegime = run("sanctions", "gaps", "--regime", "mars");
        assertEquals(1, badRegime.exit());
        assertTrue(badRegime.err().startsWith("chainline: regime: "), badRegime.err());
        Path notCsv = Files.writeString(dir.resolve("list.csv"), "{\"id\": 1}\n");
        Run badList = run("sanctions", "import", notCsv.toString(), "--list", "x", "--format", "targets-simple-csv");
        assertEquals(1, badList.exit());
        assertTrue(badList.err().startsWith("chainline: file: ") && !badList.err().contains("at org."), badList.err());
        Run export = run("ftm", "export", "--out", dir.resolve("graph.ftm.json").toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.out().contains("Person=11") && export.out().contains("Company=1") && export.out().contains("Family=2"), export.out());
    }

    @Test
    void importTakesFilesAndTelegramExportsAndVerifyAndCustodyReportOnThem() throws Exception {
        configure(TestStores.freshContext());
        assertEquals(0, run("cases", "open", "Arrivals at the command line", "--id", "case-cli").exit());
        Path dir = org.chainline.TestStores.tempDir("arrivals");
        Path photo = Files.writeString(dir.resolve("checkpoint.jpg"), "fictional checkpoint photo");
        Files.writeString(dir.resolve("same-photo.jpg"), "fictional checkpoint photo");
        Run files = run("import", "--case", "case-cli", dir.toString(), "--kind", "photo");
        assertEquals(0, files.exit(), files.err());
        assertTrue(files.out().contains("Stored " + photo), files.out());
        assertTrue(files.out().contains("Already held " + dir.resolve("same-photo.jpg")), files.out());

        Path export = Path.of(getClass().getResource("/telegram/channel-export").toURI());
        Run telegram = run("import", "--case", "case-cli", export.toString(), "--username", "akkala_live");
        assertEquals(0, telegram.exit(), telegram.err());
        assertTrue(telegram.out().contains("6 imported"), telegram.out());
        Run again = run("import", "--case", "case-cli", export.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("0 imported, 6 already held"), again.out());

        Run verify = run("evidence", "verify");
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().contains("Checked 4 files"), verify.out());
        Run custody = run("evidence", "custody", "tg-1700000001-3");
        assertEquals(0, custody.exit(), custody.err());
        assertTrue(custody.out().contains("imported") && custody.out().contains("verified"), custody.out());
        Run unknown = run("evidence", "custody", "ev-none");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("ev-none"), unknown.err());
        Run noCase = run("import", Files.writeString(dir.resolve("new-photo.jpg"), "a fictional photo nobody holds yet").toString());
        assertEquals(1, noCase.exit());
        assertTrue(noCase.err().contains("case is required") && noCase.err().contains("--case ID"), noCase.err());
        Run refused = run("import", "--case", "case-cli", dir.resolve("checkpoint.jpg").toString(), "--kind", "hologram");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("kind"), refused.err());
    }

    @Test
    void aFileOfAnItemRecordedEarlierBecomesItsFileByIdOrByItsHashAndANewItemWithTheSameBytesIsSaidSo() throws Exception {
        configure(TestStores.freshContext());
        assertEquals(0, run("cases", "open", "Arrivals at the command line", "--id", "case-cli").exit());
        Path dir = org.chainline.TestStores.tempDir("attach");
        byte[] roster = "fictional duty roster of the 4th Interior Regiment".getBytes(StandardCharsets.UTF_8);
        byte[] scan = "fictional scan of a detention log".getBytes(StandardCharsets.UTF_8);
        byte[] photo = "fictional photo of the tram depot".getBytes(StandardCharsets.UTF_8);
        String rosterSha = org.chainline.Sha256.hex(roster);
        Path records = Files.writeString(dir.resolve("noted.ndjson"), String.join("\n",
                "{\"type\":\"Evidence\",\"id\":\"ev-roster-noted\",\"kind\":\"document\",\"title\":\"Roster, hash noted in the field\",\"sha256\":\"" + rosterSha + "\"}",
                "{\"type\":\"Evidence\",\"id\":\"ev-scan-noted\",\"kind\":\"document\",\"title\":\"Log scan, hash noted\",\"sha256\":\"" + org.chainline.Sha256.hex(scan) + "\"}",
                "{\"type\":\"Evidence\",\"id\":\"ev-photo-noted\",\"kind\":\"photo\",\"title\":\"Depot photo, hash noted\",\"sha256\":\"" + org.chainline.Sha256.hex(photo) + "\"}") + "\n");
        assertEquals(0, run("import", "--case", "case-cli", records.toString()).exit());

        // by id, as the API's ?evidence=
        Path scanFile = Files.write(dir.resolve("scan.pdf"), scan);
        Run attach = run("import", "--case", "case-cli", scanFile.toString(), "--evidence", "ev-scan-noted");
        assertEquals(0, attach.exit(), attach.err());
        assertTrue(attach.out().contains("Stored " + scanFile + ": ev-scan-noted") && attach.out().contains("the file of the item recorded earlier"), attach.out());
        // the wrong bytes for the item are refused, naming both hashes
        Run wrong = run("import", "--case", "case-cli", dir.resolve("scan.pdf").toString(), "--evidence", "ev-roster-noted");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("is not the file of evidence ev-roster-noted") && wrong.err().contains(rosterSha), wrong.err());
        Run folder = run("import", "--case", "case-cli", dir.toString(), "--evidence", "ev-roster-noted");
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("--evidence attaches one file"), folder.err());

        // by its hash: the bytes an item recorded earlier names are its file, not a second item
        Path rosterFile = Files.write(dir.resolve("roster.pdf"), roster);
        Run byHash = run("import", "--case", "case-cli", rosterFile.toString());
        assertEquals(0, byHash.exit(), byHash.err());
        assertTrue(byHash.out().contains("Stored " + rosterFile + ": ev-roster-noted"), byHash.out());
        Run again = run("import", "--case", "case-cli", rosterFile.toString());
        assertTrue(again.out().contains("Already held " + rosterFile + ": ev-roster-noted"), "no second item was made: " + again.out());
        Run custody = run("evidence", "custody", "ev-roster-noted");
        assertTrue(custody.out().contains("received"), custody.out());

        // a new item asked for (its kind given) is made, and the item recorded earlier with the same bytes is named
        Path photoFile = Files.write(dir.resolve("depot.jpg"), photo);
        Run second = run("import", "--case", "case-cli", photoFile.toString(), "--kind", "photo");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("the same bytes are named by ev-photo-noted too") && second.out().contains("--evidence ID"), second.out());
    }
}
