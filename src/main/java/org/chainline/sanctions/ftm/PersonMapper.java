package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.Json;
import tech.followthemoney.entity.ValueEntity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.country;
import static org.chainline.sanctions.ftm.FtmValues.date;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.lower;
import static org.chainline.sanctions.ftm.FtmValues.name;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.record;
import static org.chainline.sanctions.ftm.FtmValues.text;
import static org.chainline.sanctions.ftm.FtmValues.values;

/** FtM Person and Chainline Person: names by kind, patronymic as middle name, birth, nationalities, identifiers. */
final class PersonMapper {

    private PersonMapper() {
    }

    static void in(ValueEntity e, FtmIn in) {
        ArrayNode names = Json.MAPPER.createArrayNode();
        values(e, "name").forEach(n -> names.add(name(n, "primary")));
        values(e, "alias").forEach(n -> names.add(name(n, "alias")));
        values(e, "weakAlias").forEach(n -> names.add(name(n, "alias")));
        values(e, "previousName").forEach(n -> names.add(name(n, "previous")));
        if (names.isEmpty()) {
            String composed = (String.join(" ", values(e, "firstName")) + " " + String.join(" ", values(e, "lastName"))).strip();
            if (composed.isEmpty()) {
                in.skip("Person without a name");
                return;
            }
            names.add(name(composed, "primary"));
        }
        ObjectNode p = record("Person", e.getId());
        p.set("names", names);
        put(p, "patronymic", first(e, "middleName"));
        put(p, "birthDate", date(first(e, "birthDate")));
        put(p, "birthPlace", first(e, "birthPlace"));
        ArrayNode nationalities = Json.MAPPER.createArrayNode();
        for (String prop : List.of("nationality", "citizenship")) {
            values(e, prop).stream().map(FtmValues::country).filter(Objects::nonNull).distinct()
                    .filter(c -> !nationalities.toString().contains("\"" + c + "\"")).forEach(nationalities::add);
        }
        if (!nationalities.isEmpty()) {
            p.set("nationalities", nationalities);
        }
        String gender = first(e, "gender");
        if (gender != null && in.vocabulary.genders().contains(gender)) {
            p.put("gender", gender);
        }
        ArrayNode identifiers = Json.MAPPER.createArrayNode();
        for (String prop : List.of("passportNumber", "idNumber")) {
            for (String v : values(e, prop)) {
                identifiers.add(Json.MAPPER.createObjectNode().put("kind", prop.equals("passportNumber") ? "passport" : "national-id")
                        .put("value", v));
            }
        }
        if (!identifiers.isEmpty()) {
            p.set("identifiers", identifiers);
        }
        in.thing(e, "Person", p);
    }

    static void out(JsonNode p, FtmOut out) {
        ValueEntity e = out.entity(id(p), "Person");
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
        out.emit(e);
        out.exported.add(id(p));
    }
}
