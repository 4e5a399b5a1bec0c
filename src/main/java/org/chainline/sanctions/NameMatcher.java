package org.chainline.sanctions;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores how likely a sanctions list entry is a person of the graph, and says why in plain words.
 *
 * <p>Names: every name of the person (each script, each transliteration, aliases) is compared with every name of the
 * entry, after {@link NameFolding}. Words are paired in any order (name order varies: family name first in lists and
 * passports), each pair scored 1 when the folded words agree, 0.9 when they are one letter apart and 0.8 when two
 * letters apart in a long word (typos; see {@link #similarity}). Patronymics are set apart: agreeing ones (the same father's name, whatever the ending: Серікұлы,
 * Serikovich) confirm, different ones (× 0.75) weigh against, a missing one is neutral. The best pair of names gives the
 * name score: the paired words' similarity over the shorter name, less 0.1 for each word one name has beyond the
 * other, × 0.8 when a word of the shorter name is left unpaired, and no more than 0.6 when either name is a single
 * word. A Latin j is read both as passports write it (ж: Jaksybekov) and as German spellings do (й: Julija).
 *
 * <p>Birth date and nationality are supporting evidence: the name score is multiplied by 1 when birth dates agree
 * (a partial date agrees with any day it can mean), 0.9 when either side has none, 0.7 when they are a year apart
 * and 0.35 when further; and by 0.8 when both sides state nationalities and none is shared. Levels: strong from 0.85,
 * probable from 0.7, weak from 0.5, unlikely below.
 */
public final class NameMatcher {

    private static final LevenshteinDistance EDITS = new LevenshteinDistance(2);
    static final double PAIR_FROM = 0.8;

    private NameMatcher() {
    }

    /** What is known of a person, or of a list entry, for matching. */
    public record Subject(List<String> names, List<String> patronymics, List<String> birthDates, List<String> nationalities) {
    }

    public record Result(double score, String level, List<String> reasons, String personName, String entryName) {
    }

    public static Result match(Subject person, Subject entry) {
        NamePair best = null;
        Map<String, List<Word>> folded = new HashMap<>();
        List<Word> extra = new ArrayList<>();
        person.patronymics().forEach(p -> extra.addAll(words(p)));
        for (String a : person.names()) {
            List<Word> wordsA = folded.computeIfAbsent(a, NameMatcher::words);
            for (String b : entry.names()) {
                NamePair pair = compare(a, wordsA, b, folded.computeIfAbsent(b, NameMatcher::words), extra);
                if (best == null || pair.score > best.score) {
                    best = pair;
                }
            }
        }
        if (best == null || best.score == 0) {
            return new Result(0, "unlikely", List.of("no name in common"), null, null);
        }
        List<String> reasons = new ArrayList<>(best.reasons);
        double score = best.score;
        double birth = birthFactor(person.birthDates(), entry.birthDates(), reasons);
        double nationality = nationalityFactor(person.nationalities(), entry.nationalities(), reasons);
        score = Math.round(score * birth * nationality * 1000) / 1000.0;
        return new Result(score, level(score), List.copyOf(reasons), best.a, best.b);
    }

    static String level(double score) {
        return score >= 0.85 ? "strong" : score >= 0.7 ? "probable" : score >= 0.5 ? "weak" : "unlikely";
    }

    /** A word as written, folded, and folded reading a Latin j as y (German and Polish spellings: Julija, Sergejewa). */
    private record Word(String raw, String folded, String alternative) {

        double similarity(Word other) {
            double best = NameMatcher.similarity(folded, other.folded);
            if (alternative != null) {
                best = Math.max(best, NameMatcher.similarity(alternative, other.folded));
            }
            if (other.alternative != null) {
                best = Math.max(best, NameMatcher.similarity(folded, other.alternative));
            }
            return best;
        }
    }

    private static final class NamePair {
        final String a;
        final String b;
        double score;
        final List<String> reasons = new ArrayList<>();

        NamePair(String a, String b) {
            this.a = a;
            this.b = b;
        }
    }

    private static NamePair compare(String a, List<Word> wordsA, String b, List<Word> wordsB, List<Word> extraPatronymics) {
        NamePair pair = new NamePair(a, b);
        List<Word> coreA = new ArrayList<>();
        List<Word> patA = new ArrayList<>();
        List<Word> coreB = new ArrayList<>();
        List<Word> patB = new ArrayList<>();
        split(wordsA, coreA, patA);
        split(wordsB, coreB, patB);
        if (patA.isEmpty()) {
            patA.addAll(extraPatronymics);
        }
        if (coreA.isEmpty() || coreB.isEmpty()) {
            return pair;
        }
        // Pair words greedily, best first, in any order.
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < coreA.size(); i++) {
            for (int j = 0; j < coreB.size(); j++) {
                candidates.add(new Candidate(i, j, coreA.get(i).similarity(coreB.get(j))));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::sim).reversed());
        boolean[] usedA = new boolean[coreA.size()];
        boolean[] usedB = new boolean[coreB.size()];
        double sum = 0;
        List<Candidate> paired = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.sim() < PAIR_FROM || usedA[c.i()] || usedB[c.j()]) {
                continue;
            }
            usedA[c.i()] = true;
            usedB[c.j()] = true;
            sum += c.sim();
            paired.add(c);
        }
        if (paired.isEmpty()) {
            return pair;
        }
        int shorter = Math.min(coreA.size(), coreB.size());
        int longer = Math.max(coreA.size(), coreB.size());
        double score = sum / shorter - 0.1 * (longer - shorter);
        if (paired.size() < shorter) {
            score *= 0.8;
        }
        if (shorter == 1) {
            score = Math.min(score, 0.6);
        }
        List<String> agreeing = new ArrayList<>();
        List<String> close = new ArrayList<>();
        for (Candidate c : paired) {
            Word wa = coreA.get(c.i());
            Word wb = coreB.get(c.j());
            if (wa.raw().equalsIgnoreCase(wb.raw())) {
                agreeing.add(wa.raw());
            } else if (c.sim() == 1.0) {
                agreeing.add(wa.raw() + " = " + wb.raw());
            } else {
                close.add(wa.raw() + " ~ " + wb.raw() + (c.sim() >= 0.9 ? " (one letter apart)" : " (two letters apart)"));
            }
        }
        String script = scriptOf(a).equals(scriptOf(b)) ? "" : " (" + scriptOf(a) + " and " + scriptOf(b) + " spellings)";
        pair.reasons.add("name \"" + a + "\" and list name \"" + b + "\": " + paired.size() + " of " + longer
                + " name words agree" + script);
        if (!agreeing.isEmpty()) {
            pair.reasons.add("agree: " + String.join(", ", agreeing));
        }
        if (!close.isEmpty()) {
            pair.reasons.add("close spellings: " + String.join(", ", close));
        }
        if (longer > shorter) {
            List<String> unpaired = new ArrayList<>();
            for (int i = 0; i < coreA.size(); i++) {
                if (!usedA[i]) {
                    unpaired.add(coreA.get(i).raw());
                }
            }
            for (int j = 0; j < coreB.size(); j++) {
                if (!usedB[j]) {
                    unpaired.add(coreB.get(j).raw());
                }
            }
            if (!unpaired.isEmpty()) {
                pair.reasons.add("not in the other name: " + String.join(", ", unpaired));
            }
        }
        if (paired.size() > 1 && orderDiffers(paired)) {
            pair.reasons.add("name order differs (family name first on one side)");
        }
        if (shorter == 1) {
            pair.reasons.add("one name is a single word: a weak match at best");
        }
        if (!patA.isEmpty() && !patB.isEmpty()) {
            String stemA = NameFolding.patronymicStem(patA.getFirst().folded());
            String stemB = NameFolding.patronymicStem(patB.getFirst().folded());
            if (similarity(stemA, stemB) >= 0.9 || (stemA.length() < 4 && stemA.equals(stemB))) {
                pair.reasons.add("patronymics agree: " + patA.getFirst().raw() + " and " + patB.getFirst().raw());
            } else {
                score *= 0.75;
                pair.reasons.add("patronymics differ: " + patA.getFirst().raw() + " and " + patB.getFirst().raw());
            }
        }
        pair.score = Math.max(0, Math.min(1, score));
        return pair;
    }

    private static boolean orderDiffers(List<Candidate> paired) {
        List<Candidate> byA = new ArrayList<>(paired);
        byA.sort(Comparator.comparingInt(Candidate::i));
        for (int k = 1; k < byA.size(); k++) {
            if (byA.get(k).j() < byA.get(k - 1).j()) {
                return true;
            }
        }
        return false;
    }

    private record Candidate(int i, int j, double sim) {
    }

    /**
     * How alike two folded words are: 1 when equal; 0.9 one letter apart (a typo: inserted, dropped or changed), for
     * words of four letters or more; 0.8 two letters apart, for words of seven or more; otherwise they do not pair.
     * (Similarity measures such as Jaro-Winkler pair different names that share an ending, -uly, -bekov, -enko.)
     */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 4) {
            return 0;
        }
        int edits = EDITS.apply(a, b);
        if (edits == 1) {
            return 0.9;
        }
        return edits == 2 && shorter >= 7 ? 0.8 : 0;
    }

    private static List<Word> words(String name) {
        List<Word> out = new ArrayList<>();
        for (String raw : name.strip().split("[\\s,.;()/-]+")) {
            if (raw.isBlank()) {
                continue;
            }
            List<String> folded = NameFolding.words(raw);
            List<String> alternative = NameFolding.alternative(raw);
            for (int i = 0; i < folded.size(); i++) {
                out.add(new Word(raw, folded.get(i), alternative != null && alternative.size() == folded.size() ? alternative.get(i) : null));
            }
        }
        return out;
    }

    private static void split(List<Word> words, List<Word> core, List<Word> patronymics) {
        for (Word w : words) {
            if (NameFolding.patronymic(w.folded()) && words.size() > 2) {
                patronymics.add(w);
            } else if (w.folded().length() > 1) {
                core.add(w);
            }
        }
    }

    private static String scriptOf(String name) {
        for (int i = 0; i < name.length(); i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(name.codePointAt(i));
            if (s == Character.UnicodeScript.CYRILLIC) {
                return "Cyrillic";
            }
        }
        return "Latin";
    }

    private static double birthFactor(List<String> a, List<String> b, List<String> reasons) {
        if (a.isEmpty() || b.isEmpty()) {
            reasons.add(a.isEmpty() && b.isEmpty() ? "no birth date on either side"
                    : a.isEmpty() ? "no birth date recorded for the person" : "no birth date on the list entry");
            return 0.9;
        }
        int bestGap = Integer.MAX_VALUE;
        String agreeing = null;
        for (String x : a) {
            for (String y : b) {
                if (compatible(x, y)) {
                    agreeing = x.length() >= y.length() ? x : y;
                    bestGap = 0;
                } else {
                    bestGap = Math.min(bestGap, Math.abs(year(x) - year(y)));
                }
            }
        }
        if (agreeing != null) {
            reasons.add("birth dates agree (" + String.join(", ", a) + " here, " + String.join(", ", b) + " on the list)");
            return 1.0;
        }
        if (bestGap <= 1) {
            reasons.add("birth dates differ (" + String.join(", ", a) + " here, " + String.join(", ", b)
                    + " on the list), by up to a year");
            return 0.7;
        }
        reasons.add("birth dates differ (" + String.join(", ", a) + " here, " + String.join(", ", b)
                + " on the list): probably another person");
        return 0.35;
    }

    /** Two partial dates agree when one is a prefix of the other (1971 and 1971-03-02). */
    private static boolean compatible(String x, String y) {
        return x.startsWith(y) || y.startsWith(x);
    }

    private static int year(String date) {
        try {
            return Integer.parseInt(date.substring(0, Math.min(4, date.length())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double nationalityFactor(List<String> a, List<String> b, List<String> reasons) {
        if (a.isEmpty() || b.isEmpty()) {
            return 1.0;
        }
        Set<String> shared = new TreeSet<>();
        for (String x : a) {
            for (String y : b) {
                if (x.equalsIgnoreCase(y)) {
                    shared.add(x.toUpperCase(Locale.ROOT));
                }
            }
        }
        if (!shared.isEmpty()) {
            reasons.add("nationality agrees: " + String.join(", ", shared));
            return 1.0;
        }
        reasons.add("nationalities differ (" + String.join(", ", a).toUpperCase(Locale.ROOT) + " here, "
                + String.join(", ", b).toUpperCase(Locale.ROOT) + " on the list)");
        return 0.8;
    }
}
