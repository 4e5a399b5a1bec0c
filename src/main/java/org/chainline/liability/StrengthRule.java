package org.chainline.liability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns a claim into a strength (written down in graph-schema/README.md, "Strength"):
 *
 * <ol>
 *   <li><b>disputed</b> if its author marked its sources as conflicting or any citation contradicts it;</li>
 *   <li>supporting citations are grouped into independent sources: items with the same SHA-256, a copy-of link
 *       or the same source are one source, and so are a forward and every item of the origin it was forwarded from
 *       (the channel it names, by an item's channel or its source's pseudonym), and other forwards of it;</li>
 *   <li>a source is <b>well graded</b> if its best item is reliability A–C and credibility 1–3;</li>
 *   <li><b>established</b>: two or more well-graded independent sources, or a document authored by a unit the
 *       claim is about;</li>
 *   <li><b>probable</b>: one well-graded source, or two or more independent sources of any grade;</li>
 *   <li><b>possible</b>: anything less, including no citation at all;</li>
 *   <li>research status needs-work caps the result at possible.</li>
 * </ol>
 *
 * <p>And a path of claims (graph-schema/README.md, "Liability paths"): its weakest claim's strength, no more than
 * possible where a date holds only possibly, and no more than its {@link Involvement} allows.
 */
public final class StrengthRule {

    private StrengthRule() {
    }

    /** A claim's strength and the reason for it, in words. */
    public record Assessment(Strength strength, String reason) {
    }

    /**
     * How the Involvement a path runs through weighs on it, whoever the actor: a unit (or person) that carried out
     * an incident links its commanders (or itself) fully; one that ordered or commanded it as fully, ranked after;
     * one that supported it, or failed to prevent or punish it, at most probably; one that was only present at
     * most possibly, ranked last. A path without an Involvement (an order naming the incident) ranks as ordering.
     */
    public enum Involvement {
        PERPETRATION(Strength.ESTABLISHED, List.of("perpetrated"), "carried it out"),
        ORDERING(Strength.ESTABLISHED, List.of("ordered", "commanded"), "ordered or commanded it"),
        SUPPORT(Strength.PROBABLE, List.of("supported", "failed-to-prevent", "failed-to-punish"),
                "supported it or failed to prevent or punish it"),
        PRESENCE(Strength.POSSIBLE, List.of("present"), "was only present");

        private final Strength most;
        private final List<String> roles;
        private final String words;

        Involvement(Strength most, List<String> roles, String words) {
            this.most = most;
            this.roles = roles;
            this.words = words;
        }

        /** The weight of an Involvement role; null (no Involvement on the path) weighs as ordering. */
        public static Involvement of(String role) {
            if (role == null) {
                return ORDERING;
            }
            for (Involvement i : values()) {
                if (i.roles.contains(role)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no involvement role " + role);
        }

        /** The strongest a path through this involvement can be. */
        public Strength most() {
            return most;
        }

        /** 0 for the involvement that ranks first. */
        public int rank() {
            return ordinal();
        }

        public String words() {
            return words;
        }
    }

    /** A path's strength: its weakest claim's, capped where a date holds only possibly and by its involvement. */
    static Assessment path(List<Views.Step> steps, String involvementRole) {
        Strength strength = Strength.ESTABLISHED;
        String weakestClaim = null;
        boolean certain = true;
        for (Views.Step s : steps) {
            Strength own = s.strength();
            if (own.compareTo(strength) < 0 || weakestClaim == null) {
                weakestClaim = s.claim();
            }
            strength = strength.weakest(own);
            certain &= s.validity().equals("certain");
        }
        String reason = steps.isEmpty() ? "no claim" : strength == Strength.ESTABLISHED ? "every claim is established"
                : "its weakest claim, " + weakestClaim + ", is " + strength.word();
        if (!certain && strength.compareTo(Strength.POSSIBLE) > 0) {
            strength = Strength.POSSIBLE;
            reason = "a claim holds only possibly at the incident's dates";
        }
        Involvement involvement = Involvement.of(involvementRole);
        if (strength.compareTo(involvement.most()) > 0) {
            strength = involvement.most();
            reason = "it runs through an involvement of one that " + involvement.words() + ": at most " + strength.word();
        }
        return new Assessment(strength, reason);
    }

    static Assessment assess(ClaimFacts claim) {
        List<CitedEvidence> supporting = claim.citations().stream().filter(CitedEvidence::supports).toList();
        long contradicting = claim.citations().size() - supporting.size();
        List<List<CitedEvidence>> sources = independentSources(supporting);
        int wellGraded = (int) sources.stream().filter(s -> s.stream().anyMatch(StrengthRule::wellGraded)).count();
        if ("conflicting-sources".equals(claim.research()) || contradicting > 0) {
            return new Assessment(Strength.DISPUTED, contradicting > 0
                    ? contradicting + " citation" + (contradicting == 1 ? " contradicts" : "s contradict") + " it"
                    : "its author marked its sources as conflicting");
        }
        boolean ownDocument = supporting.stream().anyMatch(e -> "document".equals(e.kind()) && e.authoredBy() != null
                && claim.units().contains(e.authoredBy()));
        Strength strength;
        String reason;
        if (wellGraded >= 2 || ownDocument) {
            strength = Strength.ESTABLISHED;
            reason = ownDocument ? "a document of the unit itself" : wellGraded + " independent well-graded sources";
        } else if (wellGraded == 1 || sources.size() >= 2) {
            strength = Strength.PROBABLE;
            reason = wellGraded == 1 ? "one well-graded source" + (sources.size() > 1 ? " and " + (sources.size() - 1) + " weaker" : "")
                    : sources.size() + " independent sources, none well graded";
        } else {
            strength = Strength.POSSIBLE;
            reason = sources.isEmpty() ? "no supporting citation" : "one source graded " + sources.getFirst().getFirst().grade();
        }
        if ("needs-work".equals(claim.research()) && strength.compareTo(Strength.POSSIBLE) > 0) {
            return new Assessment(Strength.POSSIBLE, reason + ", but its author marked it needs-work");
        }
        return new Assessment(strength, reason);
    }

    static boolean wellGraded(CitedEvidence e) {
        String r = e.reliability();
        Integer c = e.credibility();
        return r != null && c != null && "ABC".contains(r) && c <= 3;
    }

    /** Supporting items grouped into independent sources (union-find over the links that make items one source). */
    static List<List<CitedEvidence>> independentSources(List<CitedEvidence> items) {
        int[] parent = new int[items.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            CitedEvidence e = items.get(i);
            for (String key : keys(e)) {
                Integer j = firstWith.putIfAbsent(key, i);
                if (j != null) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<CitedEvidence>> groups = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(items.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static List<String> keys(CitedEvidence e) {
        List<String> keys = new ArrayList<>();
        keys.add("item:" + e.evidence());
        if (e.copyOf() != null) {
            keys.add("item:" + e.copyOf());
        }
        if (e.sha256() != null) {
            keys.add("sha256:" + e.sha256());
        }
        // a forward stands for the message it forwards: one source with the other forwards of that origin and with
        // the items published there, even when no hash or copy-of link joins them
        String origin = e.forwardedFrom() != null ? e.forwardedFrom() : e.origin();
        if (origin != null && !origin.isBlank()) {
            keys.add("origin:" + origin.strip().toLowerCase(Locale.ROOT));
        }
        if (e.source() != null) {
            keys.add("source:" + e.source());
        }
        return keys;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
