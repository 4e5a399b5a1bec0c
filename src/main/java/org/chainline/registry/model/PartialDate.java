package org.chainline.registry.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day ({@code 2022}, {@code 2022-01}, {@code 2022-01-05}), and the
 * earliest and latest day it can mean. The one date type of the model: every question about time compares these
 * bounds.
 */
public record PartialDate(String text, LocalDate earliest, LocalDate latest) {

    /** Stands for "no earlier bound" and "no later bound" in the graph. */
    public static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
    public static final LocalDate END = LocalDate.of(9999, 12, 31);

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /**
     * The partial date an outside value begins with, as lists and FtM write dates ({@code 1970}, {@code 1970-02-14},
     * {@code 2025-07-23T06:10:41}): its text, or null when it is no date.
     */
    public static String leading(String value) {
        if (value == null) {
            return null;
        }
        return parse(value.length() > 10 ? value.substring(0, 10) : value).map(PartialDate::text).orElse(null);
    }

    /** The date, or empty with nothing said when the text is not a partial date. */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (year < 1) {
                return Optional.empty();
            }
            if (m.group(2) == null) {
                return Optional.of(new PartialDate(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return Optional.of(new PartialDate(text, month.atDay(1), month.atEndOfMonth()));
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return Optional.of(new PartialDate(text, day, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
