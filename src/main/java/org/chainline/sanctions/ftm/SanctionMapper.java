package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.country;
import static org.chainline.sanctions.ftm.FtmValues.date;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.lower;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.record;
import static org.chainline.sanctions.ftm.FtmValues.text;

/** Chainline Sanction and FtM Sanction of a person: jurisdiction as country, programme, dates, status, grounds. */
final class SanctionMapper {

    private SanctionMapper() {
    }

    static void in(ValueEntity e, FtmIn in) {
        String entity = first(e, "entity");
        if (!in.is(entity, "Person")) {
            in.skip("Sanction of something other than an imported person");
            return;
        }
        ObjectNode s = record("Sanction", e.getId());
        s.put("person", in.id(entity));
        put(s, "jurisdiction", country(first(e, "country")));
        put(s, "authority", first(e, "authority"));
        s.put("program", Optional.ofNullable(first(e, "program")).or(() -> Optional.ofNullable(first(e, "authority")))
                .orElse("(programme not stated)"));
        put(s, "programId", first(e, "programId"));
        put(s, "listingDate", date(first(e, "listingDate", "startDate", "date")));
        String end = date(first(e, "endDate"));
        put(s, "endDate", end);
        String status = first(e, "status");
        s.put("status", end != null || (status != null && List.of("delisted", "inactive", "ended").contains(status.toLowerCase(Locale.ROOT)))
                ? "delisted" : "active");
        put(s, "grounds", first(e, "reason"));
        s.put("basis", "dataset");
        put(s, "listEntry", first(e, "recordId"));
        in.add("Sanction", s);
    }

    static void out(JsonNode sanction, FtmOut out) {
        ValueEntity s = out.entity(id(sanction), "Sanction");
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
        out.emit(s);
    }
}
