package org.chainline.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.demo.DemoCase;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.review.ClaimReviews;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claim review and counsel's text in Chromium: the queue with each claim's evidence beside it, a bulk acceptance, a
 * claim left for now that comes back after the others when the reviewer returns; the text editor showing a dangling
 * citation at its field, then saving a version; a dossier approved by a second member of counsel. Each screen is checked
 * with axe-core and photographed, and shows no planted protected identity.
 */
@MicronautTest(transactional = false)
class ReviewBrowserTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WITNESS = "Әйгерім Жасырынқызы";

    @Inject
    EmbeddedServer server;
    @Inject
    DemoCase demo;
    @Inject
    Records records;
    @Inject
    Accounts accounts;
    @Inject
    ClaimReviews reviews;

    Browser browser;
    String reviewer;
    String writer;

    @BeforeAll
    void loadTheDemoAndStartChromium() {
        browser = Browser.start(server.getURL().toString());
        assertTrue(TestCases.load(demo, "tester").records().applied());
        records.change(TestCases.OPERATOR, records.model().type("Source").orElseThrow(), "src-w017",
                JSON.createObjectNode().set("identity", JSON.createObjectNode().put("name", WITNESS)), "identity received");
        reviewer = Browser.account(accounts, "counsel");
        writer = Browser.account(accounts, "counsel");
        // three new postings of the subject, written by another member of counsel, await review
        for (int i = 1; i <= 3; i++) {
            records.create(new Filing(Scope.operator(writer), DemoCase.CASE), records.model().type("Posting").orElseThrow(), JSON.createObjectNode().put("id", "post-queue-" + i)
                    .put("person", "p-otegulov").put("unit", "u-ng").put("role", "member").put("start", "201" + i)
                    .set("citations", JSON.createArrayNode().add(JSON.createObjectNode().put("evidence", "ev-decree-ng"))), "new postings");
        }
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) {
            browser.nothingLeftTheApplication();
            browser.close();
        }
    }

    private void screen(Page page, String name) {
        page.waitForLoadState();
        browser.accessible(page, name);
        Browser.screenshot(page, name);
        assertFalse(page.content().contains(WITNESS), name + " shows a protected identity");
    }

    private List<String> queued(Page page) {
        return page.locator("input[name=claim]").all().stream().map(l -> l.getAttribute("value").replaceAll("@.*", "")).toList();
    }

    @Test
    void aReviewerAcceptsInBulkLeavesOneForNowAndResumesWithTheRestFirst() {
        Page page = browser.signedIn(reviewer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review").setExact(true)).click();
        page.getByLabel("The claims a dossier about this person may rest on").fill("p-otegulov");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the queue")).click();
        assertEquals(List.of("trv-otegulov-london", "post-queue-1", "post-queue-2", "post-queue-3"), queued(page));
        assertThat(page.locator("table.evidence-beside").first()).containsText("Leaked passenger list");
        screen(page, "20-review-queue");

        // nothing ticked: the error is at the list, and named in the summary
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
        assertThat(page.locator("#f-claims .field-error")).containsText("at least one claim");
        assertThat(page.locator(".error-summary a[href='#f-claims']")).isVisible();
        screen(page, "21-review-nothing-ticked");

        // the travel claim is left for now; the first two postings are accepted at once
        page.locator("input[value^='trv-otegulov-london@']").check();
        page.getByLabel("Leave for now").check();
        page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("ask the researcher for the full manifest");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 claim left for now");
        assertEquals(List.of("post-queue-1", "post-queue-2", "post-queue-3", "trv-otegulov-london"), queued(page),
                "what was left for now comes after the others");
        page.locator("input[value^='post-queue-1@']").check();
        page.locator("input[value^='post-queue-2@']").check();
        page.getByLabel("Accept", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 claims accepted");
        page.context().close();

        // back another day: the queue resumes with the claim not yet seen, then the one left for now
        Page again = browser.signedIn(reviewer);
        again.navigate("/review?subject=p-otegulov");
        assertEquals(List.of("post-queue-3", "trv-otegulov-london"), queued(again));
        assertThat(again.locator(".review-item").last()).containsText("left for now: ask the researcher");
        screen(again, "22-review-resumed");
        assertEquals("accepted", reviews.state(TestCases.OPERATOR, "post-queue-1").state());
        assertEquals("proposed", reviews.state(TestCases.OPERATOR, "trv-otegulov-london").state());
        again.context().close();
    }

    @Test
    void counselsTextShowsADanglingCitationAtItsFieldThenSavesAVersionThatASecondCounselsApprovedDossierPrints() {
        Page page = browser.signedIn(writer);
        page.navigate("/counsel/p-abdigaliyev/us-glomag");
        screen(page, "23-counsel-text");
        page.getByLabel("Request letter").fill("We ask for the designation of Nurlan Abdigaliyev [[post-abdigaliyev]], on the"
                + " evidence of the order book [[ev-order-book-missing]].");
        page.getByLabel("Why designating the subject matters").fill("His son studies abroad [[fam-abdigaliyev-son]].");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.locator("#f-letter").locator("xpath=..").locator(".field-error"))
                .containsText("[[ev-order-book-missing]] names no claim or evidence item");
        assertThat(page.locator(".error-summary a[href='#f-letter']")).isVisible();
        assertThat(page.getByLabel("Why designating the subject matters")).hasValue("His son studies abroad [[fam-abdigaliyev-son]].");
        screen(page, "24-counsel-text-dangling");
        page.getByLabel("Request letter").fill("We ask for the designation of Nurlan Abdigaliyev [[post-abdigaliyev]], on the"
                + " evidence of the order book [[ev-regiment-order-book]].");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 1");
        assertThat(page.locator("#versions-h")).isVisible();

        // the dossier prints it; its author cannot approve it, a second member of counsel can
        page.navigate("/dossiers");
        page.getByLabel("Subject (a person's id)").fill("p-abdigaliyev");
        page.getByLabel("Regime").selectOption("us-glomag");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the dossier")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Open dossier")))
                .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Open dossier"))).click();
        String dossierUrl = page.url();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve for submission")).click();
        assertThat(page.locator("#approve")).containsText("another member of counsel must approve it");
        String id = page.locator("#dossier-h").textContent().replace("Dossier ", "").strip();
        page.context().close();

        Page second = browser.signedIn(reviewer);
        second.navigate("/dossiers/" + id);
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve for submission")).click();
        assertThat(second.getByRole(AriaRole.STATUS)).containsText("Approved by you");
        assertThat(second.locator("dl.pairs")).containsText("Approved by " + reviewer);
        screen(second, "25-dossier-approved");
        assertTrue(dossierUrl.contains("/dossiers/"), dossierUrl);
        second.context().close();
    }
}
