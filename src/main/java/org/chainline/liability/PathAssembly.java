package org.chainline.liability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a row of a path query into the path(s) it shows, with steps, art. 28 elements and strength. */
final class PathAssembly {

    private PathAssembly() {
    }

    static List<Views.Path> paths(LiabilityGraph.PathRow row, LiabilityGraph.RecordFacts incident,
                                  Map<String, ClaimFacts> claims, Map<String, LiabilityGraph.RecordFacts> records) {
        // For an order a unit issued, the commander who answers for it is the one in post on the order's date.
        Validity.Window orderDate = row.claims().stream().map(claims::get).filter(c -> c.type().equals("Issuance"))
                .findFirst().map(c -> new Validity.Window(c.fromMin(), c.fromMax(), c.fromMin(), c.fromMax())).orElse(null);
        List<Views.Step> steps = new ArrayList<>();
        for (String id : row.claims()) {
            ClaimFacts claim = claims.get(id);
            boolean issuingCommander = row.route().equals("order") && claim.type().equals("Posting") && orderDate != null;
            steps.add(step(claim, issuingCommander ? orderDate : incident.window()));
        }
        List<Views.Ref> units = row.units().stream().map(u -> records.get(u).ref()).toList();
        List<Views.Path> paths = new ArrayList<>();
        String mode = switch (row.route()) {
            case "command" -> "command";
            case "order" -> "ordering";
            default -> switch (row.role()) {
                case "ordered" -> "ordering";
                case "commanded" -> "command";
                case "failed-to-prevent", "failed-to-punish" -> "failure-to-act";
                default -> "direct";
            };
        };
        List<Views.Element> elements = List.of();
        if (mode.equals("command")) {
            elements = elements(row, steps, claims, incident);
        }
        paths.add(path(mode, row.role(), row.depth(), units, steps, elements));
        if (row.route().equals("command") && !row.knowledge().isEmpty() && LiabilityPaths.inaction(incident.investigation())) {
            List<Views.Step> withKnowledge = new ArrayList<>(steps);
            row.knowledge().forEach(k -> withKnowledge.add(step(claims.get(k), incident.window())));
            paths.add(path("failure-to-act", row.role(), row.depth(), units, withKnowledge, elements));
        }
        return paths;
    }

    static Views.Step step(ClaimFacts claim, Validity.Window at) {
        StrengthRule.Assessment a = StrengthRule.assess(claim);
        Validity validity = at == null ? Validity.POSSIBLE : Validity.of(claim, at);
        return new Views.Step(claim.id(), claim.type(), claim.summary(), claim.research(), a.strength(), a.reason(),
                validity.name().toLowerCase(), claim.start(), claim.end(), claim.citations());
    }

    private static Views.Path path(String mode, String involvement, int depth, List<Views.Ref> units, List<Views.Step> steps,
                                   List<Views.Element> elements) {
        boolean certain = steps.stream().allMatch(s -> s.validity().equals("certain"));
        StrengthRule.Assessment strength = StrengthRule.path(steps, involvement);
        return new Views.Path(mode, involvement, strength.strength(), strength.reason(), certain, depth, units,
                List.copyOf(steps), elements);
    }

    /** Effective control, knowledge, and failure to prevent or punish, each with its claims. */
    private static List<Views.Element> elements(LiabilityGraph.PathRow row, List<Views.Step> steps,
                                                Map<String, ClaimFacts> claims, LiabilityGraph.RecordFacts incident) {
        List<Views.Step> control = steps.stream().filter(s -> s.type().equals("Posting") || s.type().equals("UnitRelation")).toList();
        Views.Element effectiveControl = new Views.Element("effective-control", !control.isEmpty(),
                control.stream().map(Views.Step::claim).toList(), weakest(control),
                "postings and unit relations at the incident date");
        List<Views.Step> knew = row.knowledge().stream().map(k -> step(claims.get(k), incident.window())).toList();
        Views.Element knowledge = new Views.Element("knowledge", !knew.isEmpty(), knew.stream().map(Views.Step::claim).toList(),
                strongest(knew), knew.isEmpty() ? "no Knowledge claim for this person and incident" : "knew or should have known");
        List<Views.Step> failed = row.failures().stream().map(f -> step(claims.get(f), incident.window())).toList();
        boolean inaction = LiabilityPaths.inaction(incident.investigation());
        Views.Element failure = new Views.Element("failure-to-prevent-or-punish", !failed.isEmpty() || inaction,
                failed.stream().map(Views.Step::claim).toList(), strongest(failed),
                inaction ? "official investigation: " + incident.investigation()
                        : incident.investigation() == null ? "no investigation recorded" : "official investigation: " + incident.investigation());
        return List.of(effectiveControl, knowledge, failure);
    }

    private static Strength weakest(List<Views.Step> steps) {
        return steps.stream().map(Views.Step::strength).reduce(Strength::weakest).orElse(null);
    }

    private static Strength strongest(List<Views.Step> steps) {
        return steps.stream().map(Views.Step::strength).reduce(Strength::strongest).orElse(null);
    }
}
