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
import io.habitcoach.core.HabitCoachException;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * What completing a day calls for, decided from a {@link CompletionSnapshot} by the rules of core
 * alone ({@link #of}: no I/O). Each outcome has exactly one way to be carried out.
 */
sealed interface CompletionPlan {

    /**
     * The day extends the stored streak state: the new state, the streak as of today before and
     * after, and the events to raise. Written by {@link AppendWriter} in one statement.
     */
    record Append(StreakState after, StreakSummary before, StreakSummary summary, List<CoachRecorder.Event> events)
            implements CompletionPlan {
    }

    /** The day is already done: the entry is the answer, nothing is written, no event raised. */
    record AlreadyDone(HabitCompletionsRecord entry) implements CompletionPlan {
    }

    /**
     * The stored state cannot simply be extended (a day before the stored run, a skipped day made
     * done, columns that disagree, a day before the current schedule): {@link HistoryWriter}
     * recomputes from every entry, under the habit's lock.
     */
    record NeedsHistory(String why) implements CompletionPlan {
    }

    /** The rules refuse the day (outside the window, the habit not active): the exception to throw. */
    record Refused(HabitCoachException reason) implements CompletionPlan {
    }

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
