package org.chainline.dossier.content;

import org.chainline.cases.Scope;
import org.chainline.counsel.Citation;
import org.chainline.counsel.CounselText;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.regime.Labels;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Counsel's text as the dossier prints it: each {@code [[evidence]]} becomes its register number ("E4"), each
 * {@code [[claim]]} the claim and its evidence ("post-otegulov: E1, E2"). A citation of a claim the dossier does not
 * rest on (not yet accepted, or rejected since) is printed as such and listed, and keeps the dossier from approval.
 */
final class CounselWords {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    private final EvidenceRegister register;
    private final Review review;
    private final Labels labels;
    private final Map<String, Views.Step> claims = new LinkedHashMap<>();
    private final Set<String> unresolved = new LinkedHashSet<>();

    private CounselWords(EvidenceRegister register, Review review, Labels labels) {
        this.register = register;
        this.review = review;
        this.labels = labels;
    }

    static DossierContent.Counsel of(CounselText t, EvidenceRegister register, Review review, LiabilityPaths liability,
                                     Set<String> evidence, Set<String> incidents, Labels labels) {
        CounselWords words = new CounselWords(register, review, labels);
        List<String> cited = new ArrayList<>();
        List<String> texts = new ArrayList<>(Arrays.asList(t.letter(), t.summary(), t.impact()));
        texts.addAll(t.incidents().values());
        for (String text : texts) {
            Citation.in("", text).stream().map(Citation::id).filter(id -> !evidence.contains(id)).forEach(cited::add);
        }
        liability.claims(UNBOUNDED, cited).forEach(s -> words.claims.put(s.claim(), s));
        List<DossierContent.IncidentNote> notes = new ArrayList<>();
        t.incidents().forEach((incident, text) -> {
            if (incidents.contains(incident)) {
                notes.add(new DossierContent.IncidentNote(incident, words.resolve(text, evidence)));
            }
        });
        return new DossierContent.Counsel(t.version(), t.author(), t.writtenAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                words.resolve(t.letter(), evidence), words.resolve(t.summary(), evidence), words.resolve(t.impact(), evidence), notes,
                List.copyOf(words.unresolved));
    }

    private String resolve(String text, Set<String> evidence) {
        if (text == null) {
            return null;
        }
        Matcher m = Citation.MARK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            String printed;
            if (evidence.contains(id)) {
                printed = labels.get(Labels.Key.EVIDENCE_NUMBER, "n", register.number(id));
            } else if (claims.containsKey(id) && review.shown(id)) {
                List<String> numbers = register.cite(id, claims.get(id).citations()).stream().map(DossierContent.Cite::register)
                        .distinct().map(n -> labels.get(Labels.Key.EVIDENCE_NUMBER, "n", n)).toList();
                printed = numbers.isEmpty() ? id : id + ": " + String.join(", ", numbers);
            } else {
                unresolved.add(id);
                printed = labels.get(Labels.Key.COUNSEL_UNRESOLVED, "id", id);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(" + printed + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
