package org.chainline.workspace.drawing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A timeline as SVG: intervals (postings) as bars and moments (incidents) as marks on one axis of years. A partial date
 * is drawn as what it is: a bar whose start is known only to the year or month begins with a hatched stretch over that
 * year or month; a bar with no end runs to the axis's end, open.
 */
public final class TimelineSvg {

    public static final int WIDTH = 960;
    public static final int LEFT = 260;
    public static final int ROW = 26;

    private TimelineSvg() {
    }

    /** One row: a label, and a partial start and end (an incident's end is its start). */
    public record Row(String label, String start, String end, boolean moment) {
    }

    public static String draw(String title, List<Row> rows) {
        LocalDate min = rows.stream().map(r -> earliest(r.start())).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(LocalDate.now().minusYears(5)).withDayOfYear(1);
        LocalDate max = rows.stream().flatMap(r -> Stream.of(latest(r.end()), latest(r.start())))
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(LocalDate.now());
        max = max.isBefore(LocalDate.now()) ? LocalDate.now() : max;
        max = max.plusYears(1).withDayOfYear(1);
        double days = Math.max(1, max.toEpochDay() - min.toEpochDay());
        double scale = (WIDTH - LEFT - 20) / days;
        int height = 40 + rows.size() * ROW + 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"timeline-title\" viewBox=\"0 0 %d %d\""
                        + " width=\"%d\" height=\"%d\" font-family=\"Liberation Sans, DejaVu Sans, Arial, sans-serif\">", WIDTH, height, WIDTH, height));
        svg.append("<title id=\"timeline-title\">").append(CommandChartSvg.xml(title)).append("</title>");
        svg.append("<defs><pattern id=\"uncertain\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"3\" height=\"6\" fill=\"#0b4f8a\"/></pattern></defs>");
        for (int year = min.getYear(); year <= max.getYear(); year++) {
            double x = LEFT + (LocalDate.of(year, 1, 1).toEpochDay() - min.toEpochDay()) * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d7de\"/>", x, x, height - 10));
            if (x + 32 < WIDTH) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"16\" font-size=\"11\" fill=\"#57606a\">%d</text>", x + 2, year));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = 34 + i * ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" font-size=\"12\" fill=\"#1b1f24\">%s</text>", y + 13,
                    CommandChartSvg.xml(r.label().length() > 40 ? r.label().substring(0, 39) + "…" : r.label())));
            LocalDate s0 = earliest(r.start());
            if (s0 == null) {
                continue;
            }
            double xs0 = LEFT + (s0.toEpochDay() - min.toEpochDay()) * scale;
            double xs1 = LEFT + (latest(r.start()).toEpochDay() + 1 - min.toEpochDay()) * scale;
            if (r.moment()) {
                double w = Math.max(3, xs1 - xs0);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"#a40e26\"/>", xs0, y + 2, w));
                continue;
            }
            boolean open = r.end() == null || r.end().isBlank();
            double xe = open ? WIDTH - 20 : LEFT + (latest(r.end()).toEpochDay() + 1 - min.toEpochDay()) * scale;
            double xe0 = open ? xe : LEFT + (earliest(r.end()).toEpochDay() - min.toEpochDay()) * scale;
            if (xs1 - xs0 > 2) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"url(#uncertain)\"/>", xs0, y + 2, xs1 - xs0));
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"#0b4f8a\"/>",
                    xs1, y + 2, Math.max(1, xe0 - xs1)));
            if (!open && xe - xe0 > 2) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"url(#uncertain)\"/>", xe0, y + 2, xe - xe0));
            }
            if (open) {
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f l8,8 l-8,8 z\" fill=\"#0b4f8a\"/>", xe, y + 2));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The first day a partial date can mean (2021 → 1 January 2021), or null. */
    public static LocalDate earliest(String partial) {
        return bound(partial, false);
    }

    /** The last day it can mean (2021 → 31 December 2021). */
    public static LocalDate latest(String partial) {
        return bound(partial, true);
    }

    private static LocalDate bound(String partial, boolean last) {
        if (partial == null || !partial.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            return null;
        }
        try {
            return parsed(partial, last);
        } catch (DateTimeException e) {
            return null; // not a day of the calendar (30 February): drawn as undated, never as another day
        }
    }

    private static LocalDate parsed(String partial, boolean last) {
        String[] p = partial.split("-");
        int year = Integer.parseInt(p[0]);
        if (p.length == 1) {
            return last ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
        }
        LocalDate month = LocalDate.of(year, Integer.parseInt(p[1]), 1);
        if (p.length == 2) {
            return last ? month.withDayOfMonth(month.lengthOfMonth()) : month;
        }
        return LocalDate.of(year, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }
}
