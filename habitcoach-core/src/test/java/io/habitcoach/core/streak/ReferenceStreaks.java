package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * A deliberately naive reading of rules.md section 4 (and the documented decisions), walking the
 * calendar day by day or week by week. Slow and obviously right: the property tests hold the real
 * engine to it.
 */
final class ReferenceStreaks {

    private ReferenceStreaks() {
    }

    static StreakSummary compute(HabitHistory history, LocalDate today) {
        List<LocalDate> done = history.doneDates();
        int total = done.size();
        if (done.isEmpty()) {
            return new StreakSummary(0, 0, 0, false);
        }
        Schedule schedule = history.schedule();
        LocalDate lastCounted = null;
        for (LocalDate date : done) {
            if (countsInStreak(history, date)) {
                lastCounted = date;
            }
        }
        LocalDate effectiveToday = lastCounted != null && lastCounted.isAfter(today) ? lastCounted : today;
        if (schedule.frequency() instanceof Frequency.TimesPerWeek perWeek) {
            return weeks(history, perWeek.times(), effectiveToday, total);
        }
        int run = 0;
        int longest = 0;
        for (LocalDate day = done.get(0); !day.isAfter(effectiveToday); day = day.plusDays(1)) {
            if (countsInStreak(history, day)) {
                run++;
                longest = Math.max(longest, run);
            } else if (required(history, day) && day.isBefore(effectiveToday)) {
                run = 0;
            }
        }
        boolean atRisk = run > 0 && required(history, effectiveToday) && !countsInStreak(history, effectiveToday);
        return new StreakSummary(run, longest, total, atRisk);
    }

    private static StreakSummary weeks(HabitHistory history, int target, LocalDate effectiveToday, int total) {
        Schedule schedule = history.schedule();
        LocalDate currentWeek = schedule.weekOf(effectiveToday).start();
        int run = 0;
        int longest = 0;
        boolean atRisk = false;
        for (LocalDate week = schedule.weekOf(history.doneDates().get(0)).start(); !week.isAfter(currentWeek);
             week = week.plusWeeks(1)) {
            int done = 0;
            int skipped = 0;
            boolean paused = false;
            for (LocalDate day = week; day.isBefore(week.plusWeeks(1)); day = day.plusDays(1)) {
                if (paused(history, day)) {
                    paused = true;
                } else if (history.doneDates().contains(day)) {
                    done++;
                } else if (history.skippedDates().contains(day)) {
                    skipped++;
                }
            }
            boolean met = done >= Math.max(1, target - skipped);
            boolean excused = paused || skipped >= target;
            if (met) {
                run++;
                longest = Math.max(longest, run);
            } else if (week.equals(currentWeek)) {
                atRisk = run > 0 && !excused;
            } else if (!excused) {
                run = 0;
            }
        }
        return new StreakSummary(run, longest, total, atRisk);
    }

    static boolean countsInStreak(HabitHistory history, LocalDate day) {
        return history.doneDates().contains(day) && history.frequency().countsOn(day.getDayOfWeek())
                && !paused(history, day);
    }

    static boolean required(HabitHistory history, LocalDate day) {
        return history.frequency().countsOn(day.getDayOfWeek()) && !paused(history, day)
                && !history.skippedDates().contains(day);
    }

    static boolean paused(HabitHistory history, LocalDate day) {
        for (PauseRange pause : history.pauses()) {
            if (pause.contains(day)) {
                return true;
            }
        }
        return false;
    }

    /** Habit strength, straight from the formula: one update per day, the window re-counted each time. */
    static double strength(HabitHistory history, LocalDate today) {
        List<LocalDate> counted = history.doneDates().stream().filter(d -> !paused(history, d)).toList();
        if (counted.isEmpty()) {
            return 0.0;
        }
        double f = history.frequency().rate();
        double m = Math.pow(0.5, Math.sqrt(f) / 13.0);
        int numerator = f >= 1.0 ? 1 : (int) Math.round(2 * f * 7);
        int window = f >= 1.0 ? 1 : 14;
        LocalDate last = Collections.max(counted);
        LocalDate end = last.isAfter(today.minusDays(1)) ? last : today.minusDays(1);
        double score = 0;
        for (LocalDate day = counted.get(0); !day.isAfter(end); day = day.plusDays(1)) {
            if (paused(history, day) || history.skippedDates().contains(day)) {
                continue;
            }
            int inWindow = 0;
            for (LocalDate d : counted) {
                if (!d.isAfter(day) && d.isAfter(day.minusDays(window))) {
                    inWindow++;
                }
            }
            double c = Math.min(1.0, (double) inWindow / numerator);
            score = score * m + c * (1 - m);
        }
        return score;
    }
}
