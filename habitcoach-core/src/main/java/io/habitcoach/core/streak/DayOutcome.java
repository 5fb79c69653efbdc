package io.habitcoach.core.streak;

/** What one day of a weekly report holds for a habit. */
public enum DayOutcome {
    /** Done, and the completion counts towards the schedule. */
    DONE,
    /** Done on an unscheduled weekday or a paused day: counts in the total only. */
    DONE_NOT_COUNTED,
    /** A scheduled day marked skipped (a rest day): neither counts nor breaks. */
    SKIPPED,
    /** A scheduled day that closed without a completion. */
    MISSED,
    /** A scheduled day that is today or later and not done yet. */
    OPEN,
    /** The habit was paused. */
    PAUSED,
    /** Not a scheduled weekday (daily and specific-days habits). */
    NOT_SCHEDULED,
    /** A per-week habit's day without an entry: the week, not the day, is what is scheduled. */
    NO_ENTRY,
    /** Before the habit's start date. */
    BEFORE_START
}
