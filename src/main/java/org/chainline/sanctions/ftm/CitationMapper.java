package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.Sha256;
import tech.followthemoney.entity.ValueEntity;

import java.util.List;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.text;

/**
 * A claim's citations out as FtM Documentation: the exported document that supports or contradicts the claim,
 * attached to each exported thing the claim is about.
 */
final class CitationMapper {

    /** The claim types whose citations go out, in the order they are written. */
    static final List<String> CLAIMS = List.of("Posting", "UnitRelation", "Involvement", "Ownership", "Directorship",
            "Family", "Associate", "Residence", "Travel");

    private CitationMapper() {
    }

    static void out(String claimType, JsonNode claim, FtmOut out) {
        List<String> things = switch (claimType) {
            case "Posting" -> List.of(claim.path("person").asText(), claim.path("unit").asText());
            case "UnitRelation" -> List.of(claim.path("unit").asText(), claim.path("superior").asText());
            case "Ownership" -> List.of(claim.path("owner").asText(), claim.path("asset").asText());
            case "Directorship" -> List.of(claim.path("director").asText(), claim.path("company").asText());
            case "Family" -> List.of(claim.path("person").asText(), claim.path("relative").asText());
            case "Associate" -> List.of(claim.path("person").asText(), claim.path("associate").asText());
            case "Residence", "Travel" -> List.of(claim.path("person").asText());
            default -> List.of(claim.path("actor").asText(), claim.path("incident").asText());
        };
        for (JsonNode c : claim.path("citations")) {
            String evidence = c.path("evidence").asText();
            if (!out.documents.contains(evidence)) {
                continue;
            }
            for (String thing : things) {
                if (!out.exported.contains(thing)) {
                    continue;
                }
                ValueEntity doc = out.entity("documentation-" + Sha256.hex(id(claim) + "\n" + evidence + "\n" + thing)
                        .substring(0, 20), "Documentation");
                add(doc, "document", evidence);
                add(doc, "entity", thing);
                add(doc, "role", c.path("stance").asText("supports") + " " + claimType + " " + id(claim));
                add(doc, "summary", text(c, "pinpoint"));
                out.emit(doc);
            }
        }
    }
}
