package org.chainline.review;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Scope;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Problems;
import org.chainline.registry.ProtectedNames;
import org.chainline.registry.Records;
import org.chainline.registry.model.RecordType;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Claim review: every decision (accept, reject, dispute) and every "leave for now" is a journal entry with who, when
 * and why, bound to the version of the claim it was made on, so a change to a claim makes it proposed again. Under
 * four eyes, who wrote or last changed a claim cannot accept it.
 */
@Singleton
public class ClaimReviews {

    /** The journal kinds that change what a dossier may say (a decision; a deferral changes nothing in it). */
    public static final List<String> DECIDING = List.of(ReviewStore.REVIEWED);
    private static final int MAX_BATCH = 500;

    private final Journal journal;
    private final Records records;
    private final TransactionOperations<Connection> transactions;
    private final ReviewSettings settings;
    private final List<String> claimTypes;
    private final ProtectedNames protectedNames;

    ClaimReviews(Journal journal, Records records, TransactionOperations<Connection> transactions, ReviewSettings settings,
                 ProtectedNames protectedNames) {
        this.protectedNames = protectedNames;
        this.journal = journal;
        this.records = records;
        this.transactions = transactions;
        this.settings = settings;
        this.claimTypes = records.model().types().stream().filter(RecordType::claim).map(RecordType::name).toList();
    }

    public boolean fourEyes() {
        return settings.fourEyes();
    }

    /** One claim to decide on, and the version the reviewer saw (null: whatever it is now). */
    public record Item(String claim, Integer version) {
    }

    /**
     * Decides on claims, all or none: {@code decision} is accept, reject, dispute, or defer ("leave for now", which
     * changes no state and puts the claim after the others in this reviewer's queue). A note is required to reject or
     * dispute. A claim whose version is not the one the reviewer saw is refused, as is accepting one's own claim.
     */
    public List<ReviewState> decide(Scope scope, List<Item> items, Decision decision, String note) {
        String actor = scope.reader();
        Problems problems = new Problems();
        if (decision == null) {
            problems.add("decision", "is required");
        }
        if (items == null || items.isEmpty()) {
            problems.add("claims", "must include at least one claim to decide on");
        } else if (items.size() > MAX_BATCH) {
            problems.add("claims", "must name at most " + MAX_BATCH + " claims at once");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 4000) {
            problems.add("note", "must be at most 4000 characters");
        } else if (why == null && decision != null && decision.needsNote()) {
            problems.add("note", "is required to " + decision.word() + " a claim: say why");
        } else if (protectedNames.named(actor, "note", why)) {
            // a disputed claim's note is printed in the dossier's exculpatory section
            problems.add("note", "names a protected identity (a witness, protected victim or source): refer to them by pseudonym only");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Item i : items == null || problems.has("claims") ? List.<Item>of() : items) {
            if (i == null || i.claim() == null || i.claim().isBlank()) {
                problems.add("claims", "each must name a claim by its id");
                break;
            }
            if (!ids.add(i.claim())) {
                problems.add("claims", "names " + clip(i.claim()) + " twice");
                break;
            }
        }
        problems.refuseIfAny();
        journal.write(actor, why, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            Map<String, ReviewState> now = ReviewStore.states(batch.connection(), claimTypes, ids, Long.MAX_VALUE, actor, scope);
            // a claim is decided on by counsel of its case; one the reader does not see is not there for it
            Scope deciding = scope.isEveryCase() ? scope : Scope.of(actor, scope.casesWhere(CaseRole.COUNSEL).stream()
                    .collect(Collectors.toMap(c -> c, c -> CaseRole.COUNSEL)));
            Set<String> decidable = scope.isEveryCase() ? now.keySet()
                    : ReviewStore.states(batch.connection(), claimTypes, ids, Long.MAX_VALUE, actor, deciding).keySet();
            for (Item i : items) {
                ReviewState state = now.get(i.claim());
                if (state == null) {
                    throw new NotFound("claim", i.claim());
                }
                if (!decidable.contains(i.claim())) {
                    throw new Forbidden("claims", i.claim() + " is decided on by counsel of its case, which you are not");
                }
                if (i.version() != null && i.version() != state.version()) {
                    throw new Conflict("version", i.claim() + " was changed since you saw it (version " + i.version()
                            + ", now " + state.version() + "): read it again before deciding");
                }
                if (decision == Decision.ACCEPT && settings.fourEyes() && state.writtenBy(actor)) {
                    throw new Forbidden("claims", i.claim() + ": you wrote a version of this claim, so someone who wrote none"
                            + " of its versions must accept it");
                }
                long contentSeq = state.contentSeq();
                var payload = Json.MAPPER.createObjectNode().put("claim", i.claim()).put("version", state.version())
                        .put("contentSeq", contentSeq);
                var reached = decision.state();
                if (reached.isEmpty()) {
                    payload.put("note", why);
                    batch.add(new Change(ReviewStore.DEFERRED, i.claim(), new Change.Json(payload.toString())));
                } else {
                    payload.put("decision", reached.get()).put("note", why).put("fourEyes", settings.fourEyes());
                    batch.add(new Change(ReviewStore.REVIEWED, i.claim(), new Change.Json(payload.toString())));
                }
            }
            return null;
        });
        return List.copyOf(states(scope, ids, actor).values());
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }


    /**
     * The review states of these claims now, of those the scope sees (unknown, retired or unseen ids left out);
     * {@code reviewer} for "left for now".
     */
    public Map<String, ReviewState> states(Scope scope, Collection<String> ids, String reviewer) {
        return transactions.executeRead(status -> ReviewStore.states(status.getConnection(), claimTypes, ids, Long.MAX_VALUE,
                reviewer, scope));
    }

    /** The review states of these claims as of journal position {@code upTo} (a dossier's position). */
    public Map<String, ReviewState> statesAsOf(Scope scope, Collection<String> ids, long upTo) {
        return transactions.executeRead(status -> ReviewStore.states(status.getConnection(), claimTypes, ids, upTo, null, scope));
    }

    /** Every live claim's state that the scope sees, in the order they were made. */
    public Map<String, ReviewState> all(Scope scope, String reviewer) {
        return transactions.executeRead(status -> ReviewStore.states(status.getConnection(), claimTypes, null, Long.MAX_VALUE,
                reviewer, scope));
    }

    public ReviewState state(Scope scope, String claim) {
        ReviewState s = states(scope, List.of(claim), null).get(claim);
        if (s == null) {
            throw new NotFound("claim", claim);
        }
        return s;
    }

    public List<ReviewEvent> history(Scope scope, String claim) {
        state(scope, claim);
        return transactions.executeRead(status -> ReviewStore.history(status.getConnection(), claim));
    }

    /**
     * The queue: the claims still proposed among {@code claims} (all claims when null) that the scope sees, those this reviewer left for
     * now after the others, each group in the order the claims were made, so a reviewer resumes where they stopped.
     */
    public List<ReviewState> queue(Scope scope, Collection<String> claims, String reviewer) {
        Map<String, ReviewState> states = claims == null ? all(scope, reviewer) : states(scope, claims, reviewer);
        List<ReviewState> first = new ArrayList<>();
        List<ReviewState> later = new ArrayList<>();
        for (ReviewState s : states.values()) {
            if (s.state().equals(ReviewState.PROPOSED)) {
                (s.deferredBy() == null ? first : later).add(s);
            }
        }
        first.addAll(later);
        return first;
    }
}
