package org.chainline.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.Scope;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Claim review: the queue (all claims, or a subject's), decisions one by one or in bulk, and a claim's history. */
@Controller("/api")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
class ReviewController {


    private final ClaimReviews reviews;
    private final ReviewScope scope;
    private final LiabilityPaths liability;

    private final CaseAccess access;

    ReviewController(ClaimReviews reviews, ReviewScope scope, LiabilityPaths liability, CaseAccess access) {
        this.access = access;
        this.reviews = reviews;
        this.scope = scope;
        this.liability = liability;
    }

    /** A claim in the queue: where it stands, what it says, and the evidence it cites. */
    @Serdeable
    record QueueItem(ReviewState review, Views.Step claim) {
    }

    @Operation(summary = "The review queue: proposed claims (of a subject, or all), those you left for now last")
    @Secured(Roles.VIEWER)
    @Get("/reviews")
    List<QueueItem> queue(@QueryValue @Nullable String subject, @QueryValue @Nullable String state,
                          @QueryValue(defaultValue = "100") int limit, Authentication who) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInput("limit", "must be between 1 and 500");
        }
        List<ReviewState> states;
        Scope reader = access.scope(who);
        if (state == null || state.equals(ReviewState.PROPOSED)) {
            states = reviews.queue(reader, subject == null ? null : scope.ofSubject(reader, subject), who.getName());
        } else if (List.of("all", ReviewState.ACCEPTED, ReviewState.REJECTED, ReviewState.DISPUTED).contains(state)) {
            Map<String, ReviewState> all = subject == null ? reviews.all(reader, who.getName())
                    : reviews.states(reader, scope.ofSubject(reader, subject), who.getName());
            states = all.values().stream().filter(s -> state.equals("all") || s.state().equals(state)).toList();
        } else {
            throw new InvalidInput("state", "must be proposed, accepted, rejected, disputed or all (it is '" + state + "')");
        }
        List<ReviewState> page = states.subList(0, Math.min(limit, states.size()));
        Map<String, Views.Step> steps = liability.claims(reader, page.stream().map(ReviewState::claim).toList()).stream()
                .collect(Collectors.toMap(Views.Step::claim, Function.identity(), (a, b) -> a));
        List<QueueItem> out = new ArrayList<>();
        for (ReviewState s : page) {
            out.add(new QueueItem(s, steps.get(s.claim())));
        }
        return out;
    }

    @Operation(summary = "Decide on claims, all or none: accept, reject, dispute (a note is required) or defer (leave for now)")
    @Secured(Roles.COUNSEL)
    @Post("/reviews")
    List<ReviewState> decide(@Body @Nullable String body, Authentication who) {
        ObjectNode json = JsonBody.object(body);
        JsonNode claims = json.get("claims");
        if (claims == null || !claims.isArray()) {
            throw new InvalidInput("claims", "is required: a list of claim ids, or of {\"claim\": id, \"version\": n}");
        }
        List<ClaimReviews.Item> items = new ArrayList<>();
        for (JsonNode c : claims) {
            if (c.isTextual()) {
                items.add(new ClaimReviews.Item(c.asText(), null));
            } else if (c.isObject() && c.path("claim").isTextual() && (c.path("version").isMissingNode() || c.path("version").canConvertToInt())) {
                items.add(new ClaimReviews.Item(c.get("claim").asText(), c.has("version") ? c.get("version").asInt() : null));
            } else {
                throw new InvalidInput("claims", "each must be a claim id or {\"claim\": id, \"version\": n}");
            }
        }
        return reviews.decide(access.scope(who), items, Decision.parse("decision", JsonBody.text(json, "decision")),
                JsonBody.text(json, "note"));
    }

    @Operation(summary = "Where a claim stands in review, and every decision on it")
    @Secured(Roles.VIEWER)
    @Get("/claims/{id}/review")
    ClaimReview review(@PathVariable String id, Authentication who) {
        Scope reader = access.scope(who);
        return new ClaimReview(reviews.state(reader, id), reviews.history(reader, id));
    }

    @Serdeable
    record ClaimReview(ReviewState state, List<ReviewEvent> history) {
    }
}
