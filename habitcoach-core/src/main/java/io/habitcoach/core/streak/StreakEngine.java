package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;

import java.util.Arrays;

/**
 * The full recomputation behind {@link Streaks#state}: one pass over the sorted entries, O(entries +
 * skips + pauses), independent of how many calendar days the history spans, and without allocating
 * per entry (only small arrays when there are skips or pauses).
 *
 * <p>Runs are found by asking, for each pair of consecutive met units, whether any unit between
 * them was "required" (scheduled, not skipped, not paused). That count is arithmetic: scheduled days
 * in a range are counted in O(1) from the weekday mask, minus the scheduled days inside the excused
 * ranges (pauses and skips merged into disjoint intervals), which a forward-moving cursor visits.
 */
final class StreakEngine {

    private StreakEngine() {
    }

    /** The state over the entries dated on or before {@code limit} (pauses are taken whole). */
    static StreakState state(HabitHistory history, int limit) {
        int doneCount = Days.countUpTo(history.done, limit);
        int skippedCount = Days.countUpTo(history.skipped, limit);
        int lastDone = doneCount == 0 ? Days.NONE : history.done[doneCount - 1];
        int excusedThrough = excusedThrough(history, skippedCount);
        Frequency frequency = history.frequency();
        if (frequency instanceof Frequency.TimesPerWeek perWeek) {
            return weeks(history, perWeek.times(), doneCount, skippedCount, lastDone, excusedThrough);
        }
        return days(history, doneCount, skippedCount, lastDone, excusedThrough);
    }

    static int excusedThrough(HabitHistory history, int skippedCount) {
        int latest = skippedCount == 0 ? Days.NONE : history.skipped[skippedCount - 1];
        int pauses = history.pauseStart.length;
        if (pauses > 0) {
            int end = history.pauseEnd[pauses - 1];
            latest = Math.max(latest, end == Days.NEVER ? Days.MAX : end - 1);
        }
        return latest;
    }

    // ---------------------------------------------------------------- daily and specific days

    private static StreakState days(HabitHistory history, int doneCount, int skippedCount, int lastDone,
                                    int excusedThrough) {
        int mask = history.mask();
        int[] done = history.done;
        int[] pauseStart = history.pauseStart;
        int[] pauseEnd = history.pauseEnd;
        int pauses = pauseStart.length;
        Intervals excused = Intervals.merge(pauseStart, pauseEnd, history.skipped, skippedCount);

        int run = 0;
        int runStart = Days.NONE;
        int last = Days.NONE;
        int lastWeekday = 0;
        int previousRun = 0;
        int previousEnd = Days.NONE;
        int longest = 0;
        int pauseCursor = 0;
        int excusedCursor = 0;
        boolean everyDay = mask == Days.ALL_DAYS;
        int[] gapsToNext = history.gapsToNext();
        // The weekday is carried from entry to entry (the entries are sorted): a modulo per entry is
        // most of the cost of a long specific-days history. Daily habits need no weekday (every gap is 1).
        int weekday = doneCount == 0 ? 0 : Days.weekday(done[0]);
        int previousDay = doneCount == 0 ? 0 : done[0];
        for (int i = 0; i < doneCount; i++) {
            int day = done[i];
            if (!everyDay) {
                int step = day - previousDay;
                if (step < 7) {
                    weekday += step;
                    if (weekday >= 7) {
                        weekday -= 7;
                    }
                } else {
                    weekday = Days.weekday(day);
                }
                previousDay = day;
                if ((mask >>> weekday & 1) == 0) {
                    continue; // an unscheduled weekday: counts in the total only
                }
            }
            if (pauses > 0) {
                while (pauseCursor < pauses && pauseEnd[pauseCursor] <= day) {
                    pauseCursor++;
                }
                if (pauseCursor < pauses && pauseStart[pauseCursor] <= day) {
                    continue; // a paused day: counts in the total only
                }
            }
            if (run == 0) {
                run = 1;
                runStart = day;
            } else if (day - last == gapsToNext[lastWeekday]) {
                run++; // the next scheduled day: nothing in between could break the run
            } else {
                int from = last + 1;
                int required = Days.countInMask(mask, from, day);
                if (required > 0) {
                    while (excusedCursor < excused.size && excused.end[excusedCursor] <= from) {
                        excusedCursor++;
                    }
                    for (int j = excusedCursor; j < excused.size && excused.start[j] < day && required > 0; j++) {
                        required -= Days.countInMask(mask, Math.max(from, excused.start[j]),
                                Math.min(day, excused.end[j]));
                    }
                }
                if (required == 0) {
                    run++;
                } else {
                    longest = Math.max(longest, run);
                    previousRun = run;
                    previousEnd = last;
                    run = 1;
                    runStart = day;
                }
            }
            last = day;
            lastWeekday = weekday;
        }
        longest = Math.max(longest, run);
        int nextDue = run == 0 ? Days.NONE : firstRequiredDay(mask, excused, Days.firstInMaskFrom(mask, last + 1));
        return state(run, runStart, last, nextDue, longest, doneCount, lastDone, previousRun, previousEnd,
                Days.NONE, 0, excusedThrough);
    }

    /** The first scheduled day on or after {@code candidate} (itself scheduled) that is not excused. */
    private static int firstRequiredDay(int mask, Intervals excused, int candidate) {
        int j = excused.firstEndingAfter(candidate);
        while (j < excused.size && excused.start[j] <= candidate) {
            if (excused.end[j] == Days.NEVER) {
                return Days.NONE; // paused for good: nothing is due any more
            }
            candidate = Days.firstInMaskFrom(mask, excused.end[j]);
            while (j < excused.size && excused.end[j] <= candidate) {
                j++;
            }
        }
        return candidate;
    }

    // ---------------------------------------------------------------- per week

    private static StreakState weeks(HabitHistory history, int target, int doneCount, int skippedCount,
                                     int lastDone, int excusedThrough) {
        int anchor = Days.weekAnchor(history.firstDayOfWeek());
        int[] done = history.done;
        int[] pauseStart = history.pauseStart;
        int[] pauseEnd = history.pauseEnd;
        int pauses = pauseStart.length;
        int[] skips = activeSkips(history, skippedCount);
        Intervals excused = excusedWeeks(pauseStart, pauseEnd, skips, target, anchor);

        int run = 0;
        int runStart = Days.NONE;
        int lastMet = Days.NONE;
        int previousRun = 0;
        int previousEnd = Days.NONE;
        int longest = 0;
        int pauseCursor = 0;
        int skipCursor = 0;
        int excusedCursor = 0;
        int week = Days.NONE;
        int weekEnd = Days.NONE; // first day after the current week: no division per entry
        int count = 0;
        boolean met = false;
        for (int i = 0; i <= doneCount; i++) {
            int day = Days.NONE;
            if (i < doneCount) {
                day = done[i];
                while (pauseCursor < pauses && pauseEnd[pauseCursor] <= day) {
                    pauseCursor++;
                }
                if (pauseCursor < pauses && pauseStart[pauseCursor] <= day) {
                    continue; // a paused day: counts in the total only
                }
                if (day < weekEnd) {
                    count++; // same week as the previous counted day (days are sorted)
                    continue;
                }
            }
            if (week != Days.NONE) {
                // close the previous week that had counted done days
                int weekStart = Days.weekStart(week, anchor);
                int skipped = 0;
                while (skipCursor < skips.length && skips[skipCursor] < weekStart) {
                    skipCursor++;
                }
                while (skipCursor < skips.length && skips[skipCursor] < weekStart + 7) {
                    skipped++;
                    skipCursor++;
                }
                met = count >= Math.max(1, target - skipped);
                if (met) {
                    if (run == 0) {
                        run = 1;
                        runStart = week;
                    } else {
                        int from = lastMet + 1;
                        int required = week - from;
                        while (excusedCursor < excused.size && excused.end[excusedCursor] <= from) {
                            excusedCursor++;
                        }
                        for (int j = excusedCursor; j < excused.size && excused.start[j] < week && required > 0; j++) {
                            required -= Math.min(week, excused.end[j]) - Math.max(from, excused.start[j]);
                        }
                        if (required == 0) {
                            run++;
                        } else {
                            longest = Math.max(longest, run);
                            previousRun = run;
                            previousEnd = lastMet;
                            run = 1;
                            runStart = week;
                        }
                    }
                    lastMet = week;
                }
            }
            if (i < doneCount) {
                week = Days.week(day, anchor);
                weekEnd = Days.weekStart(week + 1, anchor);
                count = 1;
            }
        }
        longest = Math.max(longest, run);
        int nextDue = Days.NONE;
        if (run > 0) {
            int candidate = lastMet + 1;
            int j = excused.firstEndingAfter(candidate);
            while (j < excused.size && excused.start[j] <= candidate) {
                if (excused.end[j] == Days.NEVER) {
                    candidate = Days.NONE;
                    break;
                }
                candidate = excused.end[j];
                j++;
            }
            nextDue = candidate == Days.NONE ? Days.NONE : Days.weekStart(candidate, anchor);
        }
        boolean unmetLast = week != Days.NONE && !met;
        return state(run, run == 0 ? Days.NONE : Days.weekStart(runStart, anchor),
                run == 0 ? Days.NONE : Days.weekStart(lastMet, anchor), nextDue, longest, doneCount, lastDone,
                previousRun, previousRun == 0 ? Days.NONE : Days.weekStart(previousEnd, anchor),
                unmetLast ? Days.weekStart(week, anchor) : Days.NONE, unmetLast ? count : 0, excusedThrough);
    }

    /** The skipped days that are not inside a pause (a skip inside a pause changes nothing). */
    static int[] activeSkips(HabitHistory history, int skippedCount) {
        if (skippedCount == 0) {
            return Days.empty();
        }
        int[] skipped = history.skipped;
        if (history.pauseStart.length == 0) {
            return skippedCount == skipped.length ? skipped : Arrays.copyOf(skipped, skippedCount);
        }
        int[] active = new int[skippedCount];
        int n = 0;
        for (int i = 0; i < skippedCount; i++) {
            if (!history.isPaused(skipped[i])) {
                active[n++] = skipped[i];
            }
        }
        return Arrays.copyOf(active, n);
    }

    /**
     * The weeks (as week indexes) that are excused: touched by a pause, or holding at least as many
     * (unpaused) skipped days as the weekly target. An excused week that is not met neither counts nor
     * breaks.
     */
    private static Intervals excusedWeeks(int[] pauseStart, int[] pauseEnd, int[] skips, int target, int anchor) {
        int[] fullWeeks = Days.empty();
        int fullCount = 0;
        for (int i = 0; i < skips.length; ) {
            int week = Days.week(skips[i], anchor);
            int n = 0;
            while (i < skips.length && Days.week(skips[i], anchor) == week) {
                n++;
                i++;
            }
            if (n >= target) {
                if (fullCount == fullWeeks.length) {
                    fullWeeks = Arrays.copyOf(fullWeeks, Math.max(4, fullCount * 2));
                }
                fullWeeks[fullCount++] = week;
            }
        }
        int[] starts = new int[pauseStart.length];
        int[] ends = new int[pauseStart.length];
        for (int i = 0; i < pauseStart.length; i++) {
            starts[i] = Days.week(pauseStart[i], anchor);
            ends[i] = pauseEnd[i] == Days.NEVER ? Days.NEVER : Days.week(pauseEnd[i] - 1, anchor) + 1;
        }
        return Intervals.merge(starts, ends, fullWeeks, fullCount);
    }

    private static StreakState state(int run, int runStart, int runEnd, int nextDue, int longest, int total,
                                     int lastDone, int previousRun, int previousEnd, int unmetWeek,
                                     int unmetWeekDone, int excusedThrough) {
        return new StreakState(run, Days.dateOrNull(runStart), Days.dateOrNull(runEnd), Days.dateOrNull(nextDue),
                longest, total, Days.dateOrNull(lastDone), previousRun, Days.dateOrNull(previousEnd),
                Days.dateOrNull(unmetWeek), unmetWeekDone, Days.dateOrNull(excusedThrough));
    }

    /** Sorted, disjoint, non-touching [start, end) intervals; end may be {@link Days#NEVER}. */
    static final class Intervals {
        private static final Intervals NONE = new Intervals(Days.empty(), Days.empty(), 0);

        final int[] start;
        final int[] end;
        final int size;

        private Intervals(int[] start, int[] end, int size) {
            this.start = start;
            this.end = end;
            this.size = size;
        }

        /**
         * Merges sorted disjoint ranges with sorted single points (each point p stands for [p, p+1)).
         * The ranges may overlap each other when they come from week conversion; they are sorted by start.
         */
        static Intervals merge(int[] rangeStart, int[] rangeEnd, int[] points, int pointCount) {
            int ranges = rangeStart.length;
            if (ranges == 0 && pointCount == 0) {
                return NONE;
            }
            int[] start = new int[ranges + pointCount];
            int[] end = new int[ranges + pointCount];
            int n = 0;
            int r = 0;
            int p = 0;
            while (r < ranges || p < pointCount) {
                int s;
                int e;
                if (p >= pointCount || (r < ranges && rangeStart[r] <= points[p])) {
                    s = rangeStart[r];
                    e = rangeEnd[r];
                    r++;
                } else {
                    s = points[p];
                    e = points[p] + 1;
                    p++;
                }
                if (n > 0 && s <= end[n - 1]) {
                    end[n - 1] = Math.max(end[n - 1], e);
                } else {
                    start[n] = s;
                    end[n] = e;
                    n++;
                }
            }
            return new Intervals(start, end, n);
        }

        /** The index of the first interval whose end is after {@code point}. */
        int firstEndingAfter(int point) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] <= point) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
