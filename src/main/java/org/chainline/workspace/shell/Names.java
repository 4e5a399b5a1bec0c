package org.chainline.workspace.shell;

/** The language a name is written in, for its {@code lang} attribute (screen readers and fonts need it). */
public final class Names {

    private static final String KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    private Names() {
    }

    /** kk for Cyrillic with Kazakh letters, ru for other Cyrillic, en otherwise. */
    public static String lang(String text) {
        if (text == null) {
            return "en";
        }
        boolean cyrillic = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (KAZAKH.indexOf(c) >= 0) {
                return "kk";
            }
            cyrillic |= Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
        }
        return cyrillic ? "ru" : "en";
    }

    /** The language of a transliteration of {@code original}: kk-Latn, ru-Latn, or en. */
    public static String latinLang(String original) {
        String lang = lang(original);
        return lang.equals("en") ? "en" : lang + "-Latn";
    }
}
