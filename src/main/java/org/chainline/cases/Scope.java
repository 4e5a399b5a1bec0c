package org.chainline.cases;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cases a reader may read, with what the reader may do in each: every read of case material takes one. A scope
 * names its cases; an empty scope sees nothing (never "no filter"). Only the service's own work (replaying the journal,
 * checking the graph, an upgrade) reads across every case, through {@link #everyCase}, which says why.
 */
public final class Scope {

    private final String reader;
    private final Map<String, CaseRole> roles;
    private final String everyCaseBecause;

    private Scope(String reader, Map<String, CaseRole> roles, String everyCaseBecause) {
        this.reader = reader;
        this.roles = Map.copyOf(roles);
        this.everyCaseBecause = everyCaseBecause;
    }

    /** A reader's scope: each case and the reader's effective role in it. */
    public static Scope of(String reader, Map<String, CaseRole> roles) {
        return new Scope(reader, roles, null);
    }

    /**
     * Every case, for work the service does for itself and for no reader; {@code because} is kept for whoever reads
     * the code (grep for it: each use is a path no reader's request reaches).
     */
    public static Scope everyCase(String because) {
        if (because == null || because.isBlank()) {
            throw new IllegalArgumentException("say why every case is read");
        }
        return new Scope(null, Map.of(), because);
    }

    /**
     * Every case, for the operator of this instance at its command line (who holds the data directory and its keys
     * anyway), journaled as {@code actor}.
     */
    public static Scope operator(String actor) {
        return new Scope(actor, Map.of(), "the operator at the command line");
    }

    /**
     * A path not bounded by case yet (issue 26 is under way): it reads every case. Each use is listed in README's
     * "Cases" section; none may remain once compartments are complete.
     */
    public static Scope notYetBounded(String reader, String path) {
        return new Scope(reader, Map.of(), "not yet bounded by case: " + path);
    }

    /** Whose scope this is; null for the service's own. */
    public String reader() {
        return reader;
    }

    public boolean isEveryCase() {
        return everyCaseBecause != null;
    }

    public boolean sees(String caseId) {
        return isEveryCase() || caseId != null && roles.containsKey(caseId);
    }

    /** The reader's role in a case, if a member. */
    public Optional<CaseRole> role(String caseId) {
        return Optional.ofNullable(roles.get(caseId));
    }

    /** Whether the reader may do what {@code needed} allows in the case. */
    public boolean may(String caseId, CaseRole needed) {
        return isEveryCase() || role(caseId).filter(r -> r.atLeast(needed)).isPresent();
    }

    /** The reader's cases, sorted (for a query's parameter; see {@link #isEveryCase} first). */
    public List<String> cases() {
        return List.copyOf(new TreeMap<>(roles).keySet());
    }

    /** The cases where the reader may do what {@code needed} allows, sorted. */
    public List<String> casesWhere(CaseRole needed) {
        return new TreeMap<>(roles).entrySet().stream().filter(e -> e.getValue().atLeast(needed)).map(Map.Entry::getKey).toList();
    }

    /**
     * A graph query's parameters with the scope's: {@code $cases}, the reader's cases, and {@code $everyCase}, true only
     * for the service's own reads. Every query of case material filters on them, as
     * {@code ($everyCase OR any(c IN x.cases WHERE c IN $cases))} for each node and relationship it reads.
     */
    public Value parameters(Object... more) {
        Object[] all = new Object[more.length + 4];
        all[0] = "everyCase";
        all[1] = isEveryCase();
        all[2] = "cases";
        all[3] = cases();
        System.arraycopy(more, 0, all, 4, more.length);
        return Values.parameters(all);
    }

    @Override
    public String toString() {
        return isEveryCase() ? "every case (" + everyCaseBecause + ")" : reader + " in " + roles;
    }
}
