package org.chainline.dossier.pdf;

import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/** An instant as the UTC calendar, to the second, that PDF dates and XMP dates are made from. */
public final class PdfDates {

    private PdfDates() {
    }

    public static Calendar utc(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli() / 1000 * 1000);
        return calendar;
    }
}
