package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first days of the week a user had over time, so that a change of the first day never re-buckets
 * weeks that ended before it (docs/rules.md, "Changing the first day of the week"): every per-week
 * habit's week is the calendar week of the first day in force then.
 *
 * <p>Each {@link Start} says from which day on weeks start on its day; the first one also covers
 * every earlier day (its {@code from} is {@link ScheduleHistory#ALWAYS}). {@link #change} applies the
 * rule that picks where a change takes effect.
 *
 * @param starts at least one, strictly ascending by {@code from}, the first from {@link ScheduleHistory#ALWAYS}
 */
public record WeekStartHistory(List<Start> starts) {

    /**
     * From {@code from} on (until the next start), calendar weeks start on {@code firstDayOfWeek}.
     * {@code from} need not be such a day: the stretch from it to the first one is a shorter, partial
     * week (the transition).
     */
    public record Start(LocalDate from, DayOfWeek firstDayOfWeek) {

        public Start {
            InvalidInputException.requirePresent(from, "from");
            InvalidInputException.requirePresent(firstDayOfWeek, "firstDayOfWeek");
        }
    }

    public WeekStartHistory {
        InvalidInputException.require(starts != null && !starts.isEmpty() && starts.stream().allMatch(Objects::nonNull),
                "starts", "at least one week start, without nulls");
        InvalidInputException.require(starts.get(0).from().equals(ScheduleHistory.ALWAYS), "starts",
                "a first week start from " + ScheduleHistory.ALWAYS);
        for (int i = 1; i < starts.size(); i++) {
            InvalidInputException.require(starts.get(i).from().isAfter(starts.get(i - 1).from()), "starts",
                    "week starts in strictly ascending order of their from dates; " + starts.get(i).from()
                            + " follows " + starts.get(i - 1).from());
        }
        starts = List.copyOf(starts);
    }

    /** One first day of the week that has always been in force. */
    public static WeekStartHistory of(DayOfWeek firstDayOfWeek) {
        return new WeekStartHistory(List.of(new Start(ScheduleHistory.ALWAYS, firstDayOfWeek)));
    }

    /** The first day of the week in force now (the last start's). */
    public DayOfWeek current() {
        return starts.get(starts.size() - 1).firstDayOfWeek();
    }

    /** Whether the first day of the week never changed. */
    public boolean isUniform() {
        return starts.size() == 1;
    }

    /** The first day of the week in force on {@code day}. */
    public DayOfWeek on(LocalDate day) {
        Objects.requireNonNull(day, "day");
        DayOfWeek in = starts.get(0).firstDayOfWeek();
        for (Start start : starts) {
            if (start.from().isAfter(day)) {
                break;
            }
            in = start.firstDayOfWeek();
        }
        return in;
    }

    /**
     * The day a change to {@code next}, made on the user's {@code today}, takes effect: the later of the
     * first day of today's current week under the first day in force and under {@code next}, and never
     * before the last change took effect. So every week that ended before today keeps its days (the
     * current week may be cut short or begin late: a partial week, excused if not met), and the new
     * weeks begin at the latest on today's.
     */
    public LocalDate takesEffect(LocalDate today, DayOfWeek next) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(next, "next");
        LocalDate last = starts.get(starts.size() - 1).from();
        LocalDate current = CalendarWeek.containing(today, current()).start();
        LocalDate upcoming = CalendarWeek.containing(today, next).start();
        LocalDate effective = current.isAfter(upcoming) ? current : upcoming;
        return effective.isAfter(last) ? effective : last;
    }

    /**
     * This history after the user, on their {@code today}, made {@code next} their first day of the
     * week; itself when {@code next} is already in force. A start that would take effect on the same
     * day as the last one replaces it (several changes in one week: the last one wins).
     */
    public WeekStartHistory change(LocalDate today, DayOfWeek next) {
        InvalidInputException.requirePresent(next, "firstDayOfWeek");
        if (next == current()) {
            return this;
        }
        LocalDate from = takesEffect(today, next);
        List<Start> kept = new ArrayList<>(starts.size() + 1);
        for (Start start : starts) {
            if (start.from().isBefore(from)) {
                kept.add(start);
            }
        }
        if (kept.isEmpty()) {
            kept.add(new Start(ScheduleHistory.ALWAYS, next));
        } else if (kept.get(kept.size() - 1).firstDayOfWeek() != next) {
            kept.add(new Start(from, next));
        }
        return new WeekStartHistory(kept);
    }
}
