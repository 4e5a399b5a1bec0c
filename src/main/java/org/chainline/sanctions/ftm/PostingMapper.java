package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.claim;
import static org.chainline.sanctions.ftm.FtmValues.dates;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.text;

/**
 * Chainline Posting and FtM: a member's posting is a Membership; a command or staff role is an Occupancy of a Position
 * named after the role and the unit ("Deputy commander, 4th Regiment"). In, a Membership of a person in an organisation
 * and an Occupancy of a Position with an organisation are postings.
 */
final class PostingMapper {

    private PostingMapper() {
    }

    /** A Membership of a person in a unit. */
    static void fromMembership(ValueEntity e, String member, String org, FtmIn in) {
        ObjectNode posting = claim("Posting", e, in.evidence);
        posting.put("person", in.id(member)).put("unit", in.id(org));
        String role = first(e, "role");
        boolean known = role != null && in.vocabulary.postingRoles().contains(role);
        posting.put("role", known ? role : in.vocabulary.roleOf(role));
        put(posting, "title", first(e, "description") != null ? first(e, "description") : role != null && !known ? role : null);
        in.add("Posting", posting);
    }

    static void fromOccupancy(ValueEntity e, FtmIn in) {
        String holder = first(e, "holder");
        ValueEntity post = in.entities.get(first(e, "post"));
        String org = post == null ? null : first(post, "organization");
        if (!in.is(holder, "Person") || !in.is(org, "Unit")) {
            in.skip("Occupancy of a Position without an imported organisation");
            return;
        }
        ObjectNode posting = claim("Posting", e, in.evidence);
        posting.put("person", in.id(holder)).put("unit", in.id(org)).put("role", in.vocabulary.roleOf(first(post, "name")));
        put(posting, "title", first(e, "description") != null ? first(e, "description") : in.vocabulary.titleOf(first(post, "name")));
        in.add("Posting", posting);
    }

    static void out(JsonNode posting, FtmOut out) {
        String role = posting.path("role").asText();
        String unit = posting.path("unit").asText();
        if (role.equals(FtmVocabulary.MEMBER)) {
            ValueEntity m = out.entity(id(posting), "Membership");
            add(m, "member", posting.path("person").asText());
            add(m, "organization", unit);
            add(m, "role", role);
            dates(m, posting);
            add(m, "description", text(posting, "title"));
            out.emit(m);
        } else {
            String positionId = "position-" + unit + "-" + role;
            if (out.positions.add(positionId)) {
                ValueEntity position = out.entity(positionId, "Position");
                add(position, "name", FtmVocabulary.title(role) + ", " + out.unitNames.getOrDefault(unit, unit));
                add(position, "organization", unit);
                out.emit(position);
            }
            ValueEntity o = out.entity(id(posting), "Occupancy");
            add(o, "holder", posting.path("person").asText());
            add(o, "post", positionId);
            dates(o, posting);
            add(o, "description", text(posting, "title"));
            out.emit(o);
        }
        out.exported.add(id(posting));
    }
}
