package io.habitcoach.core;

import io.habitcoach.core.model.HabitStatus;

/** The habit is paused or archived, so it accepts no completion, skip or undo. */
public class HabitNotActiveException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final String habitId;
    private final HabitStatus status;

    public HabitNotActiveException(String habitId, HabitStatus status) {
        super("habit " + habitId + " is " + status.code() + ": only an active habit accepts completions");
        this.habitId = habitId;
        this.status = status;
    }

    public String habitId() {
        return habitId;
    }

    public HabitStatus status() {
        return status;
    }
}
