package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.Json;
import tech.followthemoney.entity.ValueEntity;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.country;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.lower;
import static org.chainline.sanctions.ftm.FtmValues.name;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.record;
import static org.chainline.sanctions.ftm.FtmValues.text;
import static org.chainline.sanctions.ftm.FtmValues.values;

/** FtM Organization (and its kinds) and Chainline Unit: state units go out as PublicBody, the others as Organization. */
final class UnitMapper {

    private UnitMapper() {
    }

    static void in(ValueEntity e, FtmIn in) {
        ArrayNode names = Json.MAPPER.createArrayNode();
        values(e, "name").forEach(n -> names.add(name(n, "primary")));
        values(e, "alias").forEach(n -> names.add(name(n, "alias")));
        if (names.isEmpty()) {
            in.skip("Organization without a name");
            return;
        }
        ObjectNode u = record("Unit", e.getId());
        u.set("names", names);
        String classification = first(e, "classification");
        u.put("classification", classification != null && in.vocabulary.unitClasses().contains(classification) ? classification
                : e.getSchema().getName().equals("PublicBody") ? "government" : FtmVocabulary.NON_STATE);
        put(u, "country", country(first(e, "country", "jurisdiction")));
        in.thing(e, "Unit", u);
    }

    static void out(JsonNode u, FtmOut out) {
        String classification = u.path("classification").asText();
        ValueEntity e = out.entity(id(u), out.vocabulary.stateUnit(classification) ? "PublicBody" : "Organization");
        boolean first = true;
        for (JsonNode n : u.path("names")) {
            add(e, first || n.path("kind").asText("").equals("primary") ? "name" : "alias", n.path("value").asText());
            first = false;
        }
        add(e, "classification", classification);
        add(e, "country", lower(text(u, "country")));
        out.emit(e);
        out.exported.add(id(u));
        out.unitNames.put(id(u), primaryName(u));
    }

    private static String primaryName(JsonNode u) {
        for (JsonNode n : u.path("names")) {
            if (n.path("kind").asText("primary").equals("primary")) {
                return n.path("value").asText();
            }
        }
        return u.path("names").path(0).path("value").asText(u.path("id").asText());
    }
}
