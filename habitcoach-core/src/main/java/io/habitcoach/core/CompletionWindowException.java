package io.habitcoach.core;

import java.time.LocalDate;

/** A date outside the completion window was completed, skipped or undone. Names the allowed range. */
public class CompletionWindowException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final LocalDate date;
    private final LocalDate earliest;
    private final LocalDate latest;

    public CompletionWindowException(LocalDate date, LocalDate earliest, LocalDate latest) {
        super("date " + date + " is outside the completion window: allowed from " + earliest + " to " + latest
                + " inclusive");
        this.date = date;
        this.earliest = earliest;
        this.latest = latest;
    }

    public LocalDate date() {
        return date;
    }

    /** The first date that is allowed. */
    public LocalDate earliest() {
        return earliest;
    }

    /** The last date that is allowed (the user's today). */
    public LocalDate latest() {
        return latest;
    }
}
