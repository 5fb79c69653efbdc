package io.habitcoach.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A habit's frequency together with the first day of the week it is judged by. The first day only
 * matters for per-week habits and weekly reports; it is Monday (ISO-8601) unless the host or the
 * user sets another.
 *
 * @param frequency      how often the habit is due
 * @param firstDayOfWeek the day calendar weeks start on
 */
public record Schedule(Frequency frequency, DayOfWeek firstDayOfWeek) {

    public Schedule {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
    }

    /** The frequency with ISO weeks (starting on Monday). */
    public static Schedule of(Frequency frequency) {
        return new Schedule(frequency, DayOfWeek.MONDAY);
    }

    public static Schedule of(Frequency frequency, DayOfWeek firstDayOfWeek) {
        return new Schedule(frequency, firstDayOfWeek);
    }

    /** The calendar week that contains {@code date}. */
    public CalendarWeek weekOf(LocalDate date) {
        return CalendarWeek.containing(date, firstDayOfWeek);
    }
}
