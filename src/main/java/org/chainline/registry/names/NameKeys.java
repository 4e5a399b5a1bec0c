package org.chainline.registry.names;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a name in any script into search keys: lower-case ASCII words that a Cyrillic spelling and its Latin
 * transliterations share. Kazakh and Russian Cyrillic go through explicit BGN/PCGN-like rules (ICU's generic
 * Any-Latin turns Қ into K with a modifier, which matches nothing a person would type); other scripts through
 * ICU's Any-Latin. A few spellings that transliteration systems disagree on are then folded (zh/j, kh/h, a leading
 * ye/e), so that {@code Zhaksybekov}, {@code Jaksybekov} and {@code Жақсыбеков} give the same key.
 */
public final class NameKeys {

    private static final String RULES = """
            :: NFC ;
            Ә > A ; ә > a ; Ғ > G ; ғ > g ; Қ > K ; қ > k ; Ң > N ; ң > n ; Ө > O ; ө > o ;
            Ұ > U ; ұ > u ; Ү > U ; ү > u ; Һ > H ; һ > h ; І > I ; і > i ;
            Ж > Zh ; ж > zh ; Х > Kh ; х > kh ; Ц > Ts ; ц > ts ; Ч > Ch ; ч > ch ; Ш > Sh ; ш > sh ;
            Щ > Shch ; щ > shch ; Ы > Y ; ы > y ; Э > E ; э > e ; Ю > Yu ; ю > yu ; Я > Ya ; я > ya ;
            Й > Y ; й > y ; Ё > Yo ; ё > yo ; Е > E ; е > e ; Ъ > ; ъ > ; Ь > ; ь > ;
            :: Any-Latin ;
            :: Latin-ASCII ;
            :: Lower ;
            """;

    private static final Transliterator TO_LATIN = Transliterator.createFromRules("chainline-names", RULES, Transliterator.FORWARD);

    private NameKeys() {
    }

    /** A readable Latin transliteration of a name (Kazakh/Russian rules, then ICU), keeping case. */
    public static String latin(String name) {
        if (ascii(name)) {
            return name;
        }
        synchronized (LATIN) {
            return LATIN.transliterate(Normalizer.normalize(name, Normalizer.Form.NFC));
        }
    }

    private static final Transliterator LATIN = Transliterator.createFromRules("chainline-latin",
            RULES.replace(":: Lower ;", ""), Transliterator.FORWARD);

    /** The search words of a name: {@code "Ерлан Жақсыбеков"} gives {@code [erlan, jaksybekov]}. */
    public static List<String> words(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String latin;
        if (ascii(name)) {
            latin = name.toLowerCase(Locale.ROOT);
        } else {
            synchronized (TO_LATIN) {
                latin = TO_LATIN.transliterate(name);
            }
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : latin.split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(fold(word));
            }
        }
        return List.copyOf(words);
    }

    /** All words of several names, space-separated, for the full-text index. */
    public static String searchText(List<String> names) {
        return names.stream().flatMap(n -> words(n).stream()).distinct().collect(Collectors.joining(" "));
    }

    /** Plain ASCII needs no transliteration, and most names in a large import are already Latin. */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String word) {
        String w = word.replace("dzh", "j").replace("zh", "j").replace("kh", "h");
        if (w.startsWith("ye") || w.startsWith("yo")) {
            w = "e" + w.substring(2);
        }
        return w;
    }
}
