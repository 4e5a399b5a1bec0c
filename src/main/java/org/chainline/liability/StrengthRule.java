package org.chainline.liability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a claim into a strength (written down in graph-schema/README.md, "Strength"):
 *
 * <ol>
 *   <li><b>disputed</b> if its status is disputed or any citation contradicts it;</li>
 *   <li>supporting citations are grouped into independent sources: items with the same SHA-256, the same
 *       forwarded-from origin, a copy-of link or the same source are one source;</li>
 *   <li>a source is <b>well graded</b> if its best item is reliability A–C and credibility 1–3;</li>
 *   <li><b>established</b>: two or more well-graded independent sources, or a document authored by a unit the
 *       claim is about;</li>
 *   <li><b>probable</b>: one well-graded source, or two or more independent sources of any grade;</li>
 *   <li><b>possible</b>: anything less, including no citation at all;</li>
 *   <li>status needs-work caps the result at possible.</li>
 * </ol>
 */
public final class StrengthRule {

    private StrengthRule() {
    }

    /** A claim's strength and the reason for it, in words. */
    public record Assessment(Strength strength, String reason) {
    }

    static Assessment assess(ClaimFacts claim) {
        List<CitedEvidence> supporting = claim.citations().stream().filter(CitedEvidence::supports).toList();
        long contradicting = claim.citations().size() - supporting.size();
        List<List<CitedEvidence>> sources = independentSources(supporting);
        int wellGraded = (int) sources.stream().filter(s -> s.stream().anyMatch(StrengthRule::wellGraded)).count();
        if ("disputed".equals(claim.status()) || contradicting > 0) {
            return new Assessment(Strength.DISPUTED, contradicting > 0
                    ? contradicting + " citation" + (contradicting == 1 ? " contradicts" : "s contradict") + " it"
                    : "its status is disputed");
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
        if ("needs-work".equals(claim.status()) && strength.compareTo(Strength.POSSIBLE) > 0) {
            return new Assessment(Strength.POSSIBLE, reason + ", but its status is needs-work");
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
        if (e.forwardedFrom() != null) {
            keys.add("origin:" + e.forwardedFrom().strip().toLowerCase());
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
