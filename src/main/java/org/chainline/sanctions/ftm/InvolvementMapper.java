package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.claim;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.text;

/** Chainline Involvement and FtM UnknownLink of an actor (subject) to an event (object), the role as its role. */
final class InvolvementMapper {

    private InvolvementMapper() {
    }

    static void in(ValueEntity e, FtmIn in) {
        String subject = first(e, "subject");
        String object = first(e, "object");
        String role = first(e, "role");
        if (in.is(object, "Incident") && in.imported(subject) && !in.is(subject, "Incident")
                && role != null && in.vocabulary.involvementRoles().contains(role)) {
            ObjectNode involvement = claim("Involvement", e, in.evidence);
            involvement.put("actor", in.id(subject)).put("incident", in.id(object)).put("role", role);
            put(involvement, "description", first(e, "description"));
            in.add("Involvement", involvement);
        } else {
            in.skip("UnknownLink that is not an involvement in an event");
        }
    }

    static void out(JsonNode inv, FtmOut out) {
        ValueEntity link = out.entity(id(inv), "UnknownLink");
        add(link, "subject", inv.path("actor").asText());
        add(link, "object", inv.path("incident").asText());
        add(link, "role", inv.path("role").asText());
        add(link, "description", text(inv, "description"));
        out.emit(link);
        out.exported.add(id(inv));
    }
}
