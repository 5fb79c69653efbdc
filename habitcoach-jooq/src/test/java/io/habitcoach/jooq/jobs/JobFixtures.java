package io.habitcoach.jooq.jobs;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.PauseRange;
import io.habitcoach.core.streak.WeeklyReport;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.jobs.internal.WeeklyAnalysisJob;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Test data for the coach jobs: histories written straight into the tables, caches recomputed by core. */
final class JobFixtures {

    private JobFixtures() {
    }

    /**
     * Writes the entries and pauses of a habit (which has none yet), then stores its caches as a full
     * recomputation gives them, and its status ({@code paused} when a pause is still open).
     */
    static void history(DSLContext dsl, String habitId, Collection<LocalDate> done, Collection<LocalDate> skipped,
            Collection<PauseRange> pauses, LocalDate today) {
        HabitsRecord h = dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId));
        UsersRecord user = dsl.fetchSingle(USERS, USERS.ID.eq(h.getUserId()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Query> inserts = new ArrayList<>();
        for (LocalDate d : done) {
            inserts.add(dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.ID, UUID.randomUUID().toString())
                    .set(HABIT_COMPLETIONS.USER_ID, h.getUserId()).set(HABIT_COMPLETIONS.HABIT_ID, habitId)
                    .set(HABIT_COMPLETIONS.COMPLETED_DATE, d).set(HABIT_COMPLETIONS.KIND, EntryKind.DONE)
                    .set(HABIT_COMPLETIONS.CREATED_AT, now).set(HABIT_COMPLETIONS.UPDATED_AT, now));
        }
        for (LocalDate d : skipped) {
            inserts.add(dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.ID, UUID.randomUUID().toString())
                    .set(HABIT_COMPLETIONS.USER_ID, h.getUserId()).set(HABIT_COMPLETIONS.HABIT_ID, habitId)
                    .set(HABIT_COMPLETIONS.COMPLETED_DATE, d).set(HABIT_COMPLETIONS.KIND, EntryKind.SKIPPED)
                    .set(HABIT_COMPLETIONS.CREATED_AT, now).set(HABIT_COMPLETIONS.UPDATED_AT, now));
        }
        boolean open = false;
        for (PauseRange p : pauses) {
            open |= p.isOpen();
            inserts.add(dsl.insertInto(HABIT_PAUSES).set(HABIT_PAUSES.ID, UUID.randomUUID().toString())
                    .set(HABIT_PAUSES.USER_ID, h.getUserId()).set(HABIT_PAUSES.HABIT_ID, habitId)
                    .set(HABIT_PAUSES.PAUSED_FROM, p.start()).set(HABIT_PAUSES.RESUMED_ON, p.end())
                    .set(HABIT_PAUSES.CREATED_AT, now));
        }
        if (!inserts.isEmpty()) {
            dsl.batch(inserts).execute();
        }
        if (open && h.getStatus() == HabitStatus.ACTIVE) {
            h.setStatus(HabitStatus.PAUSED);
        }
        HabitRows.recompute(dsl, h, user.getFirstDayOfWeek(), today);
        h.update();
    }

    /**
     * What core says about the user's latest closed week at {@code asOf}, from the whole history in the
     * tables: the reports of the habits (not archived, created before the week closed, in display
     * order), turned into the coach event by the documented mapping; null when no habit is part of the
     * week (then no analysis is due).
     */
    static io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis expectedWeek(DSLContext dsl, String userId,
            Instant asOf) {
        UsersRecord user = dsl.fetchSingle(USERS, USERS.ID.eq(userId));
        UserDay userDay = Days.userDay(user);
        LocalDate today = userDay.dateOf(asOf);
        CalendarWeek week = CalendarWeek.containing(today, user.getFirstDayOfWeek()).previous();
        Instant closed = userDay.startOf(week.end().plusDays(1));
        List<String> names = new ArrayList<>();
        List<WeeklyReport> reports = new ArrayList<>();
        for (HabitsRecord h : dsl.selectFrom(HABITS).where(HABITS.USER_ID.eq(userId))
                .and(HABITS.STATUS.ne(HabitStatus.ARCHIVED)).orderBy(HABITS.CREATED_AT, HABITS.ID).fetch()) {
            if (!h.getCreatedAt().toInstant().isBefore(closed)) {
                continue;
            }
            HabitHistory full = HabitRows.history(dsl, h, user.getFirstDayOfWeek());
            HabitHistory withStart = full.toBuilder().startDate(userDay.dateOf(h.getCreatedAt().toInstant())).build();
            names.add(h.getName());
            reports.add(WeeklyReport.of(withStart, week, today));
        }
        return reports.isEmpty() ? null : WeeklyAnalysisJob.analysis(week, names, reports);
    }
}
