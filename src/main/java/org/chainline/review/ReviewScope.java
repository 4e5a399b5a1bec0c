package org.chainline.review;

import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.holdings.Holdings;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.registry.Records;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The claims a dossier about a subject may rest on: those on the subject's liability paths, those about the subject
 * (postings, family, holdings...), and those its holdings reach through relatives and companies.
 */
@Singleton
public class ReviewScope {



    private final Records records;
    private final LiabilityPaths liability;
    private final Holdings holdings;

    ReviewScope(Records records, LiabilityPaths liability, Holdings holdings) {
        this.records = records;
        this.liability = liability;
        this.holdings = holdings;
    }

    public Set<String> ofSubject(Scope scope, String subject) {
        try {
            records.get(scope, records.model().type("Person").orElseThrow(), subject);
        } catch (NotFound e) {
            throw new InvalidInput("subject", "is not a person's id: " + subject);
        }
        Set<String> ids = new LinkedHashSet<>();
        Views.PersonLiability links = liability.ofPerson(scope, subject, LiabilityPaths.DEFAULT_DEPTH);
        for (Views.Link link : links.incidents()) {
            for (Views.Path path : link.paths()) {
                path.steps().forEach(s -> ids.add(s.claim()));
            }
        }
        records.claimsAbout(scope, subject).forEach(c -> ids.add(c.path("id").asText()));
        ids.addAll(holdings.of(scope, subject).claims());
        return ids;
    }
}
