package org.chainline.workspace.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.liability.CitedEvidence;
import org.chainline.review.ReviewState;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * The review queue: the claims still proposed (of one subject, or all), those the reviewer left for now last, each
 * with what it says and the evidence it cites; the decision form; what was just decided.
 */
@Introspected
public record ReviewView(Chrome chrome, Queue queue, Decided form, List<FieldError> errors, @Nullable String done,
                         boolean fourEyes) implements Page {

    /** The claims waiting, for one person's dossier (or every claim): the page's share of them and how many wait. */
    public record Queue(String subject, List<Item> items, int total) {
    }

    /** The decision form as sent: the claims ticked, the decision and the note. */
    public record Decided(List<String> chosen, String decision, String note) {
    }

    /** One claim in the queue; {@code own}: the reviewer wrote it, so cannot accept it under four eyes. */
    @Introspected
    public record Item(ReviewState review, String summary, String strength, List<CitedEvidence> citations, boolean own) {

        /** The checkbox value: the claim and the version the reviewer sees. */
        public String value() {
            return review.claim() + "@" + review.version();
        }
    }
}
