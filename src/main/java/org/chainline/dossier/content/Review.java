package org.chainline.dossier.content;

import org.chainline.cases.Scope;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Strength;
import org.chainline.liability.Views;
import org.chainline.review.ReviewState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a dossier may say of each claim, from its review state as of the dossier's position: a rejected claim is never
 * shown; a proposed one only in a draft; a disputed one is shown as disputed (its path too) and in the exculpatory
 * section; an accepted one as reviewed.
 */
final class Review {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    private final Map<String, ReviewState> states;
    /** Reads the state of a claim outside the scope read at first (a commander in a chart), as of the same position. */
    private final Function<String, ReviewState> later;
    private final boolean draft;
    private final boolean fourEyes;
    private final Collection<String> scope;

    Review(Map<String, ReviewState> states, Function<String, ReviewState> later, boolean draft,
           boolean fourEyes, Collection<String> scope) {
        this.states = new HashMap<>(states);
        this.later = later;
        this.draft = draft;
        this.fourEyes = fourEyes;
        this.scope = scope;
    }

    String state(String claim) {
        ReviewState s = states.computeIfAbsent(claim, later);
        return s == null ? ReviewState.PROPOSED : s.state();
    }

    String reviewer(String claim) {
        ReviewState s = states.get(claim);
        return s == null ? null : s.reviewedBy();
    }

    String note(String claim) {
        ReviewState s = states.get(claim);
        return s == null ? null : s.note();
    }

    /** Whether a path may run through the claim (a disputed claim is shown, as disputed). */
    boolean shown(String claim) {
        String state = state(claim);
        return state.equals(ReviewState.ACCEPTED) || state.equals(ReviewState.DISPUTED) || draft && state.equals(ReviewState.PROPOSED);
    }

    /** Whether the dossier may state what the claim says as a fact of the subject (a post held, a relative, a holding). */
    boolean asserted(String claim) {
        String state = state(claim);
        return state.equals(ReviewState.ACCEPTED) || draft && state.equals(ReviewState.PROPOSED);
    }

    /** The path with its disputed claims' strength disputed, and so the path's. */
    Views.Path disputing(Views.Path p) {
        if (p.steps().stream().noneMatch(s -> state(s.claim()).equals(ReviewState.DISPUTED))) {
            return p;
        }
        List<Views.Step> steps = new ArrayList<>();
        String first = null;
        for (Views.Step s : p.steps()) {
            if (state(s.claim()).equals(ReviewState.DISPUTED)) {
                first = first == null ? s.claim() : first;
                steps.add(new Views.Step(s.claim(), s.type(), s.summary(), s.research(), Strength.DISPUTED,
                        "disputed in review", s.validity(), s.start(), s.end(), s.citations()));
            } else {
                steps.add(s);
            }
        }
        return new Views.Path(p.mode(), p.involvement(), Strength.DISPUTED, "its claim " + first + " is disputed in review",
                p.datesCertain(), p.depth(), p.units(), steps, p.elements());
    }

    /** The content's account: how many claims it rests on, how many proposed ones it left out, and (a draft) which. */
    DossierContent.Review summary(LiabilityPaths liability) {
        int accepted = 0;
        List<String> proposed = new ArrayList<>();
        for (String claim : scope) {
            String state = state(claim);
            if (state.equals(ReviewState.ACCEPTED)) {
                accepted++;
            } else if (state.equals(ReviewState.PROPOSED)) {
                proposed.add(claim);
            }
        }
        List<DossierContent.Unreviewed> unreviewed = new ArrayList<>();
        if (draft && !proposed.isEmpty()) {
            for (Views.Step s : liability.claims(UNBOUNDED, proposed)) {
                unreviewed.add(new DossierContent.Unreviewed(s.claim(), s.type(), s.summary()));
            }
            unreviewed.sort(Comparator.comparing(DossierContent.Unreviewed::claim));
        }
        return new DossierContent.Review(fourEyes, draft, accepted, draft ? 0 : proposed.size(), unreviewed);
    }
}
