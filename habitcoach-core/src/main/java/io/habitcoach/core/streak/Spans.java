package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.schedule.ScheduleSpan;
import io.habitcoach.core.schedule.WeekStartHistory;

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
    /** The week anchor ({@link Days#weekAnchor}) of the first day of the week in force from the span's start. */
    final int[] anchor;
    final Frequency[] frequency;

    private Spans(int size, int[] start, int[] mask, int[] target, int[] anchor, Frequency[] frequency) {
        this.size = size;
        this.start = start;
        this.mask = mask;
        this.target = target;
        this.anchor = anchor;
        this.frequency = frequency;
        this.end = new int[size];
        for (int i = 0; i < size; i++) {
            end[i] = i + 1 < size ? start[i + 1] : Days.NEVER;
        }
    }

    /**
     * The effective spans of the history's schedules, weeks anchored at the first day of the week in
     * force on each span's start. With {@code merge}, adjacent spans of equal frequency (and, for a
     * per-week one, equal first day of the week) are one (what the services use); without, the engine
     * sees every boundary (what the property tests exercise).
     *
     * <p>A change of the first day of the week (a {@link WeekStartHistory.Start}) is a boundary of its
     * own: from its {@code from} on, per-week units are the new calendar weeks, the first one partial
     * when {@code from} is not the new first day (docs/rules.md, "Changing the first day of the week").
     * A per-week frequency change rounds back to its week's first day, but never before the first day
     * of the week in force took effect.
     */
    static Spans of(HabitHistory history, boolean merge) {
        List<WeekStartHistory.Start> weeks = history.weekStarts().starts();
        int w = weeks.size();
        int[] weekFrom = new int[w];
        int[] weekAnchor = new int[w];
        for (int i = 0; i < w; i++) {
            weekFrom[i] = i == 0 ? FIRST : Days.of(weeks.get(i).from(), "from");
            weekAnchor[i] = Days.weekAnchor(weeks.get(i).firstDayOfWeek());
        }

        // 1. the frequency spans' effective starts, as before, each per-week one with its own weeks
        List<ScheduleSpan> spans = history.schedules().spans();
        int n = 0;
        int[] fStart = new int[spans.size()];
        Frequency[] fFrequency = new Frequency[spans.size()];
        for (ScheduleSpan span : spans) {
            Frequency f = span.frequency();
            int from = Days.of(span.from(), "from");
            int effective = from;
            if (f instanceof Frequency.TimesPerWeek) {
                int k = indexIn(weekFrom, w, from);
                effective = Math.max(weekFrom[k], Days.weekStart(Days.week(from, weekAnchor[k]), weekAnchor[k]));
            }
            while (n > 0 && fStart[n - 1] >= effective) {
                n--; // replaced before it took effect (or in the same period)
            }
            if (n == 0) {
                effective = FIRST;
            }
            fStart[n] = effective;
            fFrequency[n] = f;
            n++;
        }

        // 2. every boundary of either history, each with the frequency and the weeks in force there
        int cap = n + w;
        int[] start = new int[cap];
        int[] mask = new int[cap];
        int[] target = new int[cap];
        int[] anchor = new int[cap];
        Frequency[] frequency = new Frequency[cap];
        int m = 0;
        int fi = 0;
        int wi = 0;
        while (fi < n || wi < w) {
            int at = wi >= w || fi < n && fStart[fi] <= weekFrom[wi] ? fStart[fi] : weekFrom[wi];
            while (fi < n && fStart[fi] <= at) {
                fi++;
            }
            while (wi < w && weekFrom[wi] <= at) {
                wi++;
            }
            Frequency f = fFrequency[fi - 1];
            int a = weekAnchor[wi - 1];
            boolean perWeek = f instanceof Frequency.TimesPerWeek;
            if (merge && m > 0 && frequency[m - 1].equals(f)
                    && (!perWeek || anchor[m - 1] == a)) {
                continue;
            }
            start[m] = at;
            mask[m] = Days.mask(f);
            target[m] = perWeek ? ((Frequency.TimesPerWeek) f).times() : 0;
            anchor[m] = a;
            frequency[m] = f;
            m++;
        }
        return new Spans(m, Arrays.copyOf(start, m), Arrays.copyOf(mask, m), Arrays.copyOf(target, m),
                Arrays.copyOf(anchor, m), Arrays.copyOf(frequency, m));
    }

    /** The index of the last of the first {@code size} ascending starts that is &lt;= {@code day} (0 if none). */
    private static int indexIn(int[] starts, int size, int day) {
        int i = size - 1;
        while (i > 0 && starts[i] > day) {
            i--;
        }
        return i;
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
