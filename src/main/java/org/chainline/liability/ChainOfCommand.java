package org.chainline.liability;

import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.registry.model.PartialDate;
import org.neo4j.driver.TransactionContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who commanded whom at a date: for a unit, its superior units to the top and the commanders at each level then;
 * for a person, the posts held then and, for command posts, the units below.
 */
@Singleton
public class ChainOfCommand {

    private final LiabilityGraph graph;

    ChainOfCommand(LiabilityGraph graph) {
        this.graph = graph;
    }

    public Views.UnitChain ofUnit(Scope scope, String unitId, String at, int maxDepth) {
        PartialDate date = date(at);
        check(maxDepth);
        return graph.read(tx -> {
            LiabilityGraph.RecordFacts unit = graph.records(tx, scope, List.of(unitId)).get(unitId);
            if (unit == null || !"Unit".equals(unit.type())) {
                throw new NotFound("unit", unitId);
            }
            return new Views.UnitChain(unit.ref(), date.text(), levels(tx, scope, graph.above(tx, scope, unitId, Validity.Window.of(date), maxDepth), date));
        });
    }

    public Views.PersonChain ofPerson(Scope scope, String personId, String at, int maxDepth) {
        PartialDate date = date(at);
        check(maxDepth);
        return graph.read(tx -> ofPerson(tx, scope, personId, date, maxDepth));
    }

    private Views.PersonChain ofPerson(TransactionContext tx, Scope scope, String personId, PartialDate date, int maxDepth) {
        LiabilityGraph.RecordFacts person = graph.records(tx, scope, List.of(personId)).get(personId);
        if (person == null || !"Person".equals(person.type())) {
            throw new NotFound("person", personId);
        }
        Validity.Window window = Validity.Window.of(date);
        List<LiabilityGraph.Held> held = graph.postings(tx, scope, personId, window);
        Map<String, ClaimFacts> claims = graph.claims(tx, scope, held.stream().map(LiabilityGraph.Held::claim).toList());
        Map<String, LiabilityGraph.RecordFacts> units = graph.records(tx, scope, held.stream().map(LiabilityGraph.Held::unit).toList());
        List<Views.Post> posts = new ArrayList<>();
        for (LiabilityGraph.Held h : held) {
            boolean command = LiabilityGraph.COMMAND_ROLES.contains(h.role());
            List<Views.Level> below = command ? levels(tx, scope, graph.below(tx, scope, h.unit(), window, maxDepth), date) : List.of();
            posts.add(new Views.Post(units.get(h.unit()).ref(), PathAssembly.step(claims.get(h.claim()), window), command, below));
        }
        posts.sort(Comparator.comparing((Views.Post p) -> !p.command()).thenComparing(p -> p.unit().id()));
        return new Views.PersonChain(person.ref(), date.text(), posts);
    }

    /** Every post a person has held, whenever, each posting with its own strength (not evaluated at a date). */
    public Views.PersonChain career(Scope scope, String personId) {
        // a window that every dated claim certainly overlaps, so that strength is the claim's own
        Validity.Window always = new Validity.Window(PartialDate.BEGINNING, PartialDate.BEGINNING, PartialDate.END, PartialDate.END);
        return graph.read(tx -> {
            LiabilityGraph.RecordFacts person = graph.records(tx, scope, List.of(personId)).get(personId);
            if (person == null || !"Person".equals(person.type())) {
                throw new NotFound("person", personId);
            }
            List<LiabilityGraph.Held> held = graph.postings(tx, scope, personId, always);
            Map<String, ClaimFacts> claims = graph.claims(tx, scope, held.stream().map(LiabilityGraph.Held::claim).toList());
            Map<String, LiabilityGraph.RecordFacts> units = graph.records(tx, scope, held.stream().map(LiabilityGraph.Held::unit).toList());
            List<Views.Post> posts = new ArrayList<>();
            for (LiabilityGraph.Held h : held) {
                posts.add(new Views.Post(units.get(h.unit()).ref(), PathAssembly.step(claims.get(h.claim()), always),
                        LiabilityGraph.COMMAND_ROLES.contains(h.role()), List.of()));
            }
            posts.sort(Comparator.comparing((Views.Post p) -> p.posting().start() == null ? "" : p.posting().start())
                    .thenComparing(p -> p.posting().claim()));
            return new Views.PersonChain(person.ref(), "always", posts);
        });
    }

    /** Walks into levels: each unit once per link that reaches it, nearest first, with its commanders at the date. */
    private List<Views.Level> levels(TransactionContext tx, Scope scope, List<LiabilityGraph.Walk> walks, PartialDate date) {
        Validity.Window window = Validity.Window.of(date);
        Set<String> unitIds = new HashSet<>();
        Set<String> claimIds = new HashSet<>();
        walks.forEach(w -> {
            unitIds.addAll(w.units());
            claimIds.addAll(w.links());
        });
        List<LiabilityGraph.Held> commanders = graph.commanders(tx, scope, unitIds, window);
        commanders.forEach(c -> claimIds.add(c.claim()));
        Map<String, ClaimFacts> claims = graph.claims(tx, scope, claimIds);
        Set<String> people = new HashSet<>(unitIds);
        commanders.forEach(c -> people.add(c.person()));
        Map<String, LiabilityGraph.RecordFacts> records = graph.records(tx, scope, people);
        Map<String, Views.Level> levels = new LinkedHashMap<>();
        for (LiabilityGraph.Walk w : walks) {
            int depth = w.units().size() - 1;
            String unit = w.units().getLast();
            String link = depth == 0 ? null : w.links().getLast();
            levels.computeIfAbsent(unit + "\n" + link, k -> {
                List<Views.Commander> cs = commanders.stream().filter(c -> c.unit().equals(unit))
                        .map(c -> new Views.Commander(records.get(c.person()).ref(), PathAssembly.step(claims.get(c.claim()), window)))
                        .sorted(Comparator.comparing(c -> c.person().id())).toList();
                return new Views.Level(depth, records.get(unit).ref(), depth == 0 ? null : records.get(w.units().get(depth - 1)).ref(),
                        link == null ? null : PathAssembly.step(claims.get(link), window), cs);
            });
        }
        List<Views.Level> ordered = new ArrayList<>(levels.values());
        ordered.sort(Comparator.comparingInt(Views.Level::depth).thenComparing(l -> l.unit().id()));
        return ordered;
    }

    private static PartialDate date(String at) {
        if (at == null || at.isBlank()) {
            throw new InvalidInput("at", "is required: the date to evaluate the chain at, as YYYY-MM-DD (or YYYY-MM, YYYY)");
        }
        return PartialDate.parse(at.strip()).orElseThrow(() -> new InvalidInput("at", "must be a date as YYYY-MM-DD, YYYY-MM or YYYY (it is '" + at + "')"));
    }

    private static void check(int maxDepth) {
        if (maxDepth < 0 || maxDepth > LiabilityPaths.MAX_DEPTH) {
            throw new InvalidInput("maxDepth", "must be between 0 and " + LiabilityPaths.MAX_DEPTH);
        }
    }
}
