package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleSpan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive reading of docs/rules.md "Schedule changes": list the units (scheduled days,
 * calendar weeks, a per-week span's last partial week) day by day, judge each by its span, and chain
 * them. Slow and obviously right; the property tests hold the span engine to it.
 */
final class ReferenceSpans {

    private ReferenceSpans() {
    }

    private static void effectiveSpans(HabitHistory history, List<LocalDate> starts, List<Frequency> frequencies) {
        for (ScheduleSpan span : history.schedules().spans()) {
            LocalDate effective = span.frequency() instanceof Frequency.TimesPerWeek
                    ? CalendarWeek.containing(span.from(), history.firstDayOfWeek()).start() : span.from();
            while (!starts.isEmpty() && !starts.get(starts.size() - 1).isBefore(effective)) {
                starts.remove(starts.size() - 1);
                frequencies.remove(frequencies.size() - 1);
            }
            starts.add(starts.isEmpty() ? LocalDate.of(1, 1, 1) : effective);
            frequencies.add(span.frequency());
        }
    }

    /** Habit strength with each day's rate, multiplier and window taken from the frequency in force on it. */
    static double strength(HabitHistory history, LocalDate today) {
        List<LocalDate> starts = new ArrayList<>();
        List<Frequency> frequencies = new ArrayList<>();
        effectiveSpans(history, starts, frequencies);
        List<LocalDate> counted = history.doneDates().stream().filter(d -> !ReferenceStreaks.paused(history, d)).toList();
        if (counted.isEmpty()) {
            return 0.0;
        }
        LocalDate last = counted.get(counted.size() - 1);
        LocalDate end = last.isAfter(today.minusDays(1)) ? last : today.minusDays(1);
        double score = 0;
        for (LocalDate day = counted.get(0); !day.isAfter(end); day = day.plusDays(1)) {
            if (ReferenceStreaks.paused(history, day) || history.skippedDates().contains(day)) {
                continue;
            }
            int i = starts.size() - 1;
            while (i > 0 && starts.get(i).isAfter(day)) {
                i--;
            }
            double f = frequencies.get(i).rate();
            double m = Math.pow(0.5, Math.sqrt(f) / 13.0);
            int numerator = f >= 1.0 ? 1 : (int) Math.round(2 * f * 7);
            int window = f >= 1.0 ? 1 : 14;
            int inWindow = 0;
            for (LocalDate d : counted) {
                if (!d.isAfter(day) && d.isAfter(day.minusDays(window))) {
                    inWindow++;
                }
            }
            score = score * m + Math.min(1.0, (double) inWindow / numerator) * (1 - m);
        }
        return score;
    }

    static StreakSummary compute(HabitHistory history, LocalDate today) {
        List<LocalDate> done = history.doneDates();
        if (done.isEmpty()) {
            return new StreakSummary(0, 0, 0, false);
        }
        List<LocalDate> starts = new ArrayList<>();
        List<Frequency> frequencies = new ArrayList<>();
        effectiveSpans(history, starts, frequencies);
        // the units, in order
        List<LocalDate[]> units = new ArrayList<>();
        List<Integer> spanOf = new ArrayList<>();
        LocalDate lastCounted = null;
        LocalDate from = done.get(0).minusDays(7);
        LocalDate to = done.get(done.size() - 1).isAfter(today) ? done.get(done.size() - 1) : today;
        for (LocalDate day = from; !day.isAfter(to.plusDays(7)); day = day.plusDays(1)) {
            int i = starts.size() - 1;
            while (i > 0 && starts.get(i).isAfter(day)) {
                i--;
            }
            Frequency f = frequencies.get(i);
            LocalDate spanEnd = i + 1 < starts.size() ? starts.get(i + 1) : LocalDate.MAX;
            if (f instanceof Frequency.TimesPerWeek) {
                LocalDate weekStart = CalendarWeek.containing(day, history.firstDayOfWeek()).start();
                if (day.equals(weekStart) || day.equals(starts.get(i)) || day.equals(from)) {
                    LocalDate end = weekStart.plusWeeks(1);
                    units.add(new LocalDate[] {day, end.isAfter(spanEnd) ? spanEnd : end, end});
                    spanOf.add(i);
                }
            } else if (f.countsOn(day.getDayOfWeek())) {
                units.add(new LocalDate[] {day, day.plusDays(1), day.plusDays(1)});
                spanOf.add(i);
            }
            if (history.doneDates().contains(day) && !ReferenceStreaks.paused(history, day)
                    && (f instanceof Frequency.TimesPerWeek || f.countsOn(day.getDayOfWeek()))) {
                lastCounted = day;
            }
        }
        LocalDate effectiveToday = lastCounted != null && lastCounted.isAfter(today) ? lastCounted : today;
        int run = 0;
        int longest = 0;
        boolean atRisk = false;
        for (int u = 0; u < units.size(); u++) {
            LocalDate start = units.get(u)[0];
            LocalDate end = units.get(u)[1];
            if (start.isAfter(effectiveToday)) {
                break;
            }
            boolean current = !end.isAfter(effectiveToday) ? false : true;
            Frequency f = frequencies.get(spanOf.get(u));
            int count = 0;
            int skipped = 0;
            boolean paused = false;
            for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
                if (ReferenceStreaks.paused(history, day)) {
                    paused = true;
                } else if (history.doneDates().contains(day)) {
                    count++;
                } else if (history.skippedDates().contains(day)) {
                    skipped++;
                }
            }
            boolean met;
            boolean excused;
            if (f instanceof Frequency.TimesPerWeek perWeek) {
                boolean partial = units.get(u)[2].isAfter(end);
                met = count >= Math.max(1, perWeek.times() - skipped);
                excused = paused || skipped >= perWeek.times() || partial;
            } else {
                met = count > 0;
                excused = paused || skipped > 0;
            }
            if (met) {
                run++;
                longest = Math.max(longest, run);
            } else if (current) {
                atRisk = run > 0 && !excused;
            } else if (!excused) {
                run = 0;
            }
        }
        return new StreakSummary(run, longest, done.size(), atRisk);
    }
}
