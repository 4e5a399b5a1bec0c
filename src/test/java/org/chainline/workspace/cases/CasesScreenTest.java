package org.chainline.workspace.cases;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cases room over HTTP: a member reads its cases, what each holds and who is in it; counsel opens a case and adds
 * members; an administrator administers members without reading the case; one outside a case finds no trace of it.
 */
@MicronautTest(transactional = false)
class CasesScreenTest extends ChainlineTest {

    @Inject
    TestApplication app;

    @BeforeAll
    void setUp() {
        app.loadDemo();
    }

    @Test
    void aMemberReadsItsCaseWhatItHoldsAndWhoIsInIt() {
        String viewer = app.token(Roles.VIEWER);
        TestApplication.Answer list = app.page("/cases", viewer);
        assertEquals(200, list.status());
        assertTrue(list.body().contains("/cases/" + DemoCase.CASE) && list.body().contains("Tamyr crackdown"), list.body());
        assertFalse(list.body().contains("Open a case"), "a viewer opens no case");
        TestApplication.Answer page = app.page("/cases/" + DemoCase.CASE, viewer);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("What it holds") && page.body().contains("Posting"), page.body());
        assertTrue(page.body().contains("await review") || page.body().contains("awaits review"), page.body());
        assertTrue(page.body().contains("demo-reviewer"), "its members are listed");
        assertFalse(page.body().contains("Add a member"), "a viewer adds nobody");
    }

    @Test
    void counselOpensACaseAndAddsAMemberAndOneOutsideItFindsNothing() {
        TestLogins.Login counsel = TestLogins.loginFor(app.accounts(), app.client(), Roles.COUNSEL);
        TestLogins.Login outsider = TestLogins.loginInNoCase(app.accounts(), app.client(), Roles.ANALYST);
        TestApplication.Answer refused = app.form("/cases", counsel.token(), Map.of("title", ""));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("f-title") && refused.body().contains("There is a problem"), refused.body());
        TestApplication.Answer opened = app.form("/cases", counsel.token(), Map.of("title", "Kestrel airfield detentions",
                "summary", "Detentions at the airfield, April", "reason", "a new lead"));
        assertEquals(303, opened.status(), opened.body());
        String casePage = opened.location();
        assertTrue(casePage.startsWith("/cases/case-"), casePage);
        // the outsider finds no trace of it: not in its list, and its page answers as a case that does not exist
        assertFalse(app.page("/cases", outsider.token()).body().contains("Kestrel"));
        assertEquals(404, app.page(casePage, outsider.token()).status());
        assertEquals(404, app.page("/cases/case-nothing-here", outsider.token()).status());
        // counsel adds the outsider as a guest; nobody adds themself
        Map<String, String> self = new LinkedHashMap<>();
        self.put("account", counsel.username());
        self.put("role", "viewer");
        TestApplication.Answer selfAdded = app.form(casePage + "/members", counsel.token(), self);
        assertEquals(422, selfAdded.status());
        assertTrue(selfAdded.body().contains("no one adds themself"), selfAdded.body());
        Map<String, String> guest = new LinkedHashMap<>();
        guest.put("account", outsider.username());
        guest.put("role", "viewer");
        guest.put("until", java.time.LocalDate.now().plusDays(30).toString());
        guest.put("reason", "reads the detentions");
        assertEquals(303, app.form(casePage + "/members", counsel.token(), guest).status());
        TestApplication.Answer asGuest = app.page(casePage, outsider.token());
        assertEquals(200, asGuest.status());
        assertTrue(asGuest.body().contains("Detentions at the airfield") && asGuest.body().contains("Leave the case"), asGuest.body());
        // an administrator administers the members and reads nothing the case holds
        String admin = app.token(Roles.ADMIN);
        TestApplication.Answer administered = app.page(casePage, admin);
        assertEquals(200, administered.status());
        assertTrue(administered.body().contains(outsider.username()) && administered.body().contains("membership"), administered.body());
        assertFalse(administered.body().contains("Add a member"), "an owner adds members to a case that has one, not an administrator");
        assertFalse(administered.body().contains("Detentions at the airfield") || administered.body().contains("What it holds"),
                administered.body());
        // the guest leaves, and the case is gone for it at once
        assertEquals(303, app.form(casePage + "/members/" + outsider.username() + "/end", outsider.token(), Map.of()).status());
        assertEquals(404, app.page(casePage, outsider.token()).status());
    }
}
