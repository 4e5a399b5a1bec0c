package org.chainline.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace driven in Debian's Chromium as its users would: signing in (the first time with a one-time password),
 * searching in one script and landing in the other, reading a person, a unit's chain of command at two dates, an
 * incident, an evidence item; as a viewer, finding no edit control. Every screen is checked with axe-core and
 * photographed; no request leaves the application, and no page shows a planted protected identity.
 */
@MicronautTest(transactional = false)
class WorkspaceBrowserTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Fictional identities sealed on a witness and a victim: no page may show them to a role without the grant. */
    static final String WITNESS = "Әйгерім Жасырынқызы";
    static final String VICTIM = "Қанат Құпиябеков";

    @Inject
    EmbeddedServer server;
    @Inject
    DemoCase demo;
    @Inject
    Records records;
    @Inject
    Accounts accounts;

    Browser browser;
    final List<String> pages = new ArrayList<>();
    String counsel;
    String viewer;

    @BeforeAll
    void loadTheDemoAndStartChromium() {
        browser = Browser.start(server.getURL().toString());
        DemoCase.Loaded loaded = TestCases.load(demo, "tester");
        assertTrue(loaded.records().applied(), () -> loaded.records().errors().toString());
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", WITNESS)), "identity received");
        records.change(TestCases.OPERATOR, records.model().type("Victim").orElseThrow(), "v-003",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", VICTIM)), "family asked for protection");
        counsel = Browser.account(accounts, "counsel");
        viewer = Browser.account(accounts, "viewer");
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) {
            browser.nothingLeftTheApplication();
            browser.axeReport.forEach(line -> System.out.println("axe: " + line));
            browser.close();
        }
    }

    /** The screen is accessible, photographed, and shows no protected identity to this role. */
    private void screen(Page page, String name) {
        page.waitForLoadState();
        browser.accessible(page, name);
        Browser.screenshot(page, name);
        String html = page.content();
        assertFalse(html.contains(WITNESS) || html.contains(VICTIM), name + " shows a protected identity");
        pages.add(name);
    }

    @Test
    void aNewAccountSignsInWithItsOneTimePasswordAndChoosesItsOwn() {
        IssuedPassword issued = accounts.create("tester", "newcomer", Set.of("analyst"));
        TestCases.of(accounts).join("newcomer", Set.of("analyst"));
        Page page = browser.page();
        page.navigate("/search?q=Abdigaliyev");
        screen(page, "01-sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#username-error")).containsText("Enter your username");
        page.getByLabel("Username").fill("newcomer");
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator(".error-summary")).containsText("not right");
        page.getByLabel("Password").fill(issued.oneTimePassword());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/password");
        screen(page, "02-password");
        page.getByLabel("Current or one-time password").fill(issued.oneTimePassword());
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("New password again").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page.locator("#newPassword-error")).containsText("at least");
        page.getByLabel("Current or one-time password").fill(issued.oneTimePassword());
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a newcomer's own long password");
        page.getByLabel("New password again").fill("a newcomer's own long password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        page.waitForURL("**/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Home").setExact(true))).isVisible();
        page.context().close();
    }

    @Test
    void homeShowsTheRecordTheGapsAndTheLatestChanges() {
        Page page = browser.signedIn(counsel);
        assertThat(page.locator("#status-h")).isVisible();
        assertThat(page.locator("section[aria-labelledby=gaps-h] table")).isVisible();
        assertThat(page.locator("section[aria-labelledby=changes-h] tbody tr").first()).isVisible();
        screen(page, "03-home");
        page.context().close();
    }

    @Test
    void aLatinSpellingFindsTheCyrillicPersonAndSaysWhichSpellingMatched() {
        Page page = browser.signedIn(viewer);
        page.getByLabel("Search names in any script").fill("Abdigaliyev");
        page.getByLabel("Search names in any script").press("Enter");
        page.waitForURL("**/search?q=Abdigaliyev");
        assertThat(page.locator(".results")).containsText("Nurlan Abdigaliyev");
        screen(page, "04-search");
        var refused = page.navigate("/search?q=%21%21%21");
        assertEquals(400, refused.status());
        assertThat(page.locator(".error-summary")).containsText("letters or digits");
        page.goBack();
        page.locator(".results a").first().click();
        page.waitForURL("**/records/person/p-abdigaliyev");
        assertThat(page.locator("h1")).containsText("Нұрлан Әбдіғалиев");
        assertEquals("kk", page.locator("h1 span").first().getAttribute("lang"));
        assertThat(page.locator("section[aria-labelledby=positions-h]")).containsText("Regiment commander");
        assertThat(page.locator("section[aria-labelledby=claims-h]")).containsText("grade");
        screen(page, "05-person");
        page.context().close();
    }

    @Test
    void changingTheChainsDateChangesTheCommander() {
        Page page = browser.signedIn(viewer);
        page.navigate("/units/u-rrr7/chain?date=2025-03-03");
        assertThat(page.locator("#chain .commander").first()).containsText("Zhaksybekov");
        assertThat(page.locator("#chain svg")).isVisible();
        screen(page, "06-chain-before");
        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill("2025-03-06");
        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).dispatchEvent("change");
        assertThat(page.locator("#chain h2")).containsText("6 March 2025");
        assertThat(page.locator("#chain .commander").first()).containsText("Abdigaliyev");
        assertTrue(page.url().contains("date=2025-03-06"), page.url());
        screen(page, "07-chain-after");
        assertTrue(page.navigate("/units/u-rrr7/chain?date=2025-02-30").status() < 500, "a day the calendar does not have");
        assertTrue(page.navigate("/records/person/p-abdigaliyev/timeline").status() < 500);
        page.context().close();
    }

    @Test
    void anIncidentRanksThePersonsAndAnItemShowsItsCustody() {
        Page page = browser.signedIn(counsel);
        page.navigate("/records/incident/i-freedom-square");
        assertThat(page.locator("section[aria-labelledby=persons-h] tbody tr").first()).isVisible();
        assertThat(page.locator("section[aria-labelledby=fields-h]")).containsText("Tamyr Human Rights Group");
        screen(page, "08-incident");
        page.navigate("/records/evidence/ev-regiment-order-book");
        assertThat(page.locator("section[aria-labelledby=custody-h] tbody tr").first()).isVisible();
        assertThat(page.locator("section[aria-labelledby=cited-h]")).containsText("Posting");
        // the demo's items were recorded with their hash and their bytes stored: the page offers them, as the locker does
        assertThat(page.locator("section[aria-labelledby=item-h]")).containsText("recorded by its SHA-256");
        String file = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the file")).getAttribute("href");
        assertEquals(200, page.request().get(file).status());
        screen(page, "09-evidence-item");
        page.context().close();
    }

    @Test
    void aLiabilityStepOpensItsClaimAndTheEvidenceBehindIt() {
        Page page = browser.signedIn(viewer);
        page.navigate("/records/person/p-abdigaliyev/liability");
        assertThat(page.locator(".path").first()).isVisible();
        assertThat(page.locator("table caption").first()).containsText("art. 28");
        page.locator(".steps details summary").first().click();
        assertThat(page.locator(".steps details[open] .cites li").first()).containsText("grade");
        screen(page, "10-liability");
        page.locator(".steps details[open] .cites a").first().click();
        page.waitForURL("**/records/evidence/**");
        assertThat(page.locator("section[aria-labelledby=custody-h]")).isVisible();
        page.context().close();
    }

    @Test
    void aTimelineDrawsPostingsAndIncidentsAndTheNetworkItsLinks() {
        Page page = browser.signedIn(viewer);
        page.navigate("/records/person/p-abdigaliyev/timeline");
        assertThat(page.locator(".timeline svg")).isVisible();
        assertThat(page.locator("table")).containsText("Freedom Square");
        screen(page, "11-timeline");
        page.navigate("/records/unit/u-rrr7/timeline");
        assertThat(page.locator("table")).containsText("Жақсыбеков");
        assertThat(page.locator("table")).containsText("Sniper fire on protesters in Freedom Square");
        page.navigate("/records/unit/u-rrr7/network");
        assertThat(page.locator("#network canvas").first()).isAttached();
        int before = page.locator("#network-table tbody tr").count();
        assertTrue(before > 0);
        page.getByLabel("Only links valid on").fill("2022-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertTrue(page.locator("#network-table tbody tr:not([hidden])").count() < before, "the date hides the links not valid then");
        screen(page, "12-network");
        var json = page.request().get("/records/unit/u-rrr7/network.json");
        assertEquals(200, json.status());
        assertTrue(json.text().contains("\"edges\""));
        var svg = page.request().get("/records/unit/u-rrr7/network.svg");
        assertTrue(svg.text().startsWith("<svg"));
        page.context().close();
    }

    @Test
    void anAnalystCreatesARecordInAFormAndSeesTheFieldError() {
        String analyst = Browser.account(accounts, "analyst");
        Page page = browser.signedIn(analyst);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New record")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unit").setExact(true)).click();
        page.waitForURL("**/records/unit/new");
        page.getByLabel("Id (optional)").fill("u-browser-made");
        page.getByLabel("names 1: value").fill("Тестовый батальон");
        page.getByLabel("Classification").selectOption("police");
        page.getByLabel("Country").fill("XTZ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.locator(".error-summary")).containsText("Country must be at most 2 characters");
        assertThat(page.locator("#f-country-error")).isVisible();
        screen(page, "13-edit-error");
        page.getByLabel("Country").fill("XT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        page.waitForURL("**/records/unit/u-browser-made");
        assertThat(page.locator("h1")).containsText("Тестовый батальон");
        screen(page, "14-created");
        page.context().close();
    }

    @Test
    void anAnalystUploadsAFileAndImportsTheTelegramExportWithProgress() throws Exception {
        String analyst = Browser.account(accounts, "analyst");
        Page page = browser.signedIn(analyst);
        page.navigate("/evidence");
        Path file = Files.createTempFile("chainline-upload", ".txt");
        Path zip = Files.createTempFile("chainline-export", ".zip");
        try {
            Files.writeString(file, "A fictional note of the press conference of 7 March 2025.");
            page.setInputFiles("#upload-file", file);
            page.getByLabel("Title").fill("Press conference note");
            page.getByLabel("Kind").selectOption("document");
            page.locator("form[data-upload=file] button[type=submit]").click();
            page.waitForURL("**/records/evidence/**");
            assertThat(page.locator("section[aria-labelledby=item-h]")).containsText("stored");
            assertThat(page.locator(".preview pre")).containsText("press conference");
            screen(page, "15-uploaded");
            page.navigate("/evidence");
            zip(Path.of(getClass().getResource("/telegram/channel-export").toURI()), zip);
            page.setInputFiles("#telegram-file", zip);
            page.locator("form[data-upload=telegram] button[type=submit]").click();
            assertThat(page.locator("#telegram-status")).containsText("Imported", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertEquals("100", page.locator("#telegram-progress").evaluate("p => String(p.value)").toString());
            assertThat(page.locator("#telegram-report")).containsText("Imported as items");
            screen(page, "16-telegram");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(zip);
        }
        page.context().close();
    }

    private static void zip(Path folder, Path zip) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    @Test
    void counselMakesADossierFollowsTheJobAndDownloadsIt() {
        Page page = browser.signedIn(counsel);
        page.navigate("/records/person/p-abdigaliyev");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Make a dossier")).click();
        page.waitForURL("**/dossiers?subject=p-abdigaliyev");
        page.getByLabel("Subject (a person's id)").fill("p-nobody");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the dossier")).click();
        assertThat(page.locator(".error-summary")).containsText("p-nobody");
        page.getByLabel("Subject (a person's id)").fill("p-abdigaliyev");
        page.getByLabel("Regime").selectOption("eu-ghrsr");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the dossier")).click();
        page.waitForURL("**/dossiers/jobs/**");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Open dossier"))))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        screen(page, "17-job-done");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Open dossier"))).click();
        assertThat(page.locator("section[aria-labelledby=dossier-h]")).containsText("SHA-256");
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the PDF")).click());
        try {
            byte[] pdf = Files.readAllBytes(download.path());
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            String text;
            try (var doc = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(doc);
            }
            assertTrue(text.contains("Әбдіғалиев") || text.contains("Abdigaliyev"), "the downloaded dossier is about its subject");
            assertFalse(text.contains(WITNESS) || text.contains(VICTIM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            download.delete();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check: draw it again and compare")).click();
        assertThat(page.locator("p.check")).containsText("byte for byte the same");
        screen(page, "18-dossier");
        page.context().close();
    }

    @Test
    void aHolderOfTheGrantRevealsWithAReasonAndAnEditLeavesTheSealedIdentityAsItIs() {
        String holder = "holder-" + System.nanoTime() % 100000;
        IssuedPassword issued = accounts.create("tester", holder, Set.of("analyst", Roles.WITNESS_PROTECTION));
        TestCases.of(accounts).join(holder, Set.of("analyst"));
        accounts.consentToProtection(TestLogins.officer(accounts), holder);
        accounts.changePassword(holder, issued.oneTimePassword(), TestLogins.PASSWORD);
        Page page = browser.signedIn(holder);
        page.navigate("/records/source/src-w017");
        assertFalse(page.content().contains(WITNESS), "the identity is not shown until it is asked for");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal")).click();
        assertThat(page.locator(".error-summary")).containsText("say why the identity must be seen");
        page.getByLabel("Why must it be seen? (journaled)").fill("to arrange the witness's protection");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal")).click();
        assertThat(page.locator("section[aria-labelledby=revealed-h]")).containsText(WITNESS);
        browser.accessible(page, "20-revealed");
        page.navigate("/records/source/src-w017/edit");
        page.getByLabel("Why (kept in the journal)").fill("wording of the note");
        page.getByLabel("Note").fill("a note changed in the form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the change")).click();
        page.waitForURL("**/records/source/src-w017");
        var source = records.get(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017");
        assertEquals("a note changed in the form", source.path("note").asText());
        assertTrue(source.path("identity").path("protected").asBoolean(), "the sealed identity is kept: " + source.path("identity"));
        page.context().close();
    }

    @Test
    void counselReadsItsCasesAndAddsAMemberInTheCasesRoom() {
        Page page = browser.signedIn(counsel);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cases")).click();
        page.waitForURL("**/cases");
        screen(page, "25-cases");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tamyr crackdown")).click();
        assertThat(page.locator("h1")).containsText("Tamyr crackdown");
        assertThat(page.locator("section[aria-labelledby=holds-h]")).containsText("Posting");
        // an account that does not exist is said at its field
        page.getByLabel("Account (username)").fill("nobody-of-that-name");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the member")).click();
        assertThat(page.locator(".error-summary")).containsText("is not an account of this instance: nobody-of-that-name");
        // the owner may end a membership from the list, and is offered to leave the case itself
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End analyst's membership"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave the case"))).isVisible();
        screen(page, "26-case");
        page.context().close();
    }

    @Test
    void aViewerFindsNoEditControl() {
        Page page = browser.signedIn(viewer);
        page.navigate("/records/person/p-abdigaliyev");
        assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).count());
        assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New record")).count());
        page.navigate("/evidence");
        assertEquals(0, page.locator("form[data-upload]").count(), "no upload form for a viewer");
        screen(page, "19-evidence-viewer");
        // the server refuses anyway: the form's own request, sent from the page with the viewer's cookie
        var refused = page.request().post("/records/unit/new", RequestOptions.create()
                .setHeader("Origin", page.url().replaceAll("^(https?://[^/]+).*", "$1"))
                .setHeader("Content-Type", "application/x-www-form-urlencoded").setData("id=u-viewer&names.0.value=X&classification=police"));
        assertEquals(403, refused.status());
        var forged = page.request().post("/sign-out", RequestOptions.create()
                .setHeader("Origin", "http://elsewhere.example").setHeader("Content-Type", "application/x-www-form-urlencoded").setData(""));
        assertEquals(403, forged.status(), "a change from another site is refused");
        page.context().close();
    }
}
