package org.chainline.workspace.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.Refusal;
import org.chainline.review.ClaimReviews;
import org.chainline.review.Decision;
import org.chainline.review.ReviewScope;
import org.chainline.review.ReviewState;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The review queue for counsel: the claims still proposed, each beside its evidence, decided one by one or in bulk
 * (accept, reject, dispute, or leave for now, with a note), in an order that resumes where the reviewer stopped.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class ReviewPages {

    static final int PAGE = 50;

    private final ClaimReviews reviews;
    private final ReviewScope scope;
    private final LiabilityPaths liability;

    private final CaseAccess access;

    ReviewPages(ClaimReviews reviews, ReviewScope scope, LiabilityPaths liability, CaseAccess access) {
        this.access = access;
        this.reviews = reviews;
        this.scope = scope;
        this.liability = liability;
    }

    private ReviewView view(Authentication who, String subject, List<FieldError> errors, List<String> chosen, String decision,
                            String note, String done) {
        List<ReviewState> queue = reviews.queue(access.scope(who), subject.isEmpty() ? null : scope.ofSubject(access.scope(who), subject), who.getName());
        List<ReviewState> page = queue.subList(0, Math.min(PAGE, queue.size()));
        Map<String, Views.Step> steps = liability.claims(access.scope(who), page.stream().map(ReviewState::claim).toList()).stream()
                .collect(Collectors.toMap(Views.Step::claim, Function.identity(), (a, b) -> a));
        List<ReviewView.Item> items = new ArrayList<>();
        for (ReviewState s : page) {
            Views.Step step = steps.get(s.claim());
            items.add(new ReviewView.Item(s, step == null ? s.type() + " " + s.claim() : step.summary(),
                    step == null ? "possible" : step.strength().word(), step == null ? List.of() : step.citations(),
                    reviews.fourEyes() && s.writtenBy(who.getName())));
        }
        return new ReviewView(Chrome.of(who, "review"), new ReviewView.Queue(subject, items, queue.size()),
                new ReviewView.Decided(chosen, decision, note), errors, done, reviews.fourEyes());
    }

    @Secured(Roles.COUNSEL)
    @Get("/review")
    HttpResponse<?> queue(@QueryValue @Nullable String subject, @QueryValue @Nullable String done, Authentication who) {
        String s = subject == null ? "" : subject.strip();
        try {
            return HttpResponse.ok(new ModelAndView<>("review/review", view(who, s, List.of(), List.of(), "accept", "", doneMessage(done))));
        } catch (Refusal e) {
            return FormAnswers.again("review/review", view(who, "", FormAnswers.errors(e, f -> "subject"), List.of(), "accept", "", null));
        }
    }

    /**
     * What a decision just did, in the application's words, from its code ({@code accept:3}); anything else in the link
     * is not shown, so that nobody can send a link that makes the page say what they like.
     */
    static String doneMessage(@Nullable String code) {
        if (code == null || !code.matches("[a-z]{1,10}:[0-9]{1,4}")) {
            return null;
        }
        int count = Integer.parseInt(code.substring(code.indexOf(':') + 1));
        return Decision.of(code.substring(0, code.indexOf(':'))).map(d -> count + (count == 1 ? " claim " : " claims ")
                + switch (d) {
                    case ACCEPT -> "accepted";
                    case REJECT -> "rejected";
                    case DISPUTE -> "disputed";
                    case DEFER -> "left for now: they come after the others in your queue";
                } + ".").orElse(null);
    }

    @Secured(Roles.COUNSEL)
    @Post(value = "/review", consumes = MediaType.ALL)
    HttpResponse<?> decide(@Body @Nullable String body, Authentication who) {
        Form form = Form.parse(body);
        String subject = form.get("subject", "").strip();
        List<String> chosen = form.all("claim");
        String decision = form.get("decision", "");
        String note = form.get("note", "");
        List<ClaimReviews.Item> items = new ArrayList<>();
        for (String c : chosen) {
            int at = c.lastIndexOf('@');
            Integer version = null;
            if (at > 0) {
                try {
                    version = Integer.valueOf(c.substring(at + 1));
                } catch (NumberFormatException e) {
                    version = -1; // refused below as a stale version
                }
            }
            items.add(new ClaimReviews.Item(at > 0 ? c.substring(0, at) : c, version));
        }
        try {
            List<ReviewState> decided = reviews.decide(access.scope(who), items, Decision.parse("decision", decision), note);
            // the page says what was done from this code, never from text a link could carry to someone else
            UriBuilder back = UriBuilder.of("/review").queryParam("done", decision + ":" + decided.size());
            if (!subject.isEmpty()) {
                back.queryParam("subject", subject);
            }
            return FormAnswers.shown(back.build());
        } catch (Refusal e) {
            // a claim's stale version is said at the claims it was ticked among
            List<FieldError> errors = FormAnswers.errors(e, f -> f == null || f.equals("version") ? "claims" : f, FieldError::control,
                    f -> f.equals("claims") ? "claims to decide on" : FieldError.label(f));
            return FormAnswers.again("review/review", view(who, subject, errors, chosen, decision, note, null));
        }
    }
}
