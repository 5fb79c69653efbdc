package io.habitcoach.jooq.habits.internal;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.CompletionWindow;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import java.time.LocalDate;

/**
 * What completing a day calls for, decided from a {@link CompletionSnapshot} by the rules of core
 * alone ({@link #of}: no I/O). Each outcome has exactly one way to be carried out: {@link Append},
 * {@link AlreadyDone}, {@link NeedsHistory}, {@link Refused} (each in its own file, package-private: a
 * record nested in an interface would be public, and so would its constructor).
 */
sealed interface CompletionPlan permits Append, AlreadyDone, NeedsHistory, Refused {

    /** The plan for completing {@code date} of the snapshot's habit on the owner's {@code today}. */
    static CompletionPlan of(CompletionSnapshot snapshot, LocalDate date, LocalDate today) {
        try {
            CompletionWindow.standard().check(date, today);
        } catch (CompletionWindowException outside) {
            return new Refused(outside);
        }
        HabitStatus status = snapshot.habit().getStatus();
        if (status != HabitStatus.ACTIVE) {
            return new Refused(new HabitNotActiveException(snapshot.habitId(), status));
        }
        HabitCompletionsRecord entry = snapshot.entry();
        if (entry != null) {
            return entry.getKind() == EntryKind.DONE ? new AlreadyDone(entry)
                    : new NeedsHistory("the day was skipped");
        }
        StreakState state = snapshot.state();
        if (state == null) {
            return new NeedsHistory("the streak columns disagree");
        }
        LocalDate scheduleFrom = snapshot.habit().getScheduleFrom();
        if (scheduleFrom != null && date.isBefore(scheduleFrom)) {
            return new NeedsHistory("the day is before the current schedule");
        }
        Schedule schedule = HabitRows.schedule(snapshot.habit(), snapshot.owner().getFirstDayOfWeek());
        StreakState after = Streaks.addDone(state, schedule, date).orElse(null);
        if (after == null) {
            return new NeedsHistory("the day does not extend the stored run");
        }
        StreakSummary before = state.asOf(schedule, today);
        StreakSummary summary = after.asOf(schedule, today);
        return new Append(after, before, summary, CoachRecorder.completionEvents(snapshot.habitId(),
                snapshot.habit().getName(), schedule.frequency(), date, before, summary, after, today));
    }
}
