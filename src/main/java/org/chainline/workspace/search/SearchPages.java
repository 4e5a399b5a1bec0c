package org.chainline.workspace.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.refusal.InvalidInput;
import org.chainline.registry.Records;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.names.NameKeys;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Dates;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.Names;
import org.chainline.workspace.shell.RecordWords;

import java.util.ArrayList;
import java.util.List;

/**
 * Search across scripts: a Latin spelling finds the Kazakh Cyrillic name and back (the registry's search), narrowed by
 * type, unit class and a date range, each result saying which of its spellings matched.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class SearchPages {

    static final int LIMIT = 200;

    private final Records records;

    private final CaseAccess access;

    SearchPages(Records records, CaseAccess access) {
        this.access = access;
        this.records = records;
    }

    @Secured(Roles.VIEWER)
    @Get("/search")
    HttpResponse<ModelAndView<SearchView>> search(Authentication who, @QueryValue @Nullable String q, @QueryValue @Nullable String type,
                                    @QueryValue @Nullable String unitClass, @QueryValue @Nullable String from,
                                    @QueryValue @Nullable String to) {
        List<String> types = records.model().types().stream().filter(t -> !t.claim()).map(RecordType::name).sorted().toList();
        List<String> classes = records.model().type("Unit").flatMap(t -> t.property("classification")).map(Property::values)
                .orElse(List.of());
        String query = q == null ? "" : q.strip();
        String chosenType = type != null && types.contains(type) ? type : "";
        String chosenClass = unitClass != null && classes.contains(unitClass) ? unitClass : "";
        String start = date(from);
        String end = date(to);
        List<SearchView.Hit> hits = new ArrayList<>();
        String problem = null;
        boolean searched = !query.isEmpty();
        if (searched) {
            try {
                RecordType restricted = chosenType.isEmpty() ? (chosenClass.isEmpty() ? null : records.model().type("Unit").orElseThrow())
                        : records.model().type(chosenType).orElseThrow();
                for (JsonNode record : records.list(access.scope(who), restricted, query, false, 0, LIMIT)) {
                    RecordType recordType = records.model().type(record.path("type").asText()).orElse(null);
                    if (recordType == null || recordType.claim()) {
                        continue;
                    }
                    if (!chosenClass.isEmpty() && !chosenClass.equals(record.path("classification").asText())) {
                        continue;
                    }
                    if (!within(record, start, end)) {
                        continue;
                    }
                    hits.add(hit(recordType, record, query));
                }
            } catch (InvalidInput e) {
                problem = FieldError.sentence("search", e.getMessage().replaceFirst("^q ", ""));
            }
        }
        ModelAndView<SearchView> page = new ModelAndView<>("search/search", new SearchView(Chrome.of(who, "search"),
                new SearchView.Query(query, chosenType, chosenClass, start == null ? "" : start, end == null ? "" : end),
                new SearchView.Choices(types, classes), hits, problem, searched));
        // a query the registry refuses is answered as the API answers it, 400, with the page saying why at the field
        return problem == null ? HttpResponse.ok(page)
                : HttpResponse.<ModelAndView<SearchView>>status(HttpStatus.BAD_REQUEST).body(page);
    }

    private static String date(String value) {
        return value != null && value.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") ? value : null;
    }

    /** A record with dates (an incident's start and end, a birth date) overlaps the range; one without is kept. */
    private static boolean within(JsonNode record, String from, String to) {
        if (from == null && to == null) {
            return true;
        }
        String start = text(record, "start", text(record, "date", text(record, "captured", text(record, "birthDate", null))));
        if (start == null) {
            return true;
        }
        String end = text(record, "end", start);
        return (from == null || end.compareTo(from) >= 0 || from.startsWith(end)) && (to == null || start.compareTo(to) <= 0 || start.startsWith(to));
    }

    private static String text(JsonNode record, String field, String otherwise) {
        return record.hasNonNull(field) && record.get(field).isTextual() ? record.get(field).asText() : otherwise;
    }

    private static SearchView.Hit hit(RecordType type, JsonNode record, String query) {
        List<String> spellings = RecordWords.spellings(type, record);
        String name = spellings.isEmpty() ? record.path("id").asText() : spellings.getFirst();
        List<String> wanted = NameKeys.words(query);
        String matched = spellings.stream().filter(s -> matches(NameKeys.words(s), wanted)).findFirst().orElse(null);
        String detail = switch (type.name()) {
            case "Unit" -> text(record, "classification", null);
            case "Evidence" -> text(record, "kind", null);
            case "Victim" -> String.join(", ", values(record.path("statuses")));
            default -> null;
        };
        String dates = record.has("start") ? Dates.span(text(record, "start", null), text(record, "end", null))
                : record.has("birthDate") ? "born " + Dates.show(text(record, "birthDate", null)) : null;
        return new SearchView.Hit(type.name(), record.path("id").asText(), Links.record(type.name(), record.path("id").asText()),
                name, Names.lang(name), matched, matched == null ? null : Names.lang(matched), detail, dates);
    }

    private static boolean matches(List<String> words, List<String> wanted) {
        return !wanted.isEmpty() && wanted.stream().allMatch(w -> words.stream().anyMatch(x -> x.startsWith(w)));
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
