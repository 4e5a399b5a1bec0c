package org.chainline.sanctions;

import org.chainline.registry.NameKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds a name, in any script and any transliteration system, into words that different spellings of the same name
 * share. Cyrillic (Russian and Kazakh) goes through {@link NameKeys}; then the spellings that BGN/PCGN, passport
 * (ICAO 9303), the Kazakh Latin alphabet of 2021 and older French or German habits write differently are made one:
 * {@code Жақсыбеков}, {@code Zhaqsybekov} (BGN/PCGN), {@code ZHAKSYBEKOV} (passport) and {@code Jaksybekov} all
 * give {@code jaksibekov}; {@code Sergeyev} and {@code Sergeev}, {@code Yuliya} and {@code Iuliia} agree. Folding is
 * the same on both sides, so it may merge spellings of different names: the matcher scores the rest.
 */
final class NameFolding {

    /** Endings of patronymics (Russian -ovich/-ovna, Kazakh -uly/-kyzy, Turkic -ogly), in folded form. */
    private static final List<String> PATRONYMIC_ENDINGS = List.of("ovich", "evich", "ovna", "evna", "ichna", "uli",
            "kizi", "ogli");

    private NameFolding() {
    }

    /** The folded words of a name, in order. */
    static List<String> words(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        // Letters of the Kazakh Latin alphabet (2021) and Turkish spellings that Latin-ASCII would flatten wrongly.
        String prepared = name.replace("ş", "sh").replace("Ş", "Sh").replace("ç", "ch").replace("Ç", "Ch")
                .replace("ñ", "n").replace("Ñ", "N").replace("ı", "i").replace("ğ", "g").replace("Ğ", "G");
        List<String> out = new ArrayList<>();
        for (String word : NameKeys.words(prepared)) {
            String folded = fold(word);
            if (!folded.isEmpty()) {
                out.add(folded);
            }
        }
        return out;
    }

    /** One lower-case ASCII word (as {@link NameKeys#words} gives it: zh, dzh already j; kh already h) folded. */
    static String fold(String word) {
        String w = word;
        w = w.replace("shch", "sh").replace("sch", "sh").replace("tch", "ch").replace("tsh", "ch");
        w = w.replace("ts", "c").replace("tz", "c").replace("x", "ks").replace("q", "k").replace("gh", "g")
                .replace("ck", "k").replace("ph", "f").replace("w", "v");
        w = w.replace("y", "i");
        w = collapse(w);
        w = w.replace("ie", "e");
        w = w.replace("ng", "n");
        return collapse(w);
    }

    /** Whether a folded word is a patronymic (Серікұлы, Serikovich, Petrovna). */
    static boolean patronymic(String folded) {
        if (folded.length() < 6) {
            return false;
        }
        return PATRONYMIC_ENDINGS.stream().anyMatch(folded::endsWith);
    }

    /** The father's name a patronymic is made from: {@code serikuli} and {@code serikovich} both give {@code serik}. */
    static String patronymicStem(String folded) {
        for (String ending : PATRONYMIC_ENDINGS) {
            if (folded.endsWith(ending)) {
                return folded.substring(0, folded.length() - ending.length());
            }
        }
        return folded;
    }

    /** The blocking key of a folded word: its first four letters (typos at a name's start are rare). */
    static String key(String folded) {
        return folded.length() <= 4 ? folded : folded.substring(0, 4);
    }

    private static String collapse(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (b.isEmpty() || b.charAt(b.length() - 1) != c) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
