package org.chainline.workspace.counsel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import org.chainline.counsel.CounselText;
import org.chainline.counsel.CounselTexts;
import org.chainline.input.Json;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.Refusal;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;
import org.chainline.registry.Records;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counsel's own words, edited in the workspace: every citation checked on saving and each one that does not resolve
 * shown beside its field; a saved text is a new version in the journal.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class CounselPages {

    private final CounselTexts texts;
    private final LiabilityPaths liability;
    private final Regimes regimes;
    private final Records records;

    private final CaseAccess access;

    CounselPages(CounselTexts texts, LiabilityPaths liability, Regimes regimes, Records records, CaseAccess access) {
        this.access = access;
        this.texts = texts;
        this.liability = liability;
        this.regimes = regimes;
        this.records = records;
    }

    private CounselView view(Authentication who, String subject, String regime, CounselTexts.Draft draft, int version,
                             List<FieldError> errors, String saved) {
        Regime r = regimes.get(regime);
        Views.PersonLiability links = liability.ofPerson(access.scope(who), subject, LiabilityPaths.DEFAULT_DEPTH);
        Map<String, String> titles = new LinkedHashMap<>();
        links.incidents().forEach(l -> titles.put(l.incident().id(), l.incident().name()));
        draft.incidents().keySet().forEach(id -> titles.putIfAbsent(id, id));
        List<CounselView.Note> notes = new ArrayList<>();
        titles.forEach((id, title) -> notes.add(new CounselView.Note(id, title, draft.incidents().get(id))));
        return new CounselView(Chrome.of(who, "dossiers"), new CounselView.About(subject, links.person().name(), regime, r.name()),
                new CounselView.Draft(draft.letter(), draft.summary(), draft.impact(), notes, version), errors, saved,
                texts.versions(subject, regime));
    }

    private void check(Scope scope, String subject, String regime) {
        records.get(scope, records.model().type("Person").orElseThrow(), subject);
        regimes.get(regime);
    }

    @Secured(Roles.COUNSEL)
    @Get("/counsel/{subject}/{regime}")
    ModelAndView<CounselView> editor(@PathVariable String subject, @PathVariable String regime, @QueryValue @Nullable String saved,
                                     Authentication who) {
        check(access.scope(who), subject, regime);
        CounselText current = texts.latest(subject, regime, Long.MAX_VALUE).orElse(null);
        CounselTexts.Draft draft = current == null ? new CounselTexts.Draft(null, null, null, Map.of(), 0)
                : new CounselTexts.Draft(current.letter(), current.summary(), current.impact(), current.incidents(), current.version());
        return new ModelAndView<>("counsel/counsel", view(who, subject, regime, draft, current == null ? 0 : current.version(), List.of(), saved));
    }

    @Secured(Roles.COUNSEL)
    @Post(value = "/counsel/{subject}/{regime}", consumes = MediaType.ALL)
    HttpResponse<?> save(@PathVariable String subject, @PathVariable String regime, @Body @Nullable String body, Authentication who) {
        check(access.scope(who), subject, regime);
        Form form = Form.parse(body);
        Map<String, String> incidents = new LinkedHashMap<>();
        for (String name : form.names()) {
            if (name.startsWith("incident-") && !form.get(name, "").isBlank()) {
                incidents.put(name.substring("incident-".length()), form.get(name, ""));
            }
        }
        int version;
        try {
            version = Integer.parseInt(form.get("version", "0"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        var json = Json.MAPPER.createObjectNode();
        for (String f : List.of("letter", "summary", "impact")) {
            String v = form.get(f, "");
            if (!v.isBlank()) {
                json.put(f, v);
            }
        }
        var notes = json.putObject("incidents");
        incidents.forEach(notes::put);
        json.put("version", version);
        CounselTexts.Draft draft;
        try {
            draft = texts.draft(json);
        } catch (Refusal e) {
            return refused(who, subject, regime, new CounselTexts.Draft(json.path("letter").asText(null), json.path("summary").asText(null),
                    json.path("impact").asText(null), incidents, version), version, errors(e));
        }
        try {
            CounselText written = texts.write(who.getName(), subject, regime, draft, "written in the workspace");
            return FormAnswers.shown(UriBuilder.of("/counsel/" + subject + "/" + regime)
                    .queryParam("saved", "Saved as version " + written.version() + ".").build());
        } catch (Refusal e) {
            return refused(who, subject, regime, draft, version, errors(e));
        }
    }

    private HttpResponse<?> refused(Authentication who, String subject, String regime, CounselTexts.Draft draft, int version,
                                    List<FieldError> errors) {
        return FormAnswers.again("counsel/counsel", view(who, subject, regime, draft, version, errors, null));
    }

    /** A refusal's errors at the text they are about; one about the whole draft or a stale version, at the letter. */
    private static List<FieldError> errors(Refusal refused) {
        // "Request letter: [[ev-x]] names no claim": what is wrong is in the text, so the text is named, then the problem
        return FormAnswers.errors(refused, f -> f == null || f.equals("version") ? "letter" : f,
                f -> FieldError.control(fieldId(f)), f -> label(f) + ":");
    }

    /** "incidents.i-square" is the field "incident-i-square". */
    private static String fieldId(String field) {
        return field.startsWith("incidents.") ? "incident-" + field.substring("incidents.".length()) : field;
    }

    private static String label(String field) {
        return switch (field) {
            case "letter" -> "request letter";
            case "summary" -> "case summary";
            case "impact" -> "why designating the subject matters";
            default -> field.startsWith("incidents.") ? "note on " + field.substring("incidents.".length()) : FieldError.label(field);
        };
    }
}
