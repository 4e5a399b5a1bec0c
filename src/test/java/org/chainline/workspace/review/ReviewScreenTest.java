package org.chainline.workspace.review;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.review.ClaimReviews;
import org.chainline.review.ReviewState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review screen over HTTP: the queue, a decision's 303 and the page that says it, a refusal with every error at once. */
@MicronautTest(transactional = false)
class ReviewScreenTest extends ChainlineTest {

    @Inject
    TestApplication app;
    @Inject
    ClaimReviews reviews;

    String counsel;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        counsel = app.token(Roles.COUNSEL);
    }

    @Test
    void aDecisionWithoutClaimsOrTheNoteItNeedsIsRefusedWithBothErrorsAtOnce() {
        TestApplication.Answer refused = app.form("/review", counsel, Map.of("decision", "reject", "note", ""));
        assertEquals(422, refused.status());
        String page = refused.body();
        assertTrue(page.contains("href=\"#f-claims\"") && page.contains("href=\"#f-note\""), "both in the summary: " + page);
        assertTrue(page.contains("Claims to decide on must include at least one claim") && page.contains("Note is required to reject a claim"), page);
        assertEquals(2, page.split("class=\"field-error\"", -1).length - 1, "each at its field");
    }

    @Test
    void aDecisionAnswers303ToTheQueueThatSaysWhatWasDone() {
        ReviewState claim = reviews.all(org.chainline.TestCases.OPERATOR, "someone else").values().stream().filter(s -> s.state().equals(ReviewState.PROPOSED))
                .findFirst().orElseThrow();
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("claim", claim.claim() + "@" + claim.version());
        sent.put("decision", "accept");
        TestApplication.Answer decided = app.form("/review", counsel, sent);
        assertEquals(303, decided.status(), decided.body());
        assertEquals("/review?done=accept%3A1", decided.location());
        assertTrue(app.page(decided.location(), counsel).body().contains("1 claim accepted."));
        sent.put("claim", claim.claim() + "@" + (claim.version() + 1));
        TestApplication.Answer stale = app.form("/review", counsel, sent);
        assertEquals(422, stale.status(), "a decision on another version than the claim's is refused at the claims");
        assertTrue(stale.body().contains("href=\"#f-claims\"") && stale.body().contains("read it again before deciding"), stale.body());
    }

    @Test
    void theQueueOfAnUnknownPersonSaysSoAtTheSubject() {
        assertEquals(200, app.page("/review", counsel).status());
        TestApplication.Answer unknown = app.page("/review?subject=p-nobody", counsel);
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("href=\"#f-subject\""), unknown.body());
        assertEquals(403, app.page("/review", app.token(Roles.VIEWER)).status(), "review is counsel's");
    }
}
