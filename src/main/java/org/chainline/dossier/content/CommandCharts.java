package org.chainline.dossier.content;

import org.chainline.cases.Scope;
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The chain of command above each unit that acted in an incident, at the incident's date, for the diagram. */
final class CommandCharts {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    private CommandCharts() {
    }

    /**
     * The charts of a link's incident; {@code relationOf} gives a UnitRelation claim's {@code relation} (child-of,
     * member-of, under-operational-control-of), which each arrow is labelled with; only the claims {@code claimShown}
     * lets through are drawn, and the units reached through them.
     */
    static List<DossierContent.CommandChart> of(ChainOfCommand chains, Views.Link link, Set<String> subject,
                                                UnaryOperator<String> relationOf,
                                                Predicate<String> claimShown) {
        // each unit involved in the incident on one of the subject's paths, with how it was involved (strongest path first)
        Map<String, String> acting = new LinkedHashMap<>();
        link.paths().stream().filter(p -> !p.units().isEmpty()).forEach(p -> acting.putIfAbsent(p.units().getFirst().id(),
                p.involvement() == null ? "" : p.involvement()));
        String date = link.incident().start();
        List<DossierContent.CommandChart> charts = new ArrayList<>();
        for (String unit : acting.keySet()) {
            Views.UnitChain chain = chains.ofUnit(UNBOUNDED, unit, date, LiabilityPaths.MAX_DEPTH);
            // the answer has a level per link reaching a unit: a unit under two branches comes twice, drawn once
            Map<String, DossierContent.ChartUnit> units = new LinkedHashMap<>();
            Map<String, DossierContent.ChartRelation> relations = new LinkedHashMap<>();
            List<Views.Level> ordered = new ArrayList<>(chain.levels());
            ordered.sort(Comparator.comparingInt(Views.Level::depth).thenComparing(l -> l.unit().id()));
            for (Views.Level level : ordered) {
                Views.Step link0 = level.link();
                if (level.below() != null && (!units.containsKey(level.below().id()) || link0 == null || !claimShown.test(link0.claim()))) {
                    continue; // reached only through a claim the dossier does not rest on
                }
                units.computeIfAbsent(level.unit().id(), id -> new DossierContent.ChartUnit(id, display(level.unit()), level.depth(),
                        level.commanders().stream().filter(c -> claimShown.test(c.posting().claim()))
                                .map(c -> new DossierContent.ChartCommander(c.person().id(), display(c.person()),
                                        c.posting().start(), c.posting().end(), c.posting().strength(), c.posting().validity(),
                                        subject.contains(c.person().id()))).toList()));
                Views.Step relation = level.link();
                if (relation != null && level.below() != null) {
                    relations.putIfAbsent(relation.claim() + "\n" + level.below().id() + "\n" + level.unit().id(),
                            new DossierContent.ChartRelation(relation.claim(), level.below().id(), level.unit().id(),
                                    relationWord(relation, relationOf), relation.strength(), relation.validity()));
                }
            }
            charts.add(new DossierContent.CommandChart(link.incident().id(), link.incident().name(), date,
                    display(chain.unit()), acting.get(unit).isEmpty() ? null : acting.get(unit),
                    List.copyOf(units.values()), List.copyOf(relations.values())));
        }
        return charts;
    }

    /** A record's name as the dossier prints it: the original, with the Latin form after it where they differ. */
    static String display(Views.Ref ref) {
        return ref.latinName() == null || ref.latinName().equals(ref.name()) ? ref.name() : ref.name() + " (" + ref.latinName() + ")";
    }

    /** "child of": the claim's relation in words, or "under" for a link between units of another kind of claim. */
    private static String relationWord(Views.Step link, UnaryOperator<String> relationOf) {
        return link.type().equals("UnitRelation") ? relationOf.apply(link.claim()).replace('-', ' ') : "under";
    }
}
