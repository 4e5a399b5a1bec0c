package org.chainline.counsel;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code [[id]]} in counsel's text: which field, where, what it names, and (once checked) what is wrong with it. */
@Serdeable
public record Citation(String field, int offset, String id) {

    public static final Pattern MARK = Pattern.compile("\\[\\[\\s*([A-Za-z0-9][A-Za-z0-9._:-]{0,127})\\s*]]");

    public static List<Citation> in(String field, String text) {
        List<Citation> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            out.add(new Citation(field, m.start(), m.group(1)));
        }
        return out;
    }

    /** A citation that does not resolve, and why, in words the editor shows beside it. */
    @Serdeable
    public record Problem(String field, int offset, String id, String reason) {
    }
}
