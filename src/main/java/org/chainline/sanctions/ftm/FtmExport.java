package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.Sha256;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.Records;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.exc.SchemaException;
import tech.followthemoney.model.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.chainline.input.Json;

/**
 * The graph as FollowTheMoney entities (JSON lines), built with FtM's own Java model so that every schema and property
 * name is FtM's: Person; Unit as PublicBody (state units) or Organization (non-state); a Posting as Membership (role
 * member) or as Occupancy of a Position (command and staff roles, the Position named after the role and the unit);
 * UnitRelation as Membership of one organisation in another (role child-of, member-of, under-operational-control-of);
 * Incident as Event (violations as keywords, involved actors); Involvement as UnknownLink (role); evidence items with a
 * SHA-256 as Document, Video or Image ({@code contentHash}); each citation as Documentation; Sanction as Sanction.
 *
 * <p>What never leaves: sources and victims (whose identities are protected), protected evidence, the sealed values of
 * any record, analysts' notes and the text of messages. Restricted evidence leaves only when asked for
 * ({@code restricted}); its file names and titles then go too.
 */
@Singleton
public class FtmExport {
    static final Set<String> STATE_UNITS = Set.of("police", "riot-police", "national-guard", "military", "special-forces",
            "intelligence", "ministry", "government", "foreign-armed-forces");
    static final Map<String, String> ROLE_TITLES = Map.of("commander", "Commander", "deputy-commander", "Deputy commander",
            "chief-of-staff", "Chief of staff", "head", "Head", "minister", "Minister");

    private final Records records;
    private final Model ftm;

    FtmExport(Records records, Model ftm) {
        this.records = records;
        this.ftm = ftm;
    }

    /** How many entities of each schema were written. */
    public record Summary(Map<String, Integer> schemata) {
    }

    public Summary write(Writer out, boolean includeRestricted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Consumer<ValueEntity> emit = e -> {
            try {
                out.write(Json.MAPPER.writeValueAsString(e.toValueJson()));
                out.write('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            counts.merge(e.getSchema().getName(), 1, Integer::sum);
        };
        Map<String, String> unitNames = new HashMap<>();
        Set<String> exported = new HashSet<>();
        for (JsonNode p : all("Person")) {
            emit.accept(person(p));
            exported.add(id(p));
        }
        for (JsonNode u : all("Unit")) {
            emit.accept(unit(u));
            exported.add(id(u));
            unitNames.put(id(u), primaryName(u));
        }
        Set<String> positions = new HashSet<>();
        for (JsonNode posting : all("Posting")) {
            String role = posting.path("role").asText();
            String unit = posting.path("unit").asText();
            if (role.equals("member")) {
                ValueEntity m = entity(id(posting), "Membership");
                add(m, "member", posting.path("person").asText());
                add(m, "organization", unit);
                add(m, "role", role);
                dates(m, posting);
                add(m, "description", text(posting, "title"));
                emit.accept(m);
            } else {
                String positionId = "position-" + unit + "-" + role;
                if (positions.add(positionId)) {
                    ValueEntity position = entity(positionId, "Position");
                    add(position, "name", ROLE_TITLES.getOrDefault(role, role) + ", " + unitNames.getOrDefault(unit, unit));
                    add(position, "organization", unit);
                    emit.accept(position);
                }
                ValueEntity o = entity(id(posting), "Occupancy");
                add(o, "holder", posting.path("person").asText());
                add(o, "post", positionId);
                dates(o, posting);
                add(o, "description", text(posting, "title"));
                emit.accept(o);
            }
            exported.add(id(posting));
        }
        for (JsonNode relation : all("UnitRelation")) {
            ValueEntity m = entity(id(relation), "Membership");
            add(m, "member", relation.path("unit").asText());
            add(m, "organization", relation.path("superior").asText());
            add(m, "role", relation.path("relation").asText());
            dates(m, relation);
            emit.accept(m);
            exported.add(id(relation));
        }
        Map<String, List<String>> involved = new HashMap<>();
        List<JsonNode> involvements = all("Involvement");
        for (JsonNode inv : involvements) {
            involved.computeIfAbsent(inv.path("incident").asText(), k -> new java.util.ArrayList<>()).add(inv.path("actor").asText());
        }
        for (JsonNode incident : all("Incident")) {
            ValueEntity e = entity(id(incident), "Event");
            add(e, "name", incident.path("title").asText());
            add(e, "startDate", text(incident, "start"));
            add(e, "endDate", text(incident, "end"));
            add(e, "location", text(incident, "placeName"));
            add(e, "country", lower(text(incident, "country")));
            add(e, "summary", text(incident, "narrative"));
            incident.path("violations").forEach(v -> add(e, "keywords", v.asText()));
            involved.getOrDefault(id(incident), List.of()).stream().distinct().forEach(a -> add(e, "involved", a));
            emit.accept(e);
            exported.add(id(incident));
        }
        for (JsonNode inv : involvements) {
            ValueEntity link = entity(id(inv), "UnknownLink");
            add(link, "subject", inv.path("actor").asText());
            add(link, "object", inv.path("incident").asText());
            add(link, "role", inv.path("role").asText());
            add(link, "description", text(inv, "description"));
            emit.accept(link);
            exported.add(id(inv));
        }
        Set<String> documents = new HashSet<>();
        for (JsonNode ev : all("Evidence")) {
            String confidentiality = ev.path("confidentiality").asText("restricted");
            if (!ev.hasNonNull("sha256") || confidentiality.equals("protected")
                    || (confidentiality.equals("restricted") && !includeRestricted)) {
                continue;
            }
            String schema = switch (ev.path("kind").asText()) {
                case "video" -> "Video";
                case "photo", "satellite-image" -> "Image";
                default -> "Document";
            };
            ValueEntity d = entity(id(ev), schema);
            add(d, "fileName", text(ev, "fileName") != null ? text(ev, "fileName") : ev.path("sha256").asText());
            add(d, "contentHash", ev.path("sha256").asText());
            add(d, "mimeType", text(ev, "mediaType"));
            add(d, "title", text(ev, "title"));
            add(d, "language", text(ev, "language"));
            add(d, "publishedAt", text(ev, "published"));
            add(d, "sourceUrl", text(ev, "url"));
            emit.accept(d);
            documents.add(id(ev));
        }
        for (JsonNode sanction : all("Sanction")) {
            ValueEntity s = entity(id(sanction), "Sanction");
            add(s, "entity", sanction.path("person").asText());
            add(s, "country", lower(text(sanction, "jurisdiction")));
            add(s, "authority", text(sanction, "authority"));
            add(s, "program", text(sanction, "program"));
            add(s, "programId", text(sanction, "programId"));
            add(s, "listingDate", text(sanction, "listingDate"));
            add(s, "endDate", text(sanction, "endDate"));
            add(s, "status", text(sanction, "status"));
            add(s, "reason", text(sanction, "grounds"));
            add(s, "sourceUrl", text(sanction, "sourceUrl"));
            add(s, "recordId", text(sanction, "listEntry"));
            emit.accept(s);
        }
        // Citations: the documents that support or contradict a claim, attached to the things the claim is about.
        for (String claimType : List.of("Posting", "UnitRelation", "Involvement")) {
            for (JsonNode claim : all(claimType)) {
                List<String> things = switch (claimType) {
                    case "Posting" -> List.of(claim.path("person").asText(), claim.path("unit").asText());
                    case "UnitRelation" -> List.of(claim.path("unit").asText(), claim.path("superior").asText());
                    default -> List.of(claim.path("actor").asText(), claim.path("incident").asText());
                };
                for (JsonNode c : claim.path("citations")) {
                    String evidence = c.path("evidence").asText();
                    if (!documents.contains(evidence)) {
                        continue;
                    }
                    for (String thing : things) {
                        if (!exported.contains(thing)) {
                            continue;
                        }
                        ValueEntity doc = entity("documentation-" + Sha256.hex(id(claim) + "\n" + evidence + "\n" + thing)
                                .substring(0, 20), "Documentation");
                        add(doc, "document", evidence);
                        add(doc, "entity", thing);
                        add(doc, "role", c.path("stance").asText("supports") + " " + claimType + " " + id(claim));
                        add(doc, "summary", text(c, "pinpoint"));
                        emit.accept(doc);
                    }
                }
            }
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(counts);
    }

    private ValueEntity person(JsonNode p) {
        ValueEntity e = entity(id(p), "Person");
        boolean primary = false;
        for (JsonNode n : p.path("names")) {
            String kind = n.path("kind").asText("primary");
            String value = n.path("value").asText();
            switch (kind) {
                case "primary" -> {
                    add(e, "name", value);
                    primary = true;
                }
                case "previous" -> add(e, "previousName", value);
                default -> add(e, "alias", value);
            }
        }
        if (!primary && p.path("names").size() > 0) {
            add(e, "name", p.path("names").get(0).path("value").asText());
        }
        add(e, "middleName", text(p, "patronymic"));
        add(e, "birthDate", text(p, "birthDate"));
        add(e, "birthPlace", text(p, "birthPlace"));
        p.path("nationalities").forEach(n -> add(e, "nationality", lower(n.asText())));
        add(e, "gender", text(p, "gender"));
        for (JsonNode i : p.path("identifiers")) {
            String kind = i.path("kind").asText("").toLowerCase(Locale.ROOT);
            add(e, kind.contains("passport") ? "passportNumber" : "idNumber", i.path("value").asText());
        }
        return e;
    }

    private ValueEntity unit(JsonNode u) {
        String classification = u.path("classification").asText();
        ValueEntity e = entity(id(u), STATE_UNITS.contains(classification) ? "PublicBody" : "Organization");
        boolean first = true;
        for (JsonNode n : u.path("names")) {
            add(e, first || n.path("kind").asText("").equals("primary") ? "name" : "alias", n.path("value").asText());
            first = false;
        }
        add(e, "classification", classification);
        add(e, "country", lower(text(u, "country")));
        return e;
    }

    private static String primaryName(JsonNode u) {
        for (JsonNode n : u.path("names")) {
            if (n.path("kind").asText("primary").equals("primary")) {
                return n.path("value").asText();
            }
        }
        return u.path("names").path(0).path("value").asText(u.path("id").asText());
    }

    private ValueEntity entity(String id, String schema) {
        return new ValueEntity(id, ftm.getSchema(schema));
    }

    /** Adds a value through FtM's model, which refuses a property the schema does not have. */
    private static void add(ValueEntity entity, String property, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            entity.addValue(property, value);
        } catch (SchemaException e) {
            throw new IllegalStateException("FtM " + entity.getSchema().getName() + " has no property " + property, e);
        }
    }

    private static void dates(ValueEntity e, JsonNode claim) {
        add(e, "startDate", text(claim, "start"));
        add(e, "endDate", text(claim, "end"));
    }

    private List<JsonNode> all(String typeName) {
        RecordType type = records.model().type(typeName).orElseThrow();
        List<JsonNode> out = new java.util.ArrayList<>();
        int offset = 0;
        while (true) {
            List<ObjectNode> page = records.list(type, null, false, offset, 500);
            out.addAll(page);
            if (page.size() < 500) {
                return out;
            }
            offset += 500;
        }
    }

    private static String id(JsonNode record) {
        return record.path("id").asText();
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
