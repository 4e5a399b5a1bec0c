package org.chainline.dossier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.demo.DemoCase;
import org.chainline.dossier.content.DossierContent;
import org.chainline.dossier.pdf.PdfDossierRenderer;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.evidence.files.FileStore;
import org.chainline.input.Json;
import org.chainline.refusal.Conflict;
import org.chainline.regime.Regimes;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dossiers of the fictional demo case, read back from their PDFs: what they say, what they never say, and their bytes. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Fictional identities, sealed on a witness and a victim; they must never reach a dossier. */
    static final String WITNESS = "Әйгерім Жасырынқызы";
    static final String VICTIM = "Қанат Құпиябеков";

    @Inject
    DemoCase demo;
    @Inject
    StoreSettings settings;
    @Inject
    Dossiers dossiers;
    @Inject
    Regimes regimes;
    @Inject
    Records records;
    @Inject
    FileStore files;
    @Inject
    Accounts accounts;
    @Inject
    EvidenceLocker locker;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Dossier otegulovUk;
    Dossier abdigaliyevEu;
    Dossier abdigaliyevPublic;

    @BeforeAll
    void loadTheDemoAndSealTwoIdentities() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        DemoCase.Loaded loaded = TestCases.load(demo, "tester");
        assertTrue(loaded.records().applied(), () -> loaded.records().errors().toString());
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", WITNESS)), "identity received");
        records.change(TestCases.OPERATOR, records.model().type("Victim").orElseThrow(), "v-003",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", VICTIM)), "family asked for protection");
        otegulovUk = generate("p-otegulov", "uk-ghr", "government-confidential");
        abdigaliyevEu = generate("p-abdigaliyev", "eu-ghrsr", "government-confidential");
        abdigaliyevPublic = generate("p-abdigaliyev", "eu-ghrsr", "public");
    }

    @AfterAll
    void detachLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private Dossier generate(String subject, String regime, String audience) {
        return dossiers.generate("tester", dossiers.check(subject, regime, audience), (stage, percent) -> { }).dossier();
    }

    /** The text of the whole PDF, each run of white space as one space (table cells wrap lines anywhere). */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(document));
        }
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The text of the pages of one section, found by its bookmark (the contents page lists the titles too). */
    static String section(byte[] pdf, String title) throws IOException {
        int[] pages = sectionPages(pdf, title);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages[0] + 1);
            stripper.setEndPage(pages[1] + 1);
            return flat(stripper.getText(document));
        }
    }

    /** The first and last page (0-based) of a section, found by its bookmark. */
    static int[] sectionPages(byte[] pdf, String title) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Integer> starts = new ArrayList<>();
            int start = -1;
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                int page = document.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage());
                starts.add(page);
                if (item.getTitle().equals(title)) {
                    start = page;
                }
            }
            assertTrue(start >= 0, "no bookmark " + title);
            final int from = start;
            int end = starts.stream().filter(p -> p > from).min(Integer::compare).orElse(document.getNumberOfPages()) - 1;
            return new int[] {from, end};
        }
    }

    static byte[] attachment(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDComplexFileSpecification spec = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("dossier.json");
            assertEquals("Data", spec.getCOSObject().getNameAsString("AFRelationship"));
            return spec.getEmbeddedFile().toByteArray();
        }
    }

    @Test
    void theCommanderAtTheIncidentDateIsInTheChainAndTheOneReplacedBeforeItIsNot() throws IOException {
        String chain = section(dossiers.pdf(otegulovUk.id()), "Chain of command at the incident dates");
        assertTrue(chain.contains("Нұрлан Әбдіғалиев (Nurlan Abdigaliyev) since 2025-03-04"), chain);
        assertFalse(chain.contains("Жақсыбеков") || chain.contains("Zhaksybekov"), "the commander who handed over on 4 March is not in the chain of 6 March");
        assertTrue(chain.contains("Ғалым Өтеғұлов (Galym Otegulov)"), "the subject commands the National Guard then");
        assertTrue(chain.contains("under operational control of"), "the foreign contingent's week under the Guard is drawn");
    }

    @Test
    void kazakhLettersAreEmbeddedAndExtractExactly() throws IOException {
        String text = text(dossiers.pdf(otegulovUk.id()));
        assertTrue(text.contains("Ғалым Өтеғұлов"), "the subject's name in Kazakh Cyrillic");
        assertTrue(text.contains("Нұрғалиұлы"), "the patronymic");
        assertTrue(text.contains("Ұлттық ұлан (National Guard)"));
        for (String letter : List.of("Ә ә", "Ғ ғ", "Қ қ", "Ң ң", "Ө ө", "Ұ ұ", "Ү ү", "Һ һ", "І і")) {
            assertTrue(text.contains(letter), "the transliteration table shows " + letter);
        }
    }

    @Test
    void theSubjectsExistingDesignationIsOnTheSubjectPageAndAnUndesignatedSubjectSaysNone() throws IOException {
        String subject = section(dossiers.pdf(otegulovUk.id()), "Subject identification");
        assertTrue(subject.contains("US: GLOMAG, listed 2025-07-22; active; sanctions list demo-opensanctions, entry NK-demo-7Hq2Lp"),
                subject);
        assertTrue(section(dossiers.pdf(abdigaliyevEu.id()), "Subject identification")
                .contains("No existing designation of the subject is recorded."));
        assertTrue(section(dossiers.pdf(otegulovUk.id()), "Executive summary")
                .contains("Existing designations of the subject: US: GLOMAG, listed 2025-07-22 (active)."), "the summary says it too");
    }

    @Test
    void theDisputedLinkAndItsContradictingEvidenceAreInTheExculpatorySection() throws IOException {
        String exculpatory = section(dossiers.pdf(otegulovUk.id()), "Exculpatory and contradicting information");
        assertTrue(exculpatory.contains("Ministry: contingent guarded the airport only and never fired contradicts"), exculpatory);
        assertTrue(exculpatory.contains("The Ministry called the dead 'armed criminals'"), "official accounts are given");
        String allegations = section(dossiers.pdf(otegulovUk.id()), "Allegations");
        assertTrue(allegations.contains("Shooting on the airport road") && allegations.contains("disputed"), allegations);
    }

    @Test
    void anEmptyExculpatorySectionIsStillThereAndSaysSo() throws IOException {
        DossierContent content = Json.MAPPER.readValue(dossiers.content(abdigaliyevEu.id()), DossierContent.class);
        DossierContent nothingAgainst = new DossierContent(content.format(), content.cover(), content.regime(), content.wording(),
                content.summary(), content.subject(), content.allegations(), content.charts(), content.criteria(), List.of(),
                content.timeline(), content.register(), content.review(), content.impact(), content.counsel(), content.approval());
        byte[] pdf = PdfDossierRenderer.render(nothingAgainst, Dossiers.bytes(nothingAgainst), regimes.labels()).pdf();
        String exculpatory = section(pdf, "Exculpatory and contradicting information");
        assertTrue(exculpatory.contains(flat(content.wording().noExculpatory())), exculpatory);
    }

    @Test
    void aSubjectWithNothingTheRegimeCoversGetsADossierThatSaysSo() throws IOException {
        // the commander who handed the regiment over two days before the shooting is linked to no incident
        Dossier d = generate("p-zhaksybekov", "eu-ghrsr", "government-confidential");
        byte[] pdf = dossiers.pdf(d.id());
        assertTrue(section(pdf, "Executive summary").contains("not supported by the present record"));
        assertTrue(section(pdf, "Subject identification").contains("Regiment commander"), "his posts are still listed");
        assertTrue(section(pdf, "Exculpatory and contradicting information").contains("kept so that its absence"));
    }

    @Test
    void noProtectedIdentityReachesThePdfItsAttachmentTheStoredContentOrTheLogs() throws IOException {
        for (Dossier d : List.of(otegulovUk, abdigaliyevEu, abdigaliyevPublic)) {
            byte[] pdf = dossiers.pdf(d.id());
            String everything = text(pdf) + new String(attachment(pdf), StandardCharsets.UTF_8)
                    + new String(dossiers.content(d.id()), StandardCharsets.UTF_8) + new String(pdf, StandardCharsets.ISO_8859_1);
            for (String secret : List.of(WITNESS, VICTIM, "Жасырынқызы", "Құпиябеков", "Zhasyrynkyzy", "sealed")) {
                assertFalse(everything.contains(secret), d.id() + " holds " + secret);
            }
            assertTrue(everything.contains("W-017"), "the witness appears by pseudonym");
        }
        String logged = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertFalse(logged.contains("Жасырынқызы") || logged.contains("Құпиябеков"));
    }

    @Test
    void everyHashInTheRegisterIsTheHashOfTheFileInTheLocker() throws Exception {
        byte[] pdf = dossiers.pdf(abdigaliyevEu.id());
        JsonNode content = JSON.readTree(attachment(pdf));
        String register = section(pdf, "Annex: evidence register").replaceAll("\\s", "");
        int held = 0;
        for (JsonNode entry : content.get("register")) {
            if (entry.get("sha256").isNull()) {
                continue;
            }
            String sha = entry.get("sha256").asText();
            assertTrue(register.contains(sha), "the register prints " + sha);
            try (InputStream in = files.open(sha).orElseThrow(() -> new AssertionError("the locker lacks " + sha))) {
                assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
            }
            held++;
        }
        assertTrue(held >= 3, "the demo's order book, roster and videos are held");
    }

    @Test
    void citationsLinkToTheirRegisterEntryAndEverySectionIsBookmarked() throws IOException {
        try (PDDocument document = Loader.loadPDF(dossiers.pdf(abdigaliyevEu.id()))) {
            List<String> bookmarks = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(i -> bookmarks.add(i.getTitle()));
            assertEquals(List.of("Executive summary", "Subject identification", "Allegations", "Chain of command at the incident dates",
                    "Legal criteria", "Exculpatory and contradicting information", "Impact of a designation",
                    "Annex: evidence register", "Methodology", "Glossary and transliteration"), bookmarks);
            int registerPage = -1;
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.getTitle().startsWith("Annex")) {
                    registerPage = document.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage());
                }
            }
            int links = 0;
            for (var page : document.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getDestination() instanceof PDPageDestination dest
                            && document.getPages().indexOf(dest.getPage()) >= registerPage) {
                        links++;
                    }
                }
            }
            assertTrue(links > 10, "citations link to the register: " + links);
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            assertTrue(firstPage.getText(document).contains("Page 1 of " + document.getNumberOfPages()), "page X of Y");
        }
    }

    @Test
    void thePublicVersionWithholdsRestrictedEvidenceButKeepsItsHash() throws IOException {
        String register = section(dossiers.pdf(abdigaliyevPublic.id()), "Annex: evidence register");
        assertFalse(register.contains("order book"), register);
        assertTrue(register.contains("Withheld in the public version"));
        assertTrue(register.replaceAll("\\s", "").contains("2d153155ec98ab63e2483f453564aa8a32c115574bcf264083fffc381a360692"));
        assertTrue(text(dossiers.pdf(abdigaliyevPublic.id())).contains("PUBLIC VERSION"));
        assertTrue(section(dossiers.pdf(abdigaliyevEu.id()), "Annex: evidence register").contains("order book"));
    }

    @Test
    void theSameRecordGivesTheSameBytesAndAnEarlierDossierIsRedrawnIdentically() throws IOException {
        // what cannot change a dossier does not make a new one: an account, the viewing of an item, a case
        accounts.create("tester", "someone-else", Set.of("counsel"));
        locker.view(TestCases.OPERATOR, "ev-regiment-order-book");
        Dossiers.Generated again = dossiers.generate("someone-else", dossiers.check("p-abdigaliyev", "eu-ghrsr", "government-confidential"),
                (stage, percent) -> { });
        assertTrue(again.existed());
        assertEquals(abdigaliyevEu.sha256(), again.dossier().sha256());
        Dossiers.Regenerated redrawn = dossiers.regenerate(abdigaliyevEu.id());
        assertTrue(redrawn.identical());
        assertArrayEquals(dossiers.pdf(abdigaliyevEu.id()), redrawn.pdf());
        DossierContent content = Json.MAPPER.readValue(dossiers.content(abdigaliyevEu.id()), DossierContent.class);
        assertArrayEquals(PdfDossierRenderer.render(content, dossiers.content(abdigaliyevEu.id()), regimes.labels()).pdf(), redrawn.pdf());
        assertArrayEquals(dossiers.content(abdigaliyevEu.id()), attachment(redrawn.pdf()), "the attachment is the content kept");
        assertEquals(abdigaliyevEu.sha256(), HexFormat.of().formatHex(sha256(redrawn.pdf())));
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aDossierIsMadeWhileOthersKeepWritingAsOfAPositionBeforeTheirWrites() throws Exception {
        // a team at work: one write after another, each changing the record a dossier is made as of, and now and then
        // the dossier's subject itself, whose birth place the dossier must give as it was at the dossier's position
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Map<String, Long> placeWrittenAt = new ConcurrentHashMap<>();
        var person = records.model().type("Person").orElseThrow();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                int n = written.incrementAndGet();
                if (n % 10 == 1) {
                    long seq = records.change(TestCases.OPERATOR, person, "p-otegulov", JSON.createObjectNode().put("birthPlace", "Town " + n),
                            "birth place corrected").path("meta").path("updatedSeq").asLong();
                    placeWrittenAt.put("Town " + n, seq);
                } else {
                    records.create(TestCases.FILING, person, JSON.createObjectNode().put("id", "p-busy-" + n)
                            .set("names", JSON.createArrayNode().add(JSON.createObjectNode().put("value", "Busy Clerk " + n))), "busy");
                }
            }
        });
        Dossier made;
        try {
            while (placeWrittenAt.isEmpty()) {
                Thread.sleep(5);
            }
            made = generate("p-otegulov", "eu-ghrsr", "public");
            assertTrue(written.get() > 3, "the writer kept writing (" + written.get() + " writes)");
        } finally {
            stop.set(true);
            writer.join();
        }
        String place = JSON.readTree(dossiers.content(made.id())).path("subject").path("birthPlace").asText();
        assertTrue(placeWrittenAt.containsKey(place), "the dossier gives a birth place written: " + place);
        long placeAt = placeWrittenAt.get(place);
        assertTrue(placeAt <= made.position(), place + " was written at " + placeAt + ", after the dossier's position " + made.position());
        placeWrittenAt.values().stream().filter(seq -> seq > placeAt).min(Long::compare).ifPresent(next ->
                assertTrue(next > made.position(), "the birth place written at " + next + " is before the dossier's position "
                        + made.position() + " but the dossier gives the earlier " + place));
        assertTrue(text(dossiers.pdf(made.id())).contains("PUBLIC VERSION"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aChangeToTheRecordMakesANewVersionAtItsPosition() {
        records.change(TestCases.OPERATOR, records.model().type("Person").orElseThrow(), "p-seiitkali",
                JSON.createObjectNode().put("birthPlace", "Akkala"), "birth place found");
        Dossier next = generate("p-abdigaliyev", "eu-ghrsr", "government-confidential");
        assertTrue(next.position() > abdigaliyevEu.position());
        assertEquals(abdigaliyevEu.version() + 1, next.version());
        assertFalse(next.id().equals(abdigaliyevEu.id()));
        assertTrue(dossiers.list("p-abdigaliyev").stream().anyMatch(d -> d.id().equals(abdigaliyevEu.id())), "the earlier version is kept");
    }

    @Test
    void theDossiersAreValidPdfA3b() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (Dossier d : List.of(otegulovUk, abdigaliyevPublic)) {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(dossiers.pdf(d.id())), PDFAFlavour.PDFA_3_B);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
                ValidationResult result = validator.validate(parser);
                List<String> failures = result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct().toList();
                assertEquals(List.of(), failures, d.id());
                assertTrue(result.isCompliant());
            }
        }
        // the validator does fail a PDF that is not PDF/A, so the check above can fail
        try (PDDocument plain = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            plain.addPage(new PDPage());
            plain.save(out);
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(out.toByteArray()), PDFAFlavour.PDFA_3_B);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
                assertFalse(validator.validate(parser).isCompliant());
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDossierKeptInAnEarlierContentFormatIsNotDrawnAgainButSaysWhy() throws Exception {
        Dossier d = generate("p-otegulov", "eu-ghrsr", "government-confidential");
        byte[] kept = dossiers.content(d.id());
        String older = new String(kept, StandardCharsets.UTF_8).replace("\"format\":\"" + DossierContent.FORMAT + "\"", "\"format\":\"chainline-dossier/1\"");
        try (Connection c = DriverManager.getConnection(settings.postgres().url(), settings.postgres().username(), null);
             PreparedStatement update = c.prepareStatement("UPDATE dossier SET content = ? WHERE id = ?")) {
            update.setBytes(1, older.getBytes(StandardCharsets.UTF_8));
            update.setString(2, d.id());
            assertEquals(1, update.executeUpdate());
        }
        Conflict refused = Assertions.assertThrows(Conflict.class,
                () -> dossiers.regenerate(d.id()));
        assertTrue(refused.getMessage().contains("chainline-dossier/1") && refused.getMessage().contains(DossierContent.FORMAT), refused.getMessage());
    }
}
