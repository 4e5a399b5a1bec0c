package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.claim;
import static org.chainline.sanctions.ftm.FtmValues.dates;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;

/** Chainline UnitRelation and FtM Membership of one organisation in another, the relation as its role. */
final class UnitRelationMapper {

    private UnitRelationMapper() {
    }

    /** A Membership of a unit in a unit; a role that is not a relation of the model is member-of. */
    static void fromMembership(ValueEntity e, String member, String org, FtmIn in) {
        ObjectNode relation = claim("UnitRelation", e, in.evidence);
        String role = first(e, "role");
        relation.put("unit", in.id(member)).put("superior", in.id(org))
                .put("relation", role != null && in.vocabulary.relations().contains(role) ? role : "member-of");
        in.add("UnitRelation", relation);
    }

    static void out(JsonNode relation, FtmOut out) {
        ValueEntity m = out.entity(id(relation), "Membership");
        add(m, "member", relation.path("unit").asText());
        add(m, "organization", relation.path("superior").asText());
        add(m, "role", relation.path("relation").asText());
        dates(m, relation);
        out.emit(m);
        out.exported.add(id(relation));
    }
}
