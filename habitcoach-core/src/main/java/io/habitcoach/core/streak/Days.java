package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Calendar arithmetic on epoch days (days since 1970-01-01, as ints) that the rules run on, so that
 * the hot loops compare ints instead of allocating {@link LocalDate}s. Weekday masks have bit 0 for
 * Monday through bit 6 for Sunday.
 */
final class Days {

    /** The earliest date accepted (0001-01-01): keeps every epoch day, and sums of them, inside an int. */
    static final int MIN = (int) LocalDate.of(1, 1, 1).toEpochDay();
    /** The latest date accepted (9999-12-31). */
    static final int MAX = (int) LocalDate.of(9999, 12, 31).toEpochDay();
    /** Stands for "no end" (an open pause) and "never" in searches. */
    static final int NEVER = Integer.MAX_VALUE;
    /** Stands for "none" where a day is optional. */
    static final int NONE = Integer.MIN_VALUE;
    static final int ALL_DAYS = 0x7F;

    private static final int[] EMPTY = new int[0];

    private Days() {
    }

    static int[] empty() {
        return EMPTY;
    }

    static int of(LocalDate date, String field) {
        InvalidInputException.requirePresent(date, field);
        long day = date.toEpochDay();
        if (day < MIN || day > MAX) {
            throw new InvalidInputException(field, "dates from 0001-01-01 to 9999-12-31, got " + date);
        }
        return (int) day;
    }

    static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    static LocalDate dateOrNull(int day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    static int orNone(LocalDate date) {
        return date == null ? NONE : (int) date.toEpochDay();
    }

    /** Monday = 0 ... Sunday = 6; 1970-01-01 was a Thursday. */
    static int weekday(int day) {
        return Math.floorMod(day + 3, 7);
    }

    static int weekdayBit(DayOfWeek day) {
        return 1 << (day.getValue() - 1);
    }

    /** The weekdays on which a completion counts towards the streak. Per-week habits: all of them. */
    static int mask(Frequency frequency) {
        if (frequency instanceof Frequency.SpecificDays specific) {
            int mask = 0;
            for (DayOfWeek day : specific.days()) {
                mask |= weekdayBit(day);
            }
            return mask;
        }
        return ALL_DAYS;
    }

    static boolean inMask(int mask, int day) {
        return (mask >>> weekday(day) & 1) != 0;
    }

    /** The mask re-based so that bit 0 is weekday {@code start}. */
    private static int rotate(int mask, int start) {
        return ((mask >>> start) | (mask << (7 - start))) & ALL_DAYS;
    }

    /** How many days in [from, to) fall on a weekday of the mask. O(1). */
    static int countInMask(int mask, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        int rotated = rotate(mask, weekday(from));
        return (n / 7) * Integer.bitCount(mask) + Integer.bitCount(rotated & ((1 << (n % 7)) - 1));
    }

    /** The first day on or after {@code day} whose weekday is in the (non-empty) mask. */
    static int firstInMaskFrom(int mask, int day) {
        return day + Integer.numberOfTrailingZeros(rotate(mask, weekday(day)));
    }

    /** The last day strictly before {@code day} whose weekday is in the (non-empty) mask. */
    static int lastInMaskBefore(int mask, int day) {
        int candidate = day - 1;
        while (!inMask(mask, candidate)) {
            candidate--;
        }
        return candidate;
    }

    /**
     * For each weekday w (Monday = 0), how many days after a day on weekday w the next day of the
     * (non-empty) mask comes: 1 to 7.
     */
    static int[] gapsToNext(int mask) {
        int[] gaps = new int[7];
        for (int weekday = 0; weekday < 7; weekday++) {
            gaps[weekday] = 1 + Integer.numberOfTrailingZeros(rotate(mask, (weekday + 1) % 7));
        }
        return gaps;
    }

    /** The epoch day of some week start: weeks starting on {@code firstDayOfWeek} begin on it + 7k. */
    static int weekAnchor(DayOfWeek firstDayOfWeek) {
        return Math.floorMod(firstDayOfWeek.getValue() - 1 - 3, 7);
    }

    static int week(int day, int anchor) {
        return Math.floorDiv(day - anchor, 7);
    }

    static int weekStart(int week, int anchor) {
        return anchor + 7 * week;
    }

    /** The number of elements of the sorted array that are &lt;= limit. */
    static int countUpTo(int[] sorted, int limit) {
        if (sorted.length == 0 || sorted[sorted.length - 1] <= limit) {
            return sorted.length;
        }
        int index = Arrays.binarySearch(sorted, limit);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** Whether the sorted, de-duplicated array contains the day. */
    static boolean contains(int[] sorted, int length, int day) {
        return Arrays.binarySearch(sorted, 0, length, day) >= 0;
    }
}
