package org.chainline.dossier.content;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.counsel.Citation;
import org.chainline.counsel.CounselTexts;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.holdings.Holdings;
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Strength;
import org.chainline.liability.Views;
import org.chainline.refusal.Conflict;
import org.chainline.regime.Labels;
import org.chainline.regime.Regime;
import org.chainline.regime.Wording;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.Records;
import org.chainline.review.ClaimReviews;
import org.chainline.review.ReviewState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Assembles a dossier's content from the record (records, liability paths, chains of command at each incident date,
 * the evidence locker's custody) for one subject, regime and audience. Pure data: nothing here draws, and nothing
 * here reads a protected identity.
 */
@Singleton
public class DossierAssembler {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    private final Records records;
    private final LiabilityPaths liability;
    private final ChainOfCommand chains;
    private final EvidenceLocker locker;
    private final ClaimReviews reviews;
    private final Holdings holdings;
    private final CounselTexts counselTexts;
    private final EvidenceHashes hashes;

    DossierAssembler(Records records, LiabilityPaths liability, ChainOfCommand chains, EvidenceLocker locker,
                     ClaimReviews reviews, Holdings holdings,
                     CounselTexts counselTexts, EvidenceHashes hashes) {
        this.hashes = hashes;
        this.counselTexts = counselTexts;
        this.reviews = reviews;
        this.holdings = holdings;
        this.records = records;
        this.liability = liability;
        this.chains = chains;
        this.locker = locker;
    }

    /** What the cover says beyond the record: identity of the dossier and its position in the journal. */
    public record Request(String dossierId, String subject, Regime regime, Wording wording, Labels labels, String audience,
                          String organisation, String contact, long position, String positionHash, String dataAsOf,
                          int version, boolean draft, List<String> annexed) {
    }

    public DossierContent assemble(Request request) {
        boolean publicAudience = request.audience().equals("public");
        Wording wording = request.wording();
        Labels labels = request.labels();
        Regime regime = request.regime();
        RecordReads reads = new RecordReads(records);
        EvidenceRegister register = new EvidenceRegister(reads, locker, labels, hashes);
        JsonNode person = reads.get("Person", request.subject());
        Views.PersonLiability links = liability.ofPerson(UNBOUNDED, request.subject(), LiabilityPaths.DEFAULT_DEPTH);
        Set<String> sameAs = new LinkedHashSet<>(List.of(request.subject()));
        links.incidents().forEach(l -> l.alsoKnownAs().forEach(r -> sameAs.add(r.id())));
        Holdings.Reach reach = holdings.of(UNBOUNDED, request.subject());
        Review review = review(request, links, reach);

        DossierContent.Subject subject = subject(reads, person, links, register, labels, review, reach);
        List<DossierContent.Allegation> allegations = new ArrayList<>();
        List<DossierContent.CommandChart> charts = new ArrayList<>();
        List<DossierContent.CriterionRow> criteria = new ArrayList<>();
        List<DossierContent.ExculpatoryItem> exculpatory = new ArrayList<>();
        for (Views.Link link : links.incidents()) {
            JsonNode incident = reads.get("Incident", link.incident().id());
            List<DossierContent.Violation> violations = new ArrayList<>();
            for (JsonNode v : incident.path("violations")) {
                violations.add(new DossierContent.Violation(v.asText(), regime.covers().get(v.asText())));
            }
            if (violations.stream().allMatch(v -> v.criterion() == null)) {
                continue; // nothing this regime covers
            }
            List<DossierContent.VictimRef> victims = victims(reads, incident);
            String qualifierProblem = qualifierProblem(regime, incident, victims, labels);
            List<DossierContent.Path> paths = new ArrayList<>();
            for (Views.Path p0 : link.paths()) {
                if (!p0.steps().stream().allMatch(s -> review.shown(s.claim()))) {
                    continue; // it rests on a claim rejected, or not yet accepted
                }
                Views.Path p = review.disputing(p0);
                List<DossierContent.Step> steps = p.steps().stream().map(s -> step(s, register, review)).toList();
                List<String> limbs = regime.limbsFor(p.mode()).stream().map(Regime.Limb::id).toList();
                paths.add(new DossierContent.Path(p.mode(), p.involvement(), p.strength(), p.strengthReason(), p.datesCertain(), p.depth(),
                        p.units().stream().map(CommandCharts::display).toList(), steps,
                        p.elements().stream().map(e -> new DossierContent.Element(e.element(), e.shown(), e.claims(), e.strength(), e.note())).toList(),
                        limbs));
                criteria.addAll(criteria(regime, link, p, steps, violations, qualifierProblem, labels));
                exculpatory.addAll(exculpatory(link, p, steps, register, publicAudience, wording, labels, review));
            }
            if (paths.isEmpty()) {
                continue; // no link to it that the dossier may state
            }
            if (incident.hasNonNull("officialResponse")) {
                exculpatory.add(new DossierContent.ExculpatoryItem("official-account", link.incident().id(), null,
                        incident.get("officialResponse").asText(), null, null));
            }
            allegations.add(new DossierContent.Allegation(link.incident().id(), link.incident().name(),
                    link.incident().start(), link.incident().end(), place(incident, labels), violations, victims,
                    casualties(incident), text(incident, "narrative"), text(incident, "officialResponse"),
                    text(incident, "investigation"), link.strongest(), paths));
            charts.addAll(CommandCharts.of(chains, shownPaths(link, review), sameAs,
                    claim -> reads.get("UnitRelation", claim).path("relation").asText(), review::shown));
        }
        List<DossierContent.ExculpatoryItem> distinct = exculpatory.stream().distinct().toList();
        DossierContent.Cover cover = new DossierContent.Cover(request.dossierId(), request.audience(),
                wording.audiences().get(request.audience()).marking(), wording.audiences().get(request.audience()).request(),
                request.subject(), links.person().name(), links.person().latinName(), request.organisation(),
                request.contact(), request.position(), request.positionHash(), request.dataAsOf(), request.version(), null);
        DossierContent.Impact impact = Impacts.of(regime, reach.keeping(review::asserted));
        DossierContent.Counsel counsel = counsel(request, register, review, allegations, labels);
        DossierContent content = new DossierContent(DossierContent.FORMAT, cover, regime, wording,
                Summaries.of(subject, links.person(), allegations, criteria, regime, wording, labels), subject, allegations,
                charts, CriteriaRows.grouped(criteria), distinct, timeline(subject, allegations, labels),
                register.entries(request.position(), publicAudience, wording, request.annexed()), review.summary(liability),
                impact, counsel, null);
        if (reads.newest() > request.position()) {
            throw new RecordChangedMeanwhile(reads.newest());
        }
        return content;
    }

    /** Counsel's text of the dossier's position, its citations resolved; null when counsel has written none. */
    private DossierContent.Counsel counsel(Request request, EvidenceRegister register, Review review,
                                           List<DossierContent.Allegation> allegations, Labels labels) {
        var text = counselTexts.latest(request.subject(), request.regime().id(), request.position());
        if (text.isEmpty()) {
            return null;
        }
        if (counselTexts.namesProtected(request.subject() + " dossier", text.get())) {
            throw new Conflict("counsel", "counsel's text for this subject and regime names a protected"
                    + " identity recorded since it was written: change it before a dossier is made");
        }
        Set<String> cited = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>(Arrays.asList(text.get().letter(), text.get().summary(), text.get().impact()));
        texts.addAll(text.get().incidents().values());
        texts.forEach(t -> Citation.in("", t).forEach(c -> cited.add(c.id())));
        Set<String> evidence = new LinkedHashSet<>();
        records.held(UNBOUNDED, cited).forEach((id, r) -> {
            if (r.type().equals("Evidence") && !r.retired()) {
                evidence.add(id);
            }
        });
        Set<String> incidents = new LinkedHashSet<>();
        allegations.forEach(a -> incidents.add(a.incident()));
        return CounselWords.of(text.get(), register, review, liability, evidence, incidents, labels);
    }

    /** A record the dossier read was changed after the position it is made as of (while it was being assembled). */
    public static final class RecordChangedMeanwhile extends RuntimeException {
        RecordChangedMeanwhile(long at) {
            super("a record the dossier read was changed at journal entry " + at, null, false, false);
        }
    }

    private DossierContent.Subject subject(RecordReads reads, JsonNode person, Views.PersonLiability links, EvidenceRegister register,
                                           Labels labels, Review review, Holdings.Reach reach) {
        List<DossierContent.Name> names = new ArrayList<>();
        for (JsonNode n : person.path("names")) {
            names.add(new DossierContent.Name(n.path("value").asText(), text(n, "script"), text(n, "lang"), n.path("kind").asText("primary")));
        }
        List<DossierContent.Identifier> identifiers = new ArrayList<>();
        for (JsonNode i : person.path("identifiers")) {
            identifiers.add(new DossierContent.Identifier(i.path("kind").asText("identifier"), i.path("value").asText(), text(i, "country")));
        }
        List<String> nationalities = new ArrayList<>();
        person.path("nationalities").forEach(n -> nationalities.add(n.asText()));
        List<DossierContent.Position> positions = new ArrayList<>();
        for (Views.Post post : chains.career(UNBOUNDED, person.path("id").asText()).posts()) {
            Views.Step s = post.posting();
            if (!review.asserted(s.claim())) {
                continue;
            }
            JsonNode posting = reads.get("Posting", s.claim());
            positions.add(new DossierContent.Position(s.claim(), post.unit().id(), CommandCharts.display(post.unit()),
                    posting.path("role").asText(), text(posting, "title"), text(posting, "rank"), s.start(), s.end(),
                    s.strength(), register.cite(s.claim(), s.citations()), review.state(s.claim())));
        }
        List<DossierContent.Associate> associates = new ArrayList<>();
        links.incidents().stream().flatMap(l -> l.alsoKnownAs().stream()).distinct().sorted(Comparator.comparing(Views.Ref::id))
                .forEach(r -> associates.add(new DossierContent.Associate(r.id(), r.name(), labels.get(Labels.Key.SAME_PERSON), null, null, null)));
        Holdings.Reach kept = reach.keeping(review::asserted);
        kept.associates().forEach(r -> associates.add(new DossierContent.Associate(r.person(), r.name(), r.relationship(), r.claim(), r.start(), r.end())));
        List<DossierContent.Associate> family = kept.family().stream()
                .map(r -> new DossierContent.Associate(r.person(), r.name(), r.relationship(), r.claim(), r.start(), r.end())).toList();
        return new DossierContent.Subject(person.path("id").asText(), names, text(person, "patronymic"),
                text(person, "birthDate"), text(person, "birthPlace"), nationalities, text(person, "gender"), identifiers,
                positions, designations(reads, person.path("id").asText(), labels), associates, family);
    }

    /** The subject's existing designations (Sanction records), active first, then by listing date. */
    private List<DossierContent.Designation> designations(RecordReads reads, String personId, Labels labels) {
        List<DossierContent.Designation> out = new ArrayList<>();
        for (JsonNode s : reads.referring("Sanction", personId)) {
            String source = switch (s.path("basis").asText()) {
                case "list-match" -> labels.get(Labels.Key.BASIS_LIST_MATCH, "list", s.path("listName").asText(),
                        "entry", s.path("listEntry").asText());
                case "submission" -> labels.get(Labels.Key.BASIS_SUBMISSION, "submission", s.path("submission").asText());
                case "dataset" -> labels.get(Labels.Key.BASIS_DATASET, "list", s.path("listName").asText());
                default -> labels.get(Labels.Key.BASIS_ANALYST);
            };
            out.add(new DossierContent.Designation(text(s, "jurisdiction"), s.path("program").asText(), text(s, "authority"),
                    text(s, "listingDate"), text(s, "endDate"), s.path("status").asText(), source));
        }
        out.sort(Comparator.comparing((DossierContent.Designation d) -> !d.status().equals("active"))
                .thenComparing(d -> d.listed() == null ? "" : d.listed()).thenComparing(d -> d.line(labels)));
        return out;
    }

    private static DossierContent.Step step(Views.Step s, EvidenceRegister register, Review review) {
        return new DossierContent.Step(s.claim(), s.type(), s.summary(), s.research(), s.strength(), s.strengthReason(),
                s.validity(), s.start(), s.end(), register.cite(s.claim(), s.citations()), review.state(s.claim()),
                review.reviewer(s.claim()));
    }

    /** The link with only the paths the dossier may state (for its charts). */
    private static Views.Link shownPaths(Views.Link link, Review review) {
        return new Views.Link(link.person(), link.alsoKnownAs(), link.incident(), link.strongest(),
                link.paths().stream().filter(p -> p.steps().stream().allMatch(s -> review.shown(s.claim()))).toList());
    }

    /** The review states as of the dossier's position of every claim it could rest on. */
    private Review review(Request request, Views.PersonLiability links, Holdings.Reach reach) {
        Set<String> ids = new LinkedHashSet<>();
        links.incidents().forEach(l -> l.paths().forEach(p -> p.steps().forEach(s -> ids.add(s.claim()))));
        chains.career(UNBOUNDED, request.subject()).posts().forEach(p -> ids.add(p.posting().claim()));
        ids.addAll(reach.claims());
        return new Review(reviews.statesAsOf(UNBOUNDED, ids, request.position()),
                claim -> reviews.statesAsOf(UNBOUNDED, List.of(claim), request.position()).get(claim), request.draft(), reviews.fourEyes(), ids);
    }

    private List<DossierContent.VictimRef> victims(RecordReads reads, JsonNode incident) {
        List<DossierContent.VictimRef> victims = new ArrayList<>();
        for (JsonNode id : incident.path("victims")) {
            JsonNode victim = reads.get("Victim", id.asText());
            List<String> statuses = new ArrayList<>();
            victim.path("statuses").forEach(s -> statuses.add(s.asText()));
            List<String> categories = new ArrayList<>();
            victim.path("categories").forEach(c -> categories.add(c.asText()));
            victims.add(new DossierContent.VictimRef(victim.path("pseudonym").asText(), statuses, categories));
        }
        return victims;
    }

    /** Why the regime's condition on victims is not shown, or null when it is met or there is none. */
    private static String qualifierProblem(Regime regime, JsonNode incident, List<DossierContent.VictimRef> victims, Labels labels) {
        Regime.VictimQualifier q = regime.victimQualifier();
        if (q == null) {
            return null;
        }
        for (JsonNode v : incident.path("violations")) {
            if (q.violations().contains(v.asText())) {
                return null;
            }
        }
        for (DossierContent.VictimRef victim : victims) {
            if (victim.categories().stream().anyMatch(q.categories()::contains)) {
                return null;
            }
        }
        return labels.get(Labels.Key.VICTIMS_NOT_SHOWN, "qualifier", q.text());
    }

    private static List<DossierContent.CriterionRow> criteria(Regime regime, Views.Link link, Views.Path p,
                                                              List<DossierContent.Step> steps,
                                                              List<DossierContent.Violation> violations, String qualifierProblem,
                                                              Labels labels) {
        List<DossierContent.Violation> covered = violations.stream().filter(v -> v.criterion() != null).toList();
        List<String> claims = steps.stream().map(DossierContent.Step::claim).toList();
        List<Integer> cited = steps.stream().flatMap(s -> s.citations().stream()).map(DossierContent.Cite::register).distinct().sorted().toList();
        List<Regime.Limb> limbs = regime.limbsFor(p.mode());
        if (limbs.isEmpty()) {
            return List.of(new DossierContent.CriterionRow("-", labels.get(Labels.Key.NO_LIMB_FOR_MODE, "mode", p.mode()),
                    link.incident().id(), link.incident().name(), covered, p.mode(), p.strength(), false, null, claims, cited));
        }
        boolean shown = p.strength().compareTo(Strength.PROBABLE) >= 0;
        String note = qualifierProblem != null ? qualifierProblem
                : shown ? null
                : p.strength() == Strength.DISPUTED ? labels.get(Labels.Key.LIMB_DISPUTED)
                : labels.get(Labels.Key.LIMB_POSSIBLE);
        return limbs.stream().map(l -> new DossierContent.CriterionRow(l.id(), l.text(), link.incident().id(),
                link.incident().name(), covered, p.mode(), p.strength(), shown && qualifierProblem == null, note, claims, cited)).toList();
    }

    private List<DossierContent.ExculpatoryItem> exculpatory(Views.Link link, Views.Path p, List<DossierContent.Step> steps,
                                                             EvidenceRegister register, boolean publicAudience, Wording wording,
                                                             Labels labels, Review review) {
        List<DossierContent.ExculpatoryItem> items = new ArrayList<>();
        String incident = link.incident().id();
        for (DossierContent.Step s : steps) {
            for (DossierContent.Cite c : s.citations()) {
                if (c.stance().equals("contradicts")) {
                    items.add(new DossierContent.ExculpatoryItem("contradicting-evidence", incident, s.claim(),
                            labels.get(Labels.Key.CONTRADICTS_CLAIM, "item", register.describe(c.evidence(), publicAudience, wording),
                                    "claim", s.summary()),
                            c.register(), c.pinpoint()));
                }
            }
            if (ReviewState.DISPUTED.equals(s.review())) {
                String note = review.note(s.claim());
                items.add(new DossierContent.ExculpatoryItem("disputed-in-review", incident, s.claim(),
                        labels.get(Labels.Key.DISPUTED_IN_REVIEW, "claim", s.summary(), "by", String.valueOf(s.reviewedBy()))
                                + (note == null ? "" : " " + note), null, null));
            }
            if ("conflicting-sources".equals(s.research())) {
                items.add(new DossierContent.ExculpatoryItem("disputed-claim", incident, s.claim(),
                        labels.get(Labels.Key.DISPUTED_CLAIM, "claim", s.summary()), null, null));
            } else if ("needs-work".equals(s.research())) {
                items.add(new DossierContent.ExculpatoryItem("needs-work", incident, s.claim(),
                        labels.get(Labels.Key.NEEDS_WORK_CLAIM, "claim", s.summary()), null, null));
            }
        }
        if (!p.datesCertain()) {
            items.add(new DossierContent.ExculpatoryItem("imprecise-dates", incident, null,
                    labels.get(Labels.Key.IMPRECISE_DATES, "mode", p.mode()), null, null));
        }
        return items;
    }

    private static List<DossierContent.Casualty> casualties(JsonNode incident) {
        List<DossierContent.Casualty> casualties = new ArrayList<>();
        for (JsonNode c : incident.path("casualties")) {
            casualties.add(new DossierContent.Casualty(c.path("category").asText(), integer(c, "min"), integer(c, "max"),
                    integer(c, "best"), text(c, "source")));
        }
        return casualties;
    }

    private static List<DossierContent.TimelineEvent> timeline(DossierContent.Subject subject, List<DossierContent.Allegation> allegations,
                                                               Labels labels) {
        List<DossierContent.TimelineEvent> events = new ArrayList<>();
        for (DossierContent.Position p : subject.positions()) {
            String what = p.title() != null ? p.title() : p.role();
            if (p.start() != null) {
                events.add(new DossierContent.TimelineEvent(p.start(), labels.get(Labels.Key.TAKES_POST, "post", what, "unit", p.unitName()), "post"));
            }
            if (p.end() != null) {
                events.add(new DossierContent.TimelineEvent(p.end(), labels.get(Labels.Key.LEAVES_POST, "post", what, "unit", p.unitName()), "post"));
            }
        }
        for (DossierContent.Allegation a : allegations) {
            events.add(new DossierContent.TimelineEvent(a.start(), a.title(), "incident"));
        }
        events.sort(Comparator.comparing(DossierContent.TimelineEvent::date).thenComparing(DossierContent.TimelineEvent::label));
        return events;
    }

    private static String place(JsonNode incident, Labels labels) {
        List<String> parts = new ArrayList<>();
        for (String f : List.of("placeName", "adminArea", "country")) {
            if (incident.hasNonNull(f) && !parts.contains(incident.get(f).asText())) {
                parts.add(incident.get(f).asText());
            }
        }
        return parts.isEmpty() ? labels.get(Labels.Key.NO_PLACE) : String.join(", ", parts);
    }

    static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }
}
