package org.chainline.liability;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Claim rows into {@link ClaimFacts}, with a one-line summary a lawyer can read. */
final class ClaimSummaries {

    private ClaimSummaries() {
    }

    static ClaimFacts asClaim(Record r) {
        Map<String, String> names = new HashMap<>();
        List<String> units = new ArrayList<>();
        for (Value link : r.get("links").values()) {
            String name = link.get("name").asString(link.get("id").asString());
            names.merge(link.get("edge").asString(), name, (a, b) -> a + ", " + b);
            if ("Unit".equals(link.get("type").asString(null))) {
                units.add(link.get("id").asString());
            }
        }
        List<CitedEvidence> citations = new ArrayList<>();
        for (Value c : r.get("citations").values()) {
            citations.add(new CitedEvidence(c.get("evidence").asString(), c.get("title").asString(null),
                    c.get("stance").asString("supports"), c.get("pinpoint").asString(null), c.get("kind").asString(null),
                    c.get("sha256").asString(null), c.get("forwardedFrom").asString(null), c.get("copyOf").asString(null),
                    c.get("source").asString(null), c.get("reliability").asString(null),
                    c.get("credibility").isNull() ? null : c.get("credibility").asInt(), c.get("authoredBy").asString(null),
                    c.get("origin").asString(null)));
        }
        citations.sort(Comparator.comparing(CitedEvidence::evidence));
        String type = r.get("type").asString();
        String start = r.get("start").asString(null);
        String end = r.get("end").asString(null);
        Value fromMin = r.get("fromMin");
        Value fromMax = r.get("fromMax");
        Value order = r.get("orderDate");
        if (!order.isNull() && start == null) {
            // an order given "in January" is only possibly before an incident on 5 January
            start = order.get(0).asString();
            fromMin = order.get(1);
            fromMax = order.get(2);
        }
        return new ClaimFacts(r.get("id").asString(), type, r.get("research").isNull() ? null : r.get("research").asString(),
                summary(type, r, names, start, end), LiabilityGraph.date(fromMin), LiabilityGraph.date(fromMax),
                LiabilityGraph.date(r.get("toMin")), LiabilityGraph.date(r.get("toMax")), units, List.copyOf(citations), start, end);
    }

    private static String share(double share) {
        return share == Math.rint(share) ? String.valueOf((long) share) : String.valueOf(share);
    }

    /** "London, GB", or the country alone. */
    private static String place(Record r) {
        String country = r.get("country").asString("");
        return r.get("place").isNull() ? country : r.get("place").asString() + ", " + country;
    }

    private static String summary(String type, Record r, Map<String, String> n, String start, String end) {
        String when = start == null && end == null ? "" : " (" + (start == null ? "?" : start) + " – " + (end == null ? "" : end) + ")";
        return switch (type) {
            case "Posting" -> n.get("PERSON") + ": " + r.get("role").asString() + (r.get("title").isNull() ? "" : ", " + r.get("title").asString())
                    + " of " + n.get("UNIT") + when;
            case "UnitRelation" -> n.get("UNIT") + " " + r.get("relation").asString().replace('-', ' ') + " " + n.get("SUPERIOR") + when;
            case "Involvement" -> n.get("ACTOR") + " " + r.get("role").asString().replace('-', ' ') + ": " + n.get("INCIDENT");
            case "Issuance" -> n.get("ISSUER") + " issued \"" + n.get("ORDER") + "\""
                    + (n.containsKey("RECIPIENT") ? " to " + n.get("RECIPIENT") : "") + (start == null ? "" : " (" + start + ")");
            case "Identity" -> n.get("PERSON") + " is the same person as " + n.get("SAME_PERSON");
            case "Knowledge" -> n.get("PERSON") + " knew of " + n.get("INCIDENT") + " (" + r.get("basis").asString().replace('-', ' ') + ")";
            case "Ownership" -> n.get("OWNER") + " owns " + (r.get("share").isNull() ? "" : share(r.get("share").asDouble()) + " % of ")
                    + n.get("ASSET") + when;
            case "Directorship" -> n.get("DIRECTOR") + " directs " + n.get("COMPANY")
                    + (r.get("role").isNull() ? "" : " (" + r.get("role").asString() + ")") + when;
            case "Family" -> n.get("PERSON") + ", " + r.get("relationship").asString() + ": " + n.get("RELATIVE") + when;
            case "Associate" -> n.get("PERSON") + ", " + r.get("relationship").asString() + ": " + n.get("ASSOCIATE") + when;
            case "Residence" -> n.get("PERSON") + " lives in " + place(r) + when;
            case "Travel" -> n.get("PERSON") + " travelled to " + place(r) + when;
            default -> type + " " + r.get("id").asString() + when;
        };
    }
}
