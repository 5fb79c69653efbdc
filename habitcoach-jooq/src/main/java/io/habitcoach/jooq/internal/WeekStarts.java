package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.schedule.WeekStartHistory;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The user's first days of the week over time ({@code users.first_day_of_week} now, and
 * {@code users.first_day_of_week_history} before), so that a change never re-buckets past weeks
 * (docs/rules.md, "Changing the first day of the week").
 */
public final class WeekStarts {

    private WeekStarts() {
    }

    /** The history from the column's text ({@code 1<2026-03-09,...}; null: never changed) and the current day. */
    public static WeekStartHistory decode(DayOfWeek current, String history) {
        if (history == null || history.isEmpty()) {
            return WeekStartHistory.of(current);
        }
        String[] entries = history.split(",");
        List<WeekStartHistory.Start> starts = new ArrayList<>(entries.length + 1);
        LocalDate from = ScheduleHistory.ALWAYS;
        for (String entry : entries) {
            int lt = entry.indexOf('<');
            starts.add(new WeekStartHistory.Start(from, DayOfWeek.of(Integer.parseInt(entry.substring(0, lt)))));
            from = LocalDate.parse(entry.substring(lt + 1));
        }
        starts.add(new WeekStartHistory.Start(from, current));
        return new WeekStartHistory(starts);
    }

    /** The column's text for {@code history} (null when it never changed). */
    public static String encode(WeekStartHistory history) {
        if (history.isUniform()) {
            return null;
        }
        List<WeekStartHistory.Start> starts = history.starts();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < starts.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(starts.get(i).firstDayOfWeek().getValue()).append('<').append(starts.get(i + 1).from());
        }
        return text.toString();
    }

    /** The user's history (one query); {@code current} is their {@code first_day_of_week} as the caller read it. */
    public static WeekStartHistory of(DSLContext dsl, String userId, DayOfWeek current) {
        String history = dsl.select(USERS.FIRST_DAY_OF_WEEK_HISTORY).from(USERS).where(USERS.ID.eq(userId))
                .fetchOne(USERS.FIRST_DAY_OF_WEEK_HISTORY);
        return decode(current, history);
    }

    /**
     * The first days of the week the habit's streak is judged by: the owner's history when it matters
     * to the habit ({@link #matters}; one query), else {@code current} alone (no query). What a job that
     * builds its own {@code HabitHistory} passes to {@code HabitHistory.Builder.weekStarts}.
     */
    public static WeekStartHistory forHabit(DSLContext dsl, HabitsRecord h, DayOfWeek current) {
        return matters(h) ? of(dsl, h.getUserId(), current) : WeekStartHistory.of(current);
    }

    /**
     * The streak state a new habit starts with, as a full recomputation of its (empty) history has it:
     * {@link StreakState#EMPTY}, except for a per-week habit of a user who changed their first day of
     * the week, whose {@code excusedThrough} is the day before the change took effect (so that a
     * back-filled completion of an earlier week falls back to the full recomputation, which buckets it
     * by the old weeks). For {@code HabitService.create}: {@code HabitRows.setState(h, initialState(..),
     * StreakSummary.NONE)} before the insert.
     */
    public static StreakState initialState(DSLContext dsl, HabitsRecord h, DayOfWeek current) {
        if (!matters(h)) {
            return StreakState.EMPTY;
        }
        WeekStartHistory weeks = of(dsl, h.getUserId(), current);
        return weeks.isUniform() ? StreakState.EMPTY
                : Streaks.state(HabitHistory.builder(HabitRows.schedule(h, current)).weekStarts(weeks).build());
    }

    /**
     * Whether the habit's streak depends on the first day of the week: a per-week frequency now, or a
     * frequency history (which may hold one). Day-based habits are judged the same whatever the weeks.
     */
    public static boolean matters(HabitsRecord h) {
        return h.getFrequency() == FrequencyType.PER_WEEK || h.getScheduleFrom() != null;
    }

    /**
     * The column's new text when the user, on their {@code today}, sets {@code next} as their first
     * day of the week ({@code user} is the row before the change).
     */
    public static String afterChange(UsersRecord user, DayOfWeek next, LocalDate today) {
        return encode(decode(user.getFirstDayOfWeek(), user.getFirstDayOfWeekHistory()).change(today, next));
    }

    /**
     * After the user's first day of the week changed in this transaction: recomputes, under their row
     * locks, the stored streak of each of the user's habits whose streak depends on it. The lead can call
     * this from any other path that changes {@code users.first_day_of_week}.
     *
     * @return the number of habits recomputed
     */
    public static int recomputeHabits(DSLContext dsl, UsersRecord user, LocalDate today) {
        int n = 0;
        for (HabitsRecord h : dsl.selectFrom(HABITS).where(HABITS.USER_ID.eq(user.getId()))
                .and(HABITS.FREQUENCY.eq(FrequencyType.PER_WEEK).or(HABITS.SCHEDULE_FROM.isNotNull()))
                .orderBy(HABITS.ID).forNoKeyUpdate().fetch()) {
            HabitRows.recompute(dsl, h, user.getFirstDayOfWeek(), today);
            h.update();
            n++;
        }
        return n;
    }
}
