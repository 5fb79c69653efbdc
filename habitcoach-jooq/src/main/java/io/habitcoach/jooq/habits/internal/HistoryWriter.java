package io.habitcoach.jooq.habits.internal;

import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Carries out {@link NeedsHistory}, inside the transaction that locked the habit
 * ({@link CompletionSnapshot} read {@code FOR NO KEY UPDATE}): writes the day as done, recomputes
 * the streak state from every entry and pause (healing columns that disagreed), stores it, and
 * raises the events, one statement per message.
 */
final class HistoryWriter {

    private HistoryWriter() {
    }

    /** The entry now done, and whether it already was (an idempotent repeat: nothing written). */
    record Result(HabitCompletionsRecord entry, boolean alreadyDone) {
    }

    static Result write(DSLContext tx, CoachRecorder coach, CompletionSnapshot locked, LocalDate date, String note,
            LocalDate today, String entryId, OffsetDateTime now) {
        HabitsRecord h = locked.habit();
        h.attach(tx.configuration());
        UsersRecord owner = locked.owner();
        Schedule schedule = HabitRows.schedule(h, owner.getFirstDayOfWeek());
        StreakSummary before = locked.state() != null ? locked.state().asOf(schedule, today)
                : HabitRows.summary(h, owner.getFirstDayOfWeek(), today);
        // The insert decides, not the snapshot: under the habit's lock it sees every committed entry,
        // also one written by something that does not lock the habit.
        HabitCompletionsRecord entry = tx.insertInto(HABIT_COMPLETIONS)
                .set(HABIT_COMPLETIONS.ID, entryId).set(HABIT_COMPLETIONS.USER_ID, h.getUserId())
                .set(HABIT_COMPLETIONS.HABIT_ID, h.getId()).set(HABIT_COMPLETIONS.COMPLETED_DATE, date)
                .set(HABIT_COMPLETIONS.KIND, EntryKind.DONE).set(HABIT_COMPLETIONS.NOTES, note)
                .set(HABIT_COMPLETIONS.CREATED_AT, now).set(HABIT_COMPLETIONS.UPDATED_AT, now)
                .onConflict(HABIT_COMPLETIONS.USER_ID, HABIT_COMPLETIONS.HABIT_ID, HABIT_COMPLETIONS.COMPLETED_DATE)
                .doNothing()
                .returning().fetchOne();
        if (entry == null) {
            entry = tx.selectFrom(HABIT_COMPLETIONS)
                    .where(HABIT_COMPLETIONS.HABIT_ID.eq(h.getId())).and(HABIT_COMPLETIONS.USER_ID.eq(h.getUserId()))
                    .and(HABIT_COMPLETIONS.COMPLETED_DATE.eq(date)).fetchSingle();
            if (entry.getKind() == EntryKind.DONE) {
                return new Result(entry, true);
            }
            entry.setKind(EntryKind.DONE);
            entry.setNotes(note != null ? note : entry.getNotes());
            entry.setUpdatedAt(now);
            entry.update();
        }
        StreakSummary summary = HabitRows.recompute(tx, h, owner.getFirstDayOfWeek(), today);
        StreakState after = HabitRows.state(h);
        h.setUpdatedAt(now);
        h.update();
        List<String> recent = locked.recent();
        for (CoachRecorder.Event event : CoachRecorder.completionEvents(h.getId(), h.getName(), schedule.frequency(),
                date, before, summary, after, today)) {
            String text = coach.record(tx, owner, recent, event.event(), h.getId(), null, event.key());
            recent = text == null ? recent : CoachRecorder.newestFirst(text, recent);
        }
        return new Result(entry, false);
    }
}
