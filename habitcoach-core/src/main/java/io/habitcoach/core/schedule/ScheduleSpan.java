package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;

import java.time.LocalDate;

/**
 * One stretch of a habit's schedule history: {@code frequency} is in force from {@code from} (the
 * user's local day the change was made) until the next span's {@code from}.
 *
 * @param from      the first day (user's local date) this frequency applies to
 * @param frequency how often the habit is due from then on
 */
public record ScheduleSpan(LocalDate from, Frequency frequency) {

    public ScheduleSpan {
        InvalidInputException.requirePresent(from, "from");
        InvalidInputException.requirePresent(frequency, "frequency");
    }
}
