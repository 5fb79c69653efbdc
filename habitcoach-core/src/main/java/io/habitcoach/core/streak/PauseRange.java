package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stretch of days during which a habit was paused: from {@code start} (inclusive) to the day it was
 * resumed, {@code end} (exclusive). A null end means the habit is still paused.
 *
 * <p>Paused days are not scheduled: they neither count towards a streak nor break one, and a done
 * entry dated inside a pause counts in the total only.
 *
 * @param start the first paused day
 * @param end   the day the habit was resumed (not paused itself), or null while still paused
 */
public record PauseRange(LocalDate start, LocalDate end) {

    public PauseRange {
        InvalidInputException.requirePresent(start, "pausedFrom");
        InvalidInputException.require(end == null || !end.isBefore(start), "resumedOn",
                "on or after the day the pause started (" + start + "), or null while still paused; got " + end);
    }

    /** A pause that has not ended. */
    public static PauseRange since(LocalDate start) {
        return new PauseRange(start, null);
    }

    /** Whether the habit is still paused. */
    public boolean isOpen() {
        return end == null;
    }

    /** Whether {@code date} is a paused day. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(start) && (end == null || date.isBefore(end));
    }
}
