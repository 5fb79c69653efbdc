package io.habitcoach.core.goal;

import io.habitcoach.core.InvalidInputException;

import java.time.LocalDate;

/**
 * A goal's start date and optional deadline; the deadline may not be before the start date.
 *
 * @param startDate the day work on the goal starts
 * @param deadline  the last day, or null for none
 */
public record GoalPeriod(LocalDate startDate, LocalDate deadline) {

    public GoalPeriod {
        InvalidInputException.requirePresent(startDate, "startDate");
        InvalidInputException.require(deadline == null || !deadline.isBefore(startDate), "deadline",
                "on or after the start date " + startDate + ", got " + deadline);
    }
}
