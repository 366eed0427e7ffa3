package dev.cloakroom.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Dates as Django 4+ stores {@code _session_expiry}: Python's {@code datetime.isoformat()}, for example
 * {@code 2026-11-22T01:40:03.756294+00:00}, without the fraction when microseconds are zero.
 */
public final class PythonDates {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private PythonDates() {
    }

    /** Formats {@code instant} in UTC, truncated to microseconds, as Python's {@code isoformat()}. */
    public static String format(Instant instant) {
        OffsetDateTime t = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32).append(SECONDS.format(t));
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            sb.append('.').append(String.format("%06d", micros));
        }
        return sb.append("+00:00").toString();
    }

    /**
     * Parses what Python's {@code datetime.fromisoformat} accepts from Django: with or without fraction,
     * with an offset or naive (taken as UTC), {@code T} or a space between date and time.
     *
     * @throws DateTimeParseException if it is not such a date
     */
    public static Instant parse(String text) {
        String s = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }
}
