package io.habitcoach.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A calendar week: seven days from {@code start}. The first day of the week is
 * {@code start.getDayOfWeek()} (Monday under ISO-8601, or whatever the host or user configured);
 * weeks never roll, so a per-week habit's week is always one of these.
 *
 * @param start the first day of the week
 */
public record CalendarWeek(LocalDate start) implements Comparable<CalendarWeek> {

    public CalendarWeek {
        Objects.requireNonNull(start, "start");
    }

    /** The week that contains {@code date}, for weeks that start on {@code firstDayOfWeek}. */
    public static CalendarWeek containing(LocalDate date, DayOfWeek firstDayOfWeek) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
        return new CalendarWeek(date.with(TemporalAdjusters.previousOrSame(firstDayOfWeek)));
    }

    /** The ISO week (Monday to Sunday) that contains {@code date}. */
    public static CalendarWeek isoContaining(LocalDate date) {
        return containing(date, DayOfWeek.MONDAY);
    }

    /** The first day of the week. */
    public DayOfWeek firstDayOfWeek() {
        return start.getDayOfWeek();
    }

    /** The last day of the week (inclusive). */
    public LocalDate end() {
        return start.plusDays(6);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end());
    }

    public CalendarWeek next() {
        return new CalendarWeek(start.plusWeeks(1));
    }

    public CalendarWeek previous() {
        return new CalendarWeek(start.minusWeeks(1));
    }

    /** The seven days in order. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            days.add(start.plusDays(i));
        }
        return Collections.unmodifiableList(days);
    }

    @Override
    public int compareTo(CalendarWeek other) {
        return start.compareTo(other.start);
    }
}
