package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Habit strength in [0, 1]: the exponential smoothing that Loop Habit Tracker publishes, which forgives
 * a single miss where a streak would reset.
 *
 * <p>Day by day, from the first done date: {@code score = score * m + c * (1 - m)} with
 * {@code m = 0.5 ^ (sqrt(f) / 13)} and {@code f} the habit's {@link Frequency#rate() rate} (1 for daily,
 * k/7 for k specific days, N/7 for N per week). The checkmark value {@code c} is, as in Loop's
 * {@code ScoreList}:
 * <ul>
 *   <li>f = 1: 1 on a done day, 0 otherwise;</li>
 *   <li>f &lt; 1 (f = k/7): the share of the target met in the last 14 days including this one,
 *       {@code min(1, done days in the window / (2k))} (Loop doubles numerator and denominator of
 *       k/7 to smooth irregular weeks).</li>
 * </ul>
 * Skipped and paused days leave the score as it is, and done entries on paused days are not counted.
 * Today is included once it is done; until then the score is the one at the end of yesterday, just as
 * an open day does not break a streak. The first done date is the first update, so a daily habit reads
 * {@code 1 - m^n} after n straight done days: 0.5 after 13.
 *
 * <p>O(days from the first done date to today), no allocation.
 */
public final class HabitStrength {

    private HabitStrength() {
    }

    /** The strength as of {@code today} of a habit with done dates only. */
    public static double score(Frequency frequency, Collection<LocalDate> doneDates, LocalDate today) {
        return score(HabitHistory.of(frequency, doneDates), today);
    }

    /**
     * The strength on each day from {@code from} to {@code to}: for each day, exactly
     * {@link #score(HabitHistory, LocalDate)} as of that day over the entries up to that day, the
     * number the habit showed then (a chart of the score over time).
     *
     * @throws io.habitcoach.core.InvalidInputException for a reversed range or one longer than
     *         {@link HabitCalendar#MAX_DAYS} days
     */
    public static List<DailyScore> series(HabitHistory history, LocalDate from, LocalDate to) {
        Objects.requireNonNull(history, "history");
        HabitCalendar.checkRange(from, to);
        List<DailyScore> scores = new ArrayList<>();
        List<LocalDate> done = history.doneDates();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            scores.add(new DailyScore(day, score(through(history, done, day), day)));
        }
        return List.copyOf(scores);
    }

    /** The history as it stood on {@code day}: later done dates are not yet there. */
    static HabitHistory through(HabitHistory history, List<LocalDate> doneDates, LocalDate day) {
        if (doneDates.isEmpty() || !doneDates.get(doneDates.size() - 1).isAfter(day)) {
            return history;
        }
        HabitHistory.Builder builder = HabitHistory.builder(history.schedule()).skipped(history.skippedDates())
                .pauses(history.pauses());
        history.startDate().ifPresent(builder::startDate);
        for (LocalDate date : doneDates) {
            if (!date.isAfter(day)) {
                builder.done(date);
            }
        }
        return builder.build();
    }

    /** The strength score in [0, 1] on one day. */
    public record DailyScore(LocalDate date, double score) {
        public DailyScore {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The strength as of {@code today}, with skipped days and pauses. */
    public static double score(HabitHistory history, LocalDate today) {
        Objects.requireNonNull(history, "history");
        int todayDay = Days.of(Objects.requireNonNull(today, "today"), "today");
        if (history.schedules().spans().size() > 1) {
            Spans spans = Spans.of(history, true);
            if (spans.size > 1) {
                return scoreBySpan(history, spans, todayDay);
            }
        }
        double rate = history.frequency().rate();
        double multiplier = multiplier(rate);
        int numerator;
        int window;
        if (rate >= 1.0) {
            numerator = 1;
            window = 1;
        } else {
            numerator = 2 * (int) Math.round(rate * 7);
            window = 14;
        }

        int[] done = history.done;
        int[] skipped = history.skipped;
        int[] pauseStart = history.pauseStart;
        int[] pauseEnd = history.pauseEnd;
        // Find the first and last done days that count (not paused).
        int firstIndex = 0;
        while (firstIndex < done.length && history.isPaused(done[firstIndex])) {
            firstIndex++;
        }
        int first = firstIndex < done.length ? done[firstIndex] : Days.NONE;
        int last = Days.NONE;
        for (int i = done.length - 1; i >= 0; i--) {
            if (!history.isPaused(done[i])) {
                last = done[i];
                break;
            }
        }
        if (first == Days.NONE) {
            return 0.0;
        }
        // Through yesterday, or through today once today (or a later day, for a user who moved west) is done.
        int end = Math.max(todayDay - 1, last);
        if (first > end) {
            return 0.0;
        }

        // The window's done days as bits (bit 0 = the day being scored): a window is at most 14 days, so
        // an int holds it, and a day leaving the window needs no second look at the entries.
        int windowMask = (1 << window) - 1;
        int bits = 0;
        double gainPerDone = (1.0 - multiplier) / numerator;
        // Four scored days are folded at a time: score * m^4 + (x0 m^3 + x1 m^2 + x2 m + x3) is the same
        // sum as four single steps, but only one multiply-add per four days waits for the previous score
        // (the single-step chain was the floor of this loop).
        double m2 = multiplier * multiplier;
        double m3 = m2 * multiplier;
        double m4 = m2 * m2;
        double x0 = 0.0;
        double x1 = 0.0;
        double x2 = 0.0;
        int pending = 0;
        double score = 0.0;
        int doneCursor = firstIndex;
        int skipCursor = 0;
        int pauseCursor = 0;
        int pauses = pauseStart.length;
        for (int day = first; day <= end; day++) {
            boolean paused = false;
            if (pauses > 0) {
                while (pauseCursor < pauses && pauseEnd[pauseCursor] <= day) {
                    pauseCursor++;
                }
                paused = pauseCursor < pauses && pauseStart[pauseCursor] <= day;
            }
            int counted = 0;
            if (doneCursor < done.length && done[doneCursor] == day) {
                doneCursor++;
                counted = paused ? 0 : 1; // a done entry on a paused day is not counted
            }
            bits = ((bits << 1) | counted) & windowMask;
            if (paused) {
                continue; // a paused day leaves the score as it is
            }
            while (skipCursor < skipped.length && skipped[skipCursor] < day) {
                skipCursor++; // skips inside a pause were passed over above
            }
            if (skipCursor < skipped.length && skipped[skipCursor] == day) {
                continue; // so does a skipped day
            }
            // c * (1 - m) with c = min(1, done in window / numerator)
            double x = Math.min(Integer.bitCount(bits), numerator) * gainPerDone;
            switch (pending) {
                case 0 -> x0 = x;
                case 1 -> x1 = x;
                case 2 -> x2 = x;
                default -> score = score * m4 + (x0 * m3 + x1 * m2 + x2 * multiplier + x);
            }
            pending = (pending + 1) & 3;
        }
        if (pending > 0) {
            score = score * multiplier + x0;
        }
        if (pending > 1) {
            score = score * multiplier + x1;
        }
        if (pending > 2) {
            score = score * multiplier + x2;
        }
        return score;
    }

    /**
     * A changed schedule: each day uses the rate, multiplier and window of the frequency in force on it
     * (the window still looks back 14 days, across a change). One step per day, no folding: only habits
     * whose schedule changed come here.
     */
    private static double scoreBySpan(HabitHistory history, Spans spans, int todayDay) {
        int[] done = history.done;
        int first = Days.NONE;
        int last = Days.NONE;
        for (int day : done) {
            if (!history.isPaused(day)) {
                first = first == Days.NONE ? day : first;
                last = day;
            }
        }
        if (first == Days.NONE) {
            return 0.0;
        }
        int end = Math.max(todayDay - 1, last);
        double[] multiplier = new double[spans.size];
        int[] numerator = new int[spans.size];
        for (int i = 0; i < spans.size; i++) {
            double rate = spans.frequency[i].rate();
            multiplier[i] = multiplier(rate);
            numerator[i] = rate >= 1.0 ? 1 : 2 * (int) Math.round(rate * 7);
        }
        int bits = 0; // the last 14 days' counted done days, bit 0 = the day being scored
        double score = 0.0;
        int doneCursor = 0;
        int span = spans.indexAt(first);
        for (int day = first; day <= end; day++) {
            while (day >= spans.end[span]) {
                span++;
            }
            boolean paused = history.isPaused(day);
            int counted = 0;
            while (doneCursor < done.length && done[doneCursor] < day) {
                doneCursor++;
            }
            if (doneCursor < done.length && done[doneCursor] == day) {
                counted = paused ? 0 : 1;
            }
            bits = ((bits << 1) | counted) & 0x3FFF;
            if (paused || history.isSkipped(day)) {
                continue;
            }
            int inWindow = numerator[span] == 1 ? bits & 1 : Integer.bitCount(bits);
            double m = multiplier[span];
            score = score * m + Math.min(inWindow, numerator[span]) * ((1.0 - m) / numerator[span]);
        }
        return score;
    }

    /** Loop's {@code m = 0.5 ^ (sqrt(f) / 13)}. */
    static double multiplier(double rate) {
        return Math.pow(0.5, Math.sqrt(rate) / 13.0);
    }
}
