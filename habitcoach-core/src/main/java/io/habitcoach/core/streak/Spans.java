package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.schedule.ScheduleSpan;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link ScheduleHistory} as the engines read it: each span's <em>effective</em> start as an epoch
 * day, and its weekday mask or weekly target.
 *
 * <p>The rule (docs/rules.md, "Schedule changes"): a change takes effect with the current period of the
 * new frequency, on its own day for a daily or specific-days one and on the first day of that
 * calendar week for a per-week one. A span whose effective start is not after the previous one's
 * replaces it. The first span reaches back without limit. A per-week span cut short by a later
 * day-based one ends in a partial week (see {@link SpanEngine}).
 */
final class Spans {

    /** The first span's start: before every day the rules accept, and safe in week arithmetic. */
    static final int FIRST = Days.MIN - 14;

    final int size;
    final int[] start;
    final int[] end;
    final int[] mask;
    /** The weekly target of a per-week span, 0 for a day-based one. */
    final int[] target;
    final Frequency[] frequency;

    private Spans(int size, int[] start, int[] mask, int[] target, Frequency[] frequency) {
        this.size = size;
        this.start = start;
        this.mask = mask;
        this.target = target;
        this.frequency = frequency;
        this.end = new int[size];
        for (int i = 0; i < size; i++) {
            end[i] = i + 1 < size ? start[i + 1] : Days.NEVER;
        }
    }

    /**
     * The effective spans of the history's schedules, weeks anchored at its first day of week. With
     * {@code merge}, adjacent spans of equal frequency are one (what the services use); without, the
     * engine sees every boundary (what the property tests exercise).
     */
    static Spans of(HabitHistory history, boolean merge) {
        int anchor = Days.weekAnchor(history.firstDayOfWeek());
        List<ScheduleSpan> spans = history.schedules().spans();
        int n = 0;
        int[] start = new int[spans.size()];
        int[] mask = new int[spans.size()];
        int[] target = new int[spans.size()];
        Frequency[] frequency = new Frequency[spans.size()];
        for (ScheduleSpan span : spans) {
            Frequency f = span.frequency();
            int from = Days.of(span.from(), "from");
            int effective = f instanceof Frequency.TimesPerWeek ? Days.weekStart(Days.week(from, anchor), anchor) : from;
            while (n > 0 && start[n - 1] >= effective) {
                n--; // replaced before it took effect (or in the same period)
            }
            if (n == 0) {
                effective = FIRST;
            } else if (merge && frequency[n - 1].equals(f)) {
                continue;
            }
            start[n] = effective;
            mask[n] = Days.mask(f);
            target[n] = f instanceof Frequency.TimesPerWeek perWeek ? perWeek.times() : 0;
            frequency[n] = f;
            n++;
        }
        return new Spans(n, Arrays.copyOf(start, n), Arrays.copyOf(mask, n), Arrays.copyOf(target, n),
                Arrays.copyOf(frequency, n));
    }

    /** The index of the span in force on {@code day}. */
    int indexAt(int day) {
        int i = size - 1;
        while (i > 0 && start[i] > day) {
            i--;
        }
        return i;
    }

    Frequency frequencyAt(int day) {
        return frequency[indexAt(day)];
    }
}
