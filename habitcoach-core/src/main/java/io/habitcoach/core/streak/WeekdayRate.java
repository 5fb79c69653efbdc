package io.habitcoach.core.streak;

import java.time.DayOfWeek;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one weekday went across a user's daily and specific-days habits in one week.
 *
 * @param day  the weekday
 * @param done scheduled occurrences done that day
 * @param due  scheduled occurrences that were done or missed that day (skipped, paused and open ones
 *             are not due)
 */
public record WeekdayRate(DayOfWeek day, int done, int due) {

    public WeekdayRate {
        Objects.requireNonNull(day, "day");
        if (done < 0 || due < done) {
            throw new IllegalArgumentException("need 0 <= done <= due, got done=" + done + ", due=" + due);
        }
    }

    /** done / due, empty when nothing was due. */
    public OptionalDouble rate() {
        return due == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / due);
    }
}
