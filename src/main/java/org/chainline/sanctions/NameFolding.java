package org.chainline.sanctions;

import org.chainline.registry.names.NameKeys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The words of a Latin name read with j as y, as German and Polish spellings write й and the iotated vowels
     * (Julija, Sergejewa), where passport and Kazakh spellings write ж as j (Jaksybekov); null when that reading is the
     * same. Matching and blocking try both readings.
     */
    static List<String> alternative(String name) {
        if (name == null || (name.indexOf('j') < 0 && name.indexOf('J') < 0)) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.UnicodeScript.of(name.codePointAt(i)) == Character.UnicodeScript.CYRILLIC) {
                return null;
            }
        }
        return words(name.replace('j', 'y').replace('J', 'Y'));
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

    /**
     * The blocking keys a list entry's name is stored under: each folded word but a patronymic whole
     * ({@code =jaksibekov}), and its first and its last four letters with its length ({@code jaks/10},
     * {@code ~ekov/10}), so that a word with a typo anywhere but at both ends still meets it. The length keeps the keys
     * of common beginnings and endings (-bekov) selective.
     */
    static Set<String> keys(String name) {
        return keys(name, 0);
    }

    /** The keys that find a name's entries: as {@link #keys}, for every length two letters either way (typos). */
    static Set<String> searchKeys(String name) {
        return keys(name, 2);
    }

    private static Set<String> keys(String name, int lengths) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> words = new ArrayList<>(words(name));
        List<String> alternative = alternative(name);
        if (alternative != null) {
            words.addAll(alternative);
        }
        int count = words(name).size();
        for (String w : words) {
            // As the matcher: a patronymic is set apart only in a name of three words or more (Serikuly may be a surname).
            if (w.length() < 2 || (count > 2 && patronymic(w))) {
                continue;
            }
            keys.add("=" + w);
            if (w.length() > 4) {
                for (int length = Math.max(5, w.length() - lengths); length <= w.length() + lengths; length++) {
                    keys.add(w.substring(0, 4) + "/" + length);
                    keys.add("~" + w.substring(w.length() - 4) + "/" + length);
                }
            }
        }
        return keys;
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
