package org.chainline.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.demo.DemoCase;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        DemoCase.Loaded loaded = demo.load("tester", RecordImport.Progress.NONE);
        assertTrue(loaded.records().applied(), () -> loaded.records().errors().toString());
        records.change("tester", records.model().type("Source").orElseThrow(), "src-w017",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", WITNESS)), "identity received");
        records.change("tester", records.model().type("Victim").orElseThrow(), "v-003",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", VICTIM)), "family asked for protection");
        counsel = account("counsel");
        viewer = account("viewer");
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) {
            browser.nothingLeftTheApplication();
            browser.axeReport.forEach(line -> System.out.println("axe: " + line));
            browser.close();
        }
    }

    private String account(String role) {
        String name = role + "-" + System.nanoTime() % 100000;
        IssuedPassword issued = accounts.create("tester", name, Set.of(role));
        accounts.changePassword(name, issued.oneTimePassword(), TestLogins.PASSWORD);
        return name;
    }

    private Page signedIn(String username) {
        Page page = browser.page();
        page.navigate("/");
        assertTrue(page.url().contains("/sign-in"), page.url());
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestLogins.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/");
        return page;
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
        Page page = browser.page();
        page.navigate("/search?q=Abdigaliyev");
        screen(page, "01-sign-in");
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
        Page page = signedIn(counsel);
        assertThat(page.locator("#status-h")).isVisible();
        assertThat(page.locator("section[aria-labelledby=gaps-h] table")).isVisible();
        assertThat(page.locator("section[aria-labelledby=changes-h] tbody tr").first()).isVisible();
        screen(page, "03-home");
        page.context().close();
    }

    @Test
    void aLatinSpellingFindsTheCyrillicPersonAndSaysWhichSpellingMatched() {
        Page page = signedIn(viewer);
        page.getByLabel("Search names in any script").fill("Abdigaliyev");
        page.getByLabel("Search names in any script").press("Enter");
        page.waitForURL("**/search?q=Abdigaliyev");
        assertThat(page.locator(".results")).containsText("Nurlan Abdigaliyev");
        screen(page, "04-search");
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
        Page page = signedIn(viewer);
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
        page.context().close();
    }

    @Test
    void anIncidentRanksThePersonsAndAnItemShowsItsCustody() {
        Page page = signedIn(counsel);
        page.navigate("/records/incident/i-freedom-square");
        assertThat(page.locator("section[aria-labelledby=persons-h] tbody tr").first()).isVisible();
        assertThat(page.locator("section[aria-labelledby=fields-h]")).containsText("Tamyr Human Rights Group");
        screen(page, "08-incident");
        page.navigate("/records/evidence/ev-regiment-order-book");
        assertThat(page.locator("section[aria-labelledby=custody-h] tbody tr").first()).isVisible();
        assertThat(page.locator("section[aria-labelledby=cited-h]")).containsText("Posting");
        screen(page, "09-evidence-item");
        page.context().close();
    }

    @Test
    void aViewerFindsNoEditControl() {
        Page page = signedIn(viewer);
        page.navigate("/records/person/p-abdigaliyev");
        assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).count());
        assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New record")).count());
        page.context().close();
    }
}
