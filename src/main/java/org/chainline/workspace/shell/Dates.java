package org.chainline.workspace.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the record holds them: "2021", "March 2025", "6 March 2025"; never a precision the record lacks. */
public final class Dates {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** A partial date (yyyy, yyyy-MM or yyyy-MM-dd) in words; anything else as it is; an empty string for none. */
    public static String show(String partial) {
        if (partial == null || partial.isBlank()) {
            return "";
        }
        String[] parts = partial.split("-");
        try {
            return switch (parts.length) {
                case 1 -> parts[0];
                case 2 -> MONTHS[Integer.parseInt(parts[1]) - 1] + " " + parts[0];
                case 3 -> Integer.parseInt(parts[2]) + " " + MONTHS[Integer.parseInt(parts[1]) - 1] + " " + parts[0];
                default -> partial;
            };
        } catch (RuntimeException e) {
            return partial;
        }
    }

    /** An interval in words: "March 2021 – June 2022", "from 2021", "until 2022", or "dates unknown". */
    public static String span(String start, String end) {
        if ((start == null || start.isBlank()) && (end == null || end.isBlank())) {
            return "dates unknown";
        }
        if (end == null || end.isBlank()) {
            return "from " + show(start);
        }
        if (start == null || start.isBlank()) {
            return "until " + show(end);
        }
        return start.equals(end) ? show(start) : show(start) + " – " + show(end);
    }

    public static String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at);
    }
}
