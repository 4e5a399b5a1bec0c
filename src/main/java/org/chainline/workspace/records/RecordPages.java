package org.chainline.workspace.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.dossier.Dossiers;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.CitedEvidence;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.InvalidInput;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.Records;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.review.ClaimReviews;
import org.chainline.review.ReviewState;
import org.chainline.sanctions.Screening;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Dates;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.Names;
import org.chainline.workspace.shell.RecordTypes;
import org.chainline.workspace.shell.RecordWords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The page of any record: one renderer from the model, with what persons, units, incidents and evidence add. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class RecordPages {

    private final Records records;
    private final LiabilityPaths liability;
    private final ChainOfCommand chains;
    private final EvidenceLocker locker;
    private final Screening screening;
    private final Dossiers dossiers;

    private final EvidenceHashes hashes;
    private final ClaimReviews reviews;
    private final RecordTypes types;

    private final CaseAccess access;

    RecordPages(Records records, LiabilityPaths liability, ChainOfCommand chains, EvidenceLocker locker, Screening screening,
                Dossiers dossiers, EvidenceHashes hashes, ClaimReviews reviews, RecordTypes types, CaseAccess access) {
        this.access = access;
        this.types = types;
        this.reviews = reviews;
        this.hashes = hashes;
        this.records = records;
        this.liability = liability;
        this.chains = chains;
        this.locker = locker;
        this.screening = screening;
        this.dossiers = dossiers;
    }

    @Secured(Roles.VIEWER)
    @Get("/records/{slug}/{id}")
    ModelAndView<RecordView> page(@PathVariable String slug, @PathVariable String id, Authentication who) {
        return new ModelAndView<>("records/record", view(types.type(slug), id, who, List.of(), List.of()));
    }

    /**
     * A protected identity shown to a holder of the grant, with the reason journaled (as {@code POST /api/…/reveal});
     * the page that answers is not kept by the browser (no-store), and the identity is shown on it alone.
     */
    @Secured(Roles.WITNESS_PROTECTION)
    @Post(value = "/records/{slug}/{id}/reveal", consumes = MediaType.ALL)
    HttpResponse<?> reveal(@PathVariable String slug, @PathVariable String id, @Body @Nullable String body, Authentication who) {
        RecordType type = types.type(slug);
        String reason = Form.parse(body).get("revealReason", "").strip();
        try {
            JsonNode opened = records.reveal(access.scope(who), type, id, reason.isEmpty() ? null : reason);
            List<RecordView.Field> shown = new ArrayList<>();
            opened.properties().forEach(e -> {
                if (!e.getKey().equals("id") && !e.getKey().equals("type")) {
                    List<RecordView.Value> values = new ArrayList<>();
                    JsonNode v = e.getValue();
                    if (v.isObject()) {
                        v.properties().forEach(part -> values.add(new RecordView.Value(part.getValue().asText(),
                                Names.lang(part.getValue().asText()), null, part.getKey())));
                    } else {
                        values.add(new RecordView.Value(v.asText(), Names.lang(v.asText()), null, null));
                    }
                    shown.add(new RecordView.Field(e.getKey(), FieldError.capitalised(FieldError.label(e.getKey())), values));
                }
            });
            // the one form answered with its result (200), not a redirect: the identity may not travel in a link, and the
            // page is not kept (no-store), so a refresh asks before posting, and journals, the reveal again
            return HttpResponse.ok(new ModelAndView<>("records/record", view(type, id, who, shown, List.of())));
        } catch (InvalidInput e) {
            return FormAnswers.again("records/record", view(type, id, who, List.of(),
                    FormAnswers.errors(e, f -> "revealReason")));
        }
    }

    private RecordView view(RecordType type, String id, Authentication who, List<RecordView.Field> revealed, List<FieldError> errors) {
        Chrome chrome = Chrome.of(who, "search");
        Scope scope = access.scope(who);
        // viewing an evidence item is custody: it is journaled, as the API's GET /api/evidence/{id} is
        JsonNode record = type.name().equals("Evidence")
                ? hashes.shown(locker.view(scope, id), who.getRoles().contains(Roles.WITNESS_PROTECTION)) : records.get(scope, type, id);
        List<String> spellings = RecordWords.spellings(type, record);
        String title = spellings.isEmpty() ? id : spellings.getFirst();
        String subtitle = spellings.stream().filter(s -> !s.equals(title) && !Names.lang(s).equals(Names.lang(title)))
                .findFirst().orElse(null);
        JsonNode meta = record.path("meta");
        List<RecordView.Claim> claims = new ArrayList<>();
        List<? extends JsonNode> about = type.claim() ? List.of() : records.claimsAbout(scope, id);
        if (type.claim()) {
            claims.addAll(claims(scope, List.of(id)));
        } else {
            claims.addAll(claims(scope, about.stream().map(c -> c.path("id").asText()).toList()));
        }
        boolean sealed = type.properties().values().stream().anyMatch(p -> p.type() == PropertyType.PROTECTED
                && record.path(p.name()).path("protected").asBoolean(false));
        RecordView.Title heading = new RecordView.Title(title, Names.lang(title), subtitle, subtitle == null ? null : Names.lang(subtitle));
        String lastChange = "version " + meta.path("version").asInt() + ", changed at journal entry " + meta.path("updatedSeq").asLong();
        RecordView.Kind kind = switch (type.name()) {
            case "Person" -> person(scope, id, chrome);
            case "Unit" -> unit(scope, id, claims, about);
            case "Incident" -> incident(scope, id);
            case "Evidence" -> evidence(scope, id, record, who);
            default -> null;
        };
        return new RecordView(chrome, new RecordView.Heading(type.name(), id, type.claim(), heading, lastChange,
                meta.path("retired").asBoolean()), fields(scope, type, record), claims, kind, new RecordView.Protection(sealed, revealed, errors));
    }

    /** Every property the record holds, in the model's order, each value as text with its language or link. */
    List<RecordView.Field> fields(Scope scope, RecordType type, JsonNode record) {
        Set<String> referenced = new LinkedHashSet<>();
        for (Property p : type.properties().values()) {
            if (p.type() == PropertyType.ENTITY) {
                JsonNode v = record.path(p.name());
                (v.isArray() ? iterable(v) : List.of(v)).stream().filter(JsonNode::isTextual).forEach(x -> referenced.add(x.asText()));
            }
        }
        Map<String, JsonNode> refs = new LinkedHashMap<>(records.getAll(scope, referenced));
        List<RecordView.Field> fields = new ArrayList<>();
        for (Property p : type.properties().values()) {
            JsonNode v = record.path(p.name());
            if (v.isMissingNode() || v.isNull() || (v.isArray() && v.isEmpty()) || p.type() == PropertyType.CITATIONS) {
                continue;
            }
            List<RecordView.Value> values = new ArrayList<>();
            for (JsonNode one : v.isArray() ? iterable(v) : List.of(v)) {
                values.add(value(p, one, refs));
            }
            fields.add(new RecordView.Field(p.name(), FieldError.capitalised(FieldError.label(p.name())), values));
        }
        return fields;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private RecordView.Value value(Property p, JsonNode v, Map<String, JsonNode> refs) {
        if (v.isObject() && v.path("protected").asBoolean(false) && v.size() == 1) {
            return new RecordView.Value("protected: shown only to holders of the witness-protection grant", null, null, null);
        }
        return switch (p.type()) {
            case PARTIAL_DATE -> new RecordView.Value(Dates.show(v.asText()), null, null, null);
            case ENTITY -> {
                JsonNode target = refs.get(v.asText());
                RecordType t = target == null ? null : records.model().type(target.path("type").asText()).orElse(null);
                List<String> s = t == null ? List.of() : RecordWords.spellings(t, target);
                String shown = s.isEmpty() ? v.asText() : s.getFirst();
                yield new RecordView.Value(shown, Names.lang(shown), t == null ? null : Links.record(t.name(), v.asText()), v.asText());
            }
            case NAMES -> new RecordView.Value(v.path("value").asText(), v.hasNonNull("lang") ? v.get("lang").asText()
                    : Names.lang(v.path("value").asText()), null, v.path("kind").asText("primary")
                    + (v.hasNonNull("script") ? ", " + v.get("script").asText() : ""));
            case IDENTIFIERS -> new RecordView.Value(v.path("value").asText(), null, null,
                    v.path("kind").asText("identifier") + (v.hasNonNull("country") ? ", " + v.get("country").asText() : ""));
            case CASUALTIES -> new RecordView.Value(v.path("category").asText() + ": " + range(v), null, null,
                    "according to " + v.path("source").asText("an unnamed source"));
            case PROTECTED -> new RecordView.Value("protected", null, null, null);
            default -> new RecordView.Value(v.isTextual() ? v.asText() : v.toString(), null, null, null);
        };
    }

    private static String range(JsonNode c) {
        String min = c.hasNonNull("min") ? c.get("min").asText() : null;
        String max = c.hasNonNull("max") ? c.get("max").asText() : null;
        String best = c.hasNonNull("best") ? ", best estimate " + c.get("best").asText() : "";
        if (min != null && min.equals(max)) {
            return min + best;
        }
        return (min != null && max != null ? min + " to " + max : min != null ? "at least " + min : max != null ? "at most " + max : "unknown") + best;
    }

    /** The display names of several records, read at once. */
    Map<String, String> names(Scope scope, Collection<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        records.getAll(scope, ids).forEach((id, r) -> {
            RecordType t = records.model().type(r.path("type").asText()).orElse(null);
            List<String> s = t == null ? List.of() : RecordWords.spellings(t, r);
            out.put(id, s.isEmpty() ? id : s.getFirst());
        });
        return out;
    }

    /** Claims as the page lists them: strength, dates, and each citation with its grade, inline. */
    List<RecordView.Claim> claims(Scope scope, List<String> ids) {
        List<Views.Step> steps = liability.claims(scope, ids);
        Map<String, ReviewState> review = reviews.states(scope, steps.stream().map(Views.Step::claim).toList(), null);
        Set<String> cited = new LinkedHashSet<>();
        steps.forEach(s -> s.citations().forEach(c -> cited.add(c.evidence())));
        Map<String, String> dates = new LinkedHashMap<>();
        // one read for every item cited (an item no longer held is listed, undated)
        records.getAll(scope, cited).forEach((e, item) -> {
            for (String f : List.of("captured", "publishedAt", "published", "collectedAt")) {
                if (item.hasNonNull(f)) {
                    String d = item.get(f).asText();
                    dates.put(e, d.length() > 10 ? d.substring(0, 10) : d);
                    break;
                }
            }
        });
        List<RecordView.Claim> out = new ArrayList<>();
        for (Views.Step s : steps) {
            List<String> when = s.citations().stream().map(c -> dates.get(c.evidence())).filter(Objects::nonNull).sorted().toList();
            out.add(new RecordView.Claim(s.claim(), s.type(), Links.record(s.type(), s.claim()), s.summary(),
                    Dates.span(s.start(), s.end()), reviewed(review.get(s.claim())), s.research(), s.strength().word(), s.strengthReason(),
                    s.citations().stream().map(RecordPages::cite).toList(),
                    when.isEmpty() ? null : Dates.show(when.getFirst()), when.isEmpty() ? null : Dates.show(when.getLast())));
        }
        return out;
    }

    /** A claim's review state in words, with who decided: what the review queue and dossiers say of it. */
    static String reviewed(ReviewState state) {
        if (state == null) {
            return "not under review";
        }
        return switch (state.state()) {
            case ReviewState.ACCEPTED -> "accepted by " + state.reviewedBy();
            case ReviewState.REJECTED -> "rejected by " + state.reviewedBy();
            case ReviewState.DISPUTED -> "disputed by " + state.reviewedBy();
            default -> "proposed: not reviewed yet";
        };
    }

    static RecordView.Cite cite(CitedEvidence c) {
        return new RecordView.Cite(c.evidence(), Links.record("Evidence", c.evidence()), c.title(), c.stance(), c.pinpoint(), c.grade());
    }

    private RecordView.Person person(Scope scope, String id, Chrome chrome) {
        List<RecordView.Position> positions = new ArrayList<>();
        for (Views.Post post : chains.career(scope, id).posts()) {
            Views.Step s = post.posting();
            String role = s.summary();
            positions.add(new RecordView.Position(post.unit().id(), post.unit().name(), Links.record("Unit", post.unit().id()),
                    role, Dates.span(s.start(), s.end()), s.strength().word(), post.command(), s.claim()));
        }
        List<RecordView.LinkRow> incidents = liability.ofPerson(scope, id, LiabilityPaths.DEFAULT_DEPTH).incidents().stream()
                .map(l -> new RecordView.LinkRow(l.incident().id(), l.incident().name(), Links.record("Incident", l.incident().id()),
                        Dates.span(l.incident().start(), l.incident().end()), l.strongest().word(),
                        l.paths().stream().map(Views.Path::mode).distinct().toList(), Links.liability("Person", id)))
                .toList();
        List<RecordView.Designation> designations = records.referring(scope, "Sanction", id).stream()
                .map(s -> new RecordView.Designation(s.path("authority").asText(s.path("jurisdiction").asText("")),
                        s.path("program").asText(), Dates.show(s.path("listingDate").asText(null)), s.path("status").asText()))
                .toList();
        List<RecordView.Candidate> candidates = screening.candidates(id, 0.5).stream()
                .map(c -> new RecordView.Candidate(c.list(), c.entry(), c.caption(), c.score(), c.level(), c.explanation(), c.decision()))
                .toList();
        return new RecordView.Person(positions, incidents, designations, candidates, chrome.counsel() ? dossiers.list(id) : List.of());
    }

    private RecordView.Unit unit(Scope scope, String id, List<RecordView.Claim> claims, List<? extends JsonNode> about) {
        List<RecordView.Relation> relations = new ArrayList<>();
        List<RecordView.Commander> commanders = new ArrayList<>();
        List<RecordView.Claim> involvements = new ArrayList<>();
        Map<String, RecordView.Claim> byId = new LinkedHashMap<>();
        claims.forEach(c -> byId.put(c.id(), c));
        Set<String> others = new LinkedHashSet<>();
        about.forEach(c -> List.of("unit", "superior", "person").forEach(f -> {
            if (c.hasNonNull(f)) {
                others.add(c.get(f).asText());
            }
        }));
        Map<String, String> named = names(scope, others);
        for (JsonNode c : about) {
            RecordView.Claim claim = byId.get(c.path("id").asText());
            if (claim == null) {
                continue;
            }
            switch (c.path("type").asText()) {
                case "UnitRelation" -> {
                    boolean above = id.equals(c.path("unit").asText());
                    String other = above ? c.path("superior").asText() : c.path("unit").asText();
                    relations.add(new RecordView.Relation(above ? "under" : "above", other, named.getOrDefault(other, other), Links.record("Unit", other),
                            c.path("relation").asText().replace('-', ' '), claim.dates(), claim.strength()));
                }
                case "Posting" -> {
                    String person = c.path("person").asText();
                    commanders.add(new RecordView.Commander(person, named.getOrDefault(person, person), Links.record("Person", person),
                            c.path("role").asText(), c.path("start").asText(""), c.path("end").asText(""), claim.dates(), claim.strength()));
                }
                case "Involvement" -> involvements.add(claim);
                default -> { }
            }
        }
        commanders.sort(Comparator.comparing(RecordView.Commander::start));
        return new RecordView.Unit(relations, commanders, involvements, Links.chain(id, null));
    }

    private RecordView.Incident incident(Scope scope, String id) {
        Views.IncidentLiability of = liability.ofIncident(scope, id, LiabilityPaths.DEFAULT_DEPTH);
        Set<Views.Ref> units = new LinkedHashSet<>();
        of.persons().forEach(l -> l.paths().forEach(p -> units.addAll(p.units())));
        return new RecordView.Incident(List.copyOf(units), of.persons().stream()
                .map(l -> new RecordView.LinkRow(l.person().id(), l.person().name(), Links.record("Person", l.person().id()),
                        "", l.strongest().word(), l.paths().stream().map(Views.Path::mode).distinct().toList(),
                        Links.liability("Incident", id)))
                .toList());
    }

    private RecordView.Evidence evidence(Scope scope, String id, JsonNode item, Authentication who) {
        String confidentiality = item.path("confidentiality").asText("restricted");
        boolean allowed = !confidentiality.equals("protected") || who.getRoles().contains(Roles.WITNESS_PROTECTION);
        String media = item.path("mediaType").asText(null);
        // the locker's own rule: an item with a SHA-256 has its bytes unless they were never collected
        boolean hasFile = item.hasNonNull("sha256") && !"not-collected".equals(item.path("fileStatus").asText());
        // shown in place by what its bytes are, never by what its uploader said they are
        String found = allowed && hasFile ? locker.foundType(scope, id, who.getRoles().contains(Roles.WITNESS_PROTECTION)).orElse(null) : null;
        String preview = found == null ? null : EvidenceLocker.previewOf(found);
        List<RecordView.CustodyRow> custody = locker.custody(scope, id, who.getRoles().contains(Roles.WITNESS_PROTECTION)).events().stream()
                .map(e -> new RecordView.CustodyRow(e.seq(), Dates.moment(e.at()), e.actor(), e.action())).toList();
        List<RecordView.CitedBy> citedBy = records.citedBy(scope, id).stream().filter(c -> !c.retired())
                .map(c -> new RecordView.CitedBy(c.claim(), c.type(), Links.record(c.type(), c.claim()), c.stance(), c.pinpoint()))
                .toList();
        return new RecordView.Evidence(item.path("sha256").asText(null), RecordWords.fileStatus(item), hasFile, confidentiality,
                media, found, preview, "/api/evidence/" + Links.encode(id) + "/file", allowed, custody, citedBy);
    }
}
