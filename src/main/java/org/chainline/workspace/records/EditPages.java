package org.chainline.workspace.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Filing;
import org.chainline.access.Roles;
import org.chainline.input.Json;
import org.chainline.refusal.Refusal;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.Records;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.RecordTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Creating, changing and retiring records in forms (analysts); the server refuses anyone else, whatever the page shows. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class EditPages {

    /** The parts of each composite property, in the order the form shows them. */
    static final Map<PropertyType, List<String>> COLUMNS = Map.of(
            PropertyType.NAMES, List.of("value", "script", "lang", "kind"),
            PropertyType.IDENTIFIERS, List.of("kind", "value", "country"),
            PropertyType.CASUALTIES, List.of("category", "min", "max", "best", "source"),
            PropertyType.CITATIONS, List.of("evidence", "stance", "pinpoint"));
    static final int BLANK_ROWS = 2;

    private final Records records;
    private final RecordTypes types;
    private final EvidenceHashes hashes;

    private final CaseAccess access;

    private final Cases cases;

    EditPages(Records records, RecordTypes types, EvidenceHashes hashes, CaseAccess access, Cases cases) {
        this.cases = cases;
        this.access = access;
        this.records = records;
        this.types = types;
        this.hashes = hashes;
    }

    @Secured(Roles.ANALYST)
    @Get("/records/new")
    ModelAndView<EditView.Chooser> choose(Authentication who) {
        List<EditView.Choice> entities = new ArrayList<>();
        List<EditView.Choice> claims = new ArrayList<>();
        for (RecordType t : records.model().types()) {
            (t.claim() ? claims : entities).add(new EditView.Choice(Links.slug(t), t.name(), t.description()));
        }
        return new ModelAndView<>("records/new", new EditView.Chooser(Chrome.of(who, "new"), entities, claims));
    }

    @Secured(Roles.ANALYST)
    @Get("/records/{slug}/new")
    ModelAndView<EditView> blank(@PathVariable String slug, Authentication who) {
        RecordType type = types.type(slug);
        return new ModelAndView<>("records/edit", view(who, type, null, Json.MAPPER.createObjectNode(), List.of(), "", false, Set.of()));
    }

    @Secured(Roles.ANALYST)
    @Post(value = "/records/{slug}/new", consumes = MediaType.ALL)
    HttpResponse<?> create(@PathVariable String slug, @Body @Nullable String body, Authentication who) {
        RecordType type = types.type(slug);
        Form form = Form.parse(body);
        ObjectNode record = read(type, form, who, false, Set.of());
        String wanted = form.get("id", "").strip();
        if (!wanted.isEmpty()) {
            record.put("id", wanted);
        }
        String inCase = form.get("case", "").strip();
        if (!inCase.isEmpty()) {
            record.put("case", inCase);
        }
        try {
            ObjectNode created = records.create(new Filing(access.scope(who), null), type, record, blankToNull(form.get("reason")));
            return FormAnswers.shown(Links.record(type.name(), created.path("id").asText()));
        } catch (Refusal e) {
            return refused(who, type, null, record, e, form.get("reason", ""));
        }
    }

    @Secured(Roles.ANALYST)
    @Get("/records/{slug}/{id}/edit")
    ModelAndView<EditView> edit(@PathVariable String slug, @PathVariable String id, Authentication who) {
        RecordType type = types.type(slug);
        ObjectNode record = records.get(access.scope(who), type, id);
        return new ModelAndView<>("records/edit", view(who, type, id, record, List.of(), "", record.path("meta").path("retired").asBoolean(),
                withheld(type, id, who)));
    }

    @Secured(Roles.ANALYST)
    @Post(value = "/records/{slug}/{id}/edit", consumes = MediaType.ALL)
    HttpResponse<?> change(@PathVariable String slug, @PathVariable String id, @Body @Nullable String body, Authentication who) {
        RecordType type = types.type(slug);
        Form form = Form.parse(body);
        boolean grant = who.getRoles().contains(Roles.WITNESS_PROTECTION);
        ObjectNode patch = read(type, form, who, true, withheld(type, id, who));
        try {
            records.change(access.scope(who), type, id, patch, blankToNull(form.get("reason")), grant);
            return FormAnswers.shown(Links.record(type.name(), id));
        } catch (Refusal e) {
            return refused(who, type, id, patch, e, form.get("reason", ""));
        }
    }

    @Secured(Roles.ANALYST)
    @Post(value = "/records/{slug}/{id}/retire", consumes = MediaType.ALL)
    HttpResponse<?> retire(@PathVariable String slug, @PathVariable String id, @Body @Nullable String body, Authentication who) {
        RecordType type = types.type(slug);
        Form form = Form.parse(body);
        String reason = form.get("retireReason", "").strip();
        try {
            records.retire(access.scope(who), type, id, reason.isEmpty() ? null : reason);
            return FormAnswers.shown(Links.record(type.name(), id));
        } catch (Refusal e) {
            // the retire form has one field: whatever stands in the way (a record still referring to this one) is said there
            List<FieldError> errors = FormAnswers.errors(e, f -> f == null || f.equals("reason") ? "retireReason" : f,
                    f -> "f-retireReason");
            return FormAnswers.again("records/edit", view(who, type, id, records.get(access.scope(who), type, id), errors, "", false, withheld(type, id, who)));
        }
    }

    /**
     * The properties this reader's form neither shows nor changes beyond the sealed ones: a protected item's SHA-256
     * (its file is named by a keyed digest outside the grant, and the form would echo the real one).
     */
    private Set<String> withheld(RecordType type, String id, Authentication who) {
        if (id == null || !type.name().equals("Evidence") || who.getRoles().contains(Roles.WITNESS_PROTECTION)) {
            return Set.of();
        }
        ObjectNode record = records.get(access.scope(who), type, id);
        String sha = record.path("sha256").asText(null);
        return sha != null && !sha.equals(hashes.shown(record.deepCopy(), false).path("sha256").asText()) ? Set.of("sha256") : Set.of();
    }

    private HttpResponse<?> refused(Authentication who, RecordType type, String id, ObjectNode submitted, Refusal e, String reason) {
        return FormAnswers.again("records/edit", view(who, type, id, submitted, FormAnswers.errors(e, "form"), reason, false,
                withheld(type, id, who)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The record as the form holds it; for a change, every property the form shows, an emptied one as null. */
    private ObjectNode read(RecordType type, Form form, Authentication who, boolean patch, Set<String> withheld) {
        boolean grant = who.getRoles().contains(Roles.WITNESS_PROTECTION);
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (Property p : type.properties().values()) {
            if ((p.type() == PropertyType.PROTECTED && !grant) || withheld.contains(p.name())) {
                continue; // what the form does not show, it does not change
            }
            JsonNode value = value(p, form);
            if (value != null) {
                out.set(p.name(), value);
            } else if (patch && p.type() != PropertyType.PROTECTED) {
                // a sealed value is never shown in the form, so an empty field leaves it as it is (never erases it)
                out.set(p.name(), NullNode.getInstance());
            }
        }
        return out;
    }

    private static JsonNode value(Property p, Form form) {
        List<String> columns = COLUMNS.get(p.type());
        if (columns != null) {
            ArrayNode rows = Json.MAPPER.createArrayNode();
            for (int i = 0; i < 200; i++) {
                ObjectNode row = Json.MAPPER.createObjectNode();
                boolean any = false;
                boolean present = false;
                for (String c : columns) {
                    String v = form.get(p.name() + "." + i + "." + c);
                    present |= v != null;
                    if (v != null && !v.isBlank()) {
                        any = true;
                        row.set(c, scalar(c.equals("min") || c.equals("max") || c.equals("best") ? PropertyType.INTEGER : PropertyType.TEXT, v.strip()));
                    }
                }
                if (!present) {
                    break;
                }
                if (any) {
                    rows.add(row);
                }
            }
            return rows.isEmpty() ? null : rows;
        }
        if (p.type() == PropertyType.PROTECTED) {
            String v = form.get(p.name(), "").strip();
            return v.isEmpty() ? null : Json.MAPPER.createObjectNode().put("name", v);
        }
        if (p.multiple()) {
            List<String> values = new ArrayList<>();
            for (String v : form.all(p.name())) {
                for (String part : p.type() == PropertyType.VOCABULARY ? List.of(v) : List.of(v.split("[,\\n]"))) {
                    if (!part.isBlank()) {
                        values.add(part.strip());
                    }
                }
            }
            if (values.isEmpty()) {
                return null;
            }
            ArrayNode array = Json.MAPPER.createArrayNode();
            values.forEach(v -> array.add(scalar(p.type(), v)));
            return array;
        }
        String v = form.get(p.name(), "").strip();
        return v.isEmpty() ? null : scalar(p.type(), v);
    }

    /** A number where the model wants one (and it reads as one); otherwise the text, for the model's rules to judge. */
    private static JsonNode scalar(PropertyType type, String v) {
        if (type == PropertyType.INTEGER || type == PropertyType.NUMBER) {
            try {
                return type == PropertyType.INTEGER ? Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(v))
                        : Json.MAPPER.getNodeFactory().numberNode(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return Json.MAPPER.getNodeFactory().textNode(v);
            }
        }
        return Json.MAPPER.getNodeFactory().textNode(v);
    }

    private EditView view(Authentication who, RecordType type, String id, JsonNode record, List<FieldError> errors, String reason,
                          boolean retired, Set<String> withheld) {
        boolean grant = who.getRoles().contains(Roles.WITNESS_PROTECTION);
        List<EditView.Input> inputs = new ArrayList<>();
        for (Property p : type.properties().values()) {
            if ((p.type() == PropertyType.PROTECTED && !grant) || withheld.contains(p.name())) {
                continue;
            }
            String control = FieldError.control(p.name());
            // every error of the property, its rows' included ("Name 2 value ..."), beside it
            List<String> mine = errors.stream().filter(e -> e.field().equals(control) || e.field().startsWith(control + "-"))
                    .map(FieldError::message).toList();
            EditView.Field field = new EditView.Field(p.name(), control, FieldError.capitalised(FieldError.label(p.name())),
                    p.required(), hint(p));
            inputs.add(new EditView.Input(field, control(p, record.path(p.name())), mine.isEmpty() ? null : String.join(" ", mine)));
        }
        EditView.Heading heading = new EditView.Heading(type.name(), Links.slug(type), id, id == null ? record.path("id").asText("") : id,
                type.description());
        Scope scope = access.scope(who);
        List<String> writable = id == null ? scope.casesWhere(CaseRole.ANALYST) : List.of();
        List<EditView.CaseChoice> choices = writable.size() < 2 ? List.of() : cases.list(scope, false, null, 0, 500).stream()
                .filter(c -> writable.contains(c.id())).map(c -> new EditView.CaseChoice(c.id(), c.title())).toList();
        EditView.Filed filed = new EditView.Filed(choices, record.path("case").asText(writable.isEmpty() ? "" : writable.getFirst()));
        return new EditView(Chrome.of(who, "new"), heading, filed, inputs, errors, reason, retired);
    }

    /** The control a property is entered in, holding its value {@code v} (missing for a new record). */
    private static EditView.Control control(Property p, JsonNode v) {
        List<String> columns = COLUMNS.get(p.type());
        if (columns != null) {
            List<List<String>> rows = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode row : v) {
                    rows.add(columns.stream().map(c -> row.path(c).isMissingNode() || row.path(c).isNull() ? "" : row.path(c).asText()).toList());
                }
            }
            for (int i = 0; i < BLANK_ROWS; i++) {
                rows.add(columns.stream().map(c -> "").toList());
            }
            return new EditView.Rows(columns, rows, p.type() == PropertyType.CITATIONS ? List.of("supports", "contradicts") : List.of());
        }
        if (p.type() == PropertyType.VOCABULARY) {
            List<String> chosen = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> chosen.add(x.asText()));
            } else if (v.isTextual()) {
                chosen.add(v.asText());
            }
            return p.multiple() ? new EditView.Checkboxes(p.values(), chosen)
                    : new EditView.Select(p.values(), chosen.isEmpty() ? null : chosen.getFirst());
        }
        String value = v.isArray() ? String.join(", ", StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).toList())
                : v.isObject() || v.isMissingNode() || v.isNull() ? "" : v.asText();
        return p.type() == PropertyType.LONGTEXT ? new EditView.Paragraph(value) : new EditView.Line(value);
    }

    private static String hint(Property p) {
        String what = switch (p.type()) {
            case PARTIAL_DATE -> "A date as far as it is known: 2021, 2021-03 or 2021-03-06.";
            case ENTITY -> "The id of " + (p.range().isEmpty() ? "a record" : String.join(" or ", p.range().stream().map(RecordType::withArticle).toList()))
                    + (p.multiple() ? "; several separated by commas." : ".");
            case COUNTRY -> "A two-letter country code" + (p.multiple() ? "; several separated by commas." : ".");
            case TIMESTAMP -> "A moment in UTC, such as 2025-03-06T12:00:00Z.";
            case PROTECTED -> "Sealed at rest; shown only to holders of the witness-protection grant.";
            default -> null;
        };
        String description = p.description() == null || p.description().isBlank() ? null : p.description();
        return what == null ? description : description == null ? what : description + " " + what;
    }
}
