package io.habitcoach.core.streak;

/**
 * The full recomputation for a habit whose schedule changed ({@link Spans} with more than one span):
 * every unit (a scheduled day of a day-based span, a calendar week of a per-week span) is judged by
 * the span it belongs to, and the runs are chained across span boundaries.
 *
 * <p>A unit is met, excused (neither counts nor breaks) or missed:
 * <ul>
 *   <li>day unit: met when done and not paused; excused when paused or skipped; else missed;</li>
 *   <li>week unit: the done days of the week inside the span that are not paused count; met when they
 *       reach {@code max(1, target - active skips)}; when not met, excused if a paused day touches it, it
 *       holds at least {@code target} skips, or it is cut short by the next span or begins late (a
 *       change of the first day of the week took effect in it) (a partial week:
 *       never closed under its own schedule); else missed.</li>
 * </ul>
 * With one span this is exactly {@link StreakEngine} (a property test holds them equal), only slower:
 * it walks the units from the first done day instead of jumping from entry to entry, O(days spanned),
 * which is fine for the rare habit whose schedule changed.
 *
 * <p>The state's {@code excusedThrough} is at least the day before the last span took effect, so the
 * incremental {@link Streaks#addDone} never reasons across a schedule change: it falls back to this.
 */
final class SpanEngine {

    private static final int MET = 0;
    private static final int EXCUSED = 1;
    private static final int MISSED = 2;

    private SpanEngine() {
    }

    static StreakState state(HabitHistory history, Spans spans, int limit) {
        int[] done = history.done;
        int doneCount = Days.countUpTo(done, limit);
        int skippedCount = Days.countUpTo(history.skipped, limit);
        int[] skips = StreakEngine.activeSkips(history, skippedCount);
        int lastDone = doneCount == 0 ? Days.NONE : done[doneCount - 1];
        int excusedThrough = StreakEngine.excusedThrough(history, skippedCount);
        if (spans.size > 1 && excusedThrough != Days.MAX) {
            excusedThrough = Math.max(excusedThrough, spans.start[spans.size - 1] - 1);
        }
        int pauses = history.pauseStart.length;
        int openPause = pauses > 0 && history.pauseEnd[pauses - 1] == Days.NEVER
                ? history.pauseStart[pauses - 1] : Days.NEVER;

        int run = 0;
        int runStart = Days.NONE;
        int lastMet = Days.NONE;
        int previousRun = 0;
        int previousEnd = Days.NONE;
        int longest = 0;
        int nextDue = Days.NONE;
        boolean broken = false;
        int unmetWeek = Days.NONE;
        int unmetWeekDone = 0;

        if (doneCount > 0) {
            int si = 0;
            int u = done[0];
            int dc = 0;
            int kc = 0;
            while (true) {
                while (u >= spans.end[si]) {
                    si++; // ends only at Days.NEVER, so the last span stops this
                }
                int spanEnd = spans.end[si];
                int target = spans.target[si];
                int unitStart;
                int unitEnd;
                boolean partial = false;
                if (target == 0) {
                    unitStart = Days.firstInMaskFrom(spans.mask[si], u);
                    if (unitStart >= spanEnd) {
                        u = spanEnd;
                        continue;
                    }
                    unitEnd = unitStart + 1;
                } else {
                    int anchor = spans.anchor[si];
                    int weekStart = Days.weekStart(Days.week(u, anchor), anchor);
                    unitStart = Math.max(spans.start[si], weekStart);
                    int weekEnd = Days.weekStart(Days.week(unitStart, anchor) + 1, anchor);
                    // cut short by the next span, or begun late by a change of the first day of the week
                    partial = weekEnd > spanEnd || weekStart < spans.start[si] && si > 0;
                    unitEnd = Math.min(weekEnd, spanEnd);
                }
                if (unitStart > lastDone && (run == 0 || nextDue != Days.NONE)) {
                    break; // every entry is judged, and the run's next due unit is known
                }
                if (unitStart >= openPause) {
                    break; // paused for good from here: nothing is due any more
                }
                while (dc < doneCount && done[dc] < unitStart) {
                    dc++; // done on an unscheduled weekday: counts in the total only
                }
                int count = 0;
                while (dc < doneCount && done[dc] < unitEnd) {
                    if (!history.isPaused(done[dc])) {
                        count++;
                    }
                    dc++;
                }
                while (kc < skips.length && skips[kc] < unitStart) {
                    kc++;
                }
                int skipped = 0;
                while (kc < skips.length && skips[kc] < unitEnd) {
                    skipped++;
                    kc++;
                }
                int outcome;
                int next = unitEnd;
                if (target == 0) {
                    int pause = pauseAt(history, unitStart);
                    if (pause >= 0) {
                        outcome = EXCUSED;
                        next = history.pauseEnd[pause]; // jump over the pause (an open one ended the walk)
                    } else {
                        outcome = count > 0 ? MET : skipped > 0 ? EXCUSED : MISSED;
                    }
                } else {
                    boolean met = count >= Math.max(1, target - skipped);
                    boolean excused = partial || skipped >= target || touchesPause(history, unitStart, unitEnd);
                    outcome = met ? MET : excused ? EXCUSED : MISSED;
                    if (!met && count > 0) {
                        unmetWeek = unitStart;
                        unmetWeekDone = count;
                    }
                }
                if (outcome == MET) {
                    if (run == 0) {
                        run = 1;
                        runStart = unitStart;
                    } else if (broken) {
                        longest = Math.max(longest, run);
                        previousRun = run;
                        previousEnd = lastMet;
                        run = 1;
                        runStart = unitStart;
                    } else {
                        run++;
                    }
                    lastMet = unitStart;
                    broken = false;
                    nextDue = Days.NONE;
                } else if (outcome == MISSED && run > 0 && !broken) {
                    broken = true;
                    nextDue = unitStart;
                }
                u = next;
            }
        }
        longest = Math.max(longest, run);
        boolean unmetLast = unmetWeek != Days.NONE && (lastMet == Days.NONE || unmetWeek > lastMet);
        return new StreakState(run, Days.dateOrNull(runStart), Days.dateOrNull(run == 0 ? Days.NONE : lastMet),
                Days.dateOrNull(nextDue), longest, doneCount, Days.dateOrNull(lastDone), previousRun,
                Days.dateOrNull(previousEnd), Days.dateOrNull(unmetLast ? unmetWeek : Days.NONE),
                unmetLast ? unmetWeekDone : 0, Days.dateOrNull(excusedThrough));
    }

    /** The index of the pause that contains {@code day}, or -1. */
    private static int pauseAt(HabitHistory history, int day) {
        int[] starts = history.pauseStart;
        int index = java.util.Arrays.binarySearch(starts, day);
        int before = index >= 0 ? index : -index - 2;
        return before >= 0 && day < history.pauseEnd[before] ? before : -1;
    }

    /** Whether a paused day lies in [from, to). */
    private static boolean touchesPause(HabitHistory history, int from, int to) {
        int[] starts = history.pauseStart;
        int index = java.util.Arrays.binarySearch(starts, to - 1);
        int before = index >= 0 ? index : -index - 2;
        return before >= 0 && history.pauseEnd[before] > from;
    }
}
