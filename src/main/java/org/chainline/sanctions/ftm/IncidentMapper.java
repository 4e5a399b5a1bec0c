package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.Json;
import tech.followthemoney.entity.ValueEntity;

import java.util.List;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.country;
import static org.chainline.sanctions.ftm.FtmValues.date;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.lower;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.record;
import static org.chainline.sanctions.ftm.FtmValues.text;
import static org.chainline.sanctions.ftm.FtmValues.values;

/** Chainline Incident and FtM Event: the violations as keywords (an Event naming none is not an incident), actors involved. */
final class IncidentMapper {

    private IncidentMapper() {
    }

    static void in(ValueEntity e, FtmIn in) {
        List<String> violations = values(e, "keywords").stream().filter(in.vocabulary.violations()::contains).distinct().toList();
        String start = date(first(e, "startDate", "date"));
        if (violations.isEmpty() || start == null) {
            in.skip(violations.isEmpty() ? "Event without a violation type (keywords naming one)" : "Event without a date");
            return;
        }
        ObjectNode incident = record("Incident", e.getId());
        incident.put("title", first(e, "name"));
        incident.set("violations", Json.MAPPER.valueToTree(violations));
        incident.put("start", start);
        put(incident, "end", date(first(e, "endDate")));
        put(incident, "placeName", first(e, "location"));
        put(incident, "country", country(first(e, "country")));
        put(incident, "narrative", first(e, "summary", "description"));
        in.thing(e, "Incident", incident);
    }

    static void out(JsonNode incident, List<String> involved, FtmOut out) {
        ValueEntity e = out.entity(id(incident), "Event");
        add(e, "name", incident.path("title").asText());
        add(e, "startDate", text(incident, "start"));
        add(e, "endDate", text(incident, "end"));
        add(e, "location", text(incident, "placeName"));
        add(e, "country", lower(text(incident, "country")));
        add(e, "summary", text(incident, "narrative"));
        incident.path("violations").forEach(v -> add(e, "keywords", v.asText()));
        involved.stream().distinct().forEach(a -> add(e, "involved", a));
        out.emit(e);
        out.exported.add(id(incident));
    }
}
