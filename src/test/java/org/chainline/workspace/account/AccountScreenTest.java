package org.chainline.workspace.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.security.IssuedPassword;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in and changing one's password over HTTP: every field's error at once, at its field; success goes on. */
@MicronautTest(transactional = false)
class AccountScreenTest extends ChainlineTest {

    @Inject
    TestApplication app;

    @Test
    void aPasswordChangeWithThreeMistakesShowsAllThreeAtTheirFields() {
        String token = app.token(Roles.VIEWER);
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("currentPassword", "not my password");
        sent.put("newPassword", "short");
        sent.put("confirmPassword", "shorter");
        TestApplication.Answer refused = app.form("/password", token, sent);
        assertEquals(422, refused.status());
        String page = refused.body();
        for (String field : new String[]{"currentPassword", "newPassword", "confirmPassword"}) {
            assertTrue(page.contains("id=\"" + field + "-error\"") && page.contains("href=\"#" + field + "\""), field + ": " + page);
        }
        assertTrue(page.contains("Current or one-time password is not the current password"), page);
        assertTrue(page.contains("New password again is not the same as the new password"), page);

        sent.put("currentPassword", TestLogins.PASSWORD);
        sent.put("newPassword", "a viewer's own long password");
        sent.put("confirmPassword", "a viewer's own long password");
        TestApplication.Answer changed = app.form("/password", token, sent);
        assertEquals(303, changed.status(), changed.body());
        assertEquals("/", changed.location());
    }

    @Test
    void anAdministratorWithoutAReadersRoleIsToldWhatTheyCanDoNotSentRoundInCircles() {
        // the home page was forbidden to them and every forbidden page sent the browser home: "/" → "/" → "/" ...
        TestApplication.Answer home = app.page("/", app.token(Roles.ADMIN));
        assertEquals(403, home.status(), home.headers().toString());
        assertTrue(home.body().contains("Administrators manage accounts and keys and do not read case material"), home.body());
    }

    @Test
    void signingInSaysWhichFieldIsWrongAndGoesOnToThePasswordFormWithAOneTimePassword() {
        TestApplication.Answer empty = app.form("/sign-in", null, Map.of("username", "", "password", ""));
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("id=\"username-error\""), empty.body());
        IssuedPassword issued = app.accounts().create("tester", "screen-newcomer", Set.of(Roles.ANALYST));
        TestApplication.Answer wrong = app.form("/sign-in", null, Map.of("username", "screen-newcomer", "password", "not it"));
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("not right"), wrong.body());
        TestApplication.Answer first = app.form("/sign-in", null, Map.of("username", "screen-newcomer", "password", issued.oneTimePassword()));
        assertEquals(303, first.status());
        assertEquals("/password", first.location());
        assertTrue(first.headers().get("set-cookie").startsWith("chainline-session="), first.headers().toString());
    }
}
