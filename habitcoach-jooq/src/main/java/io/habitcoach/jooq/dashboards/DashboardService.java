package io.habitcoach.jooq.dashboards;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.goals.GoalService;
import io.habitcoach.jooq.goals.Subtask;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.habits.HabitService;

import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_SUBTASKS;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.jooq.internal.Columns;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.internal.JsonRows;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.GoalSubtasksRecord;
import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import io.habitcoach.core.schedule.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import io.habitcoach.core.streak.HabitCalendar;
import io.habitcoach.jooq.habits.internal.HabitPictures;
import java.util.Map;

/**
 * The reads a home screen makes on every visit, each one SQL statement (one round trip), however
 * many habits and goals the user has. Obtain it from {@link HabitCoach#dashboards()}.
 */
public final class DashboardService {

    private final Context ctx;
    private final HabitPictures pictures;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public DashboardService(Context ctx) {
        this.ctx = ctx;
        this.pictures = HabitPictures.create(ctx);
    }

    // What the dashboard's objects show, and no more: an unused column (a search document, above
    // all) would be encoded on the server and decoded on the client for nothing.
    private static final List<Field<?>> HABIT_FIELDS = List.of(HABITS.ID, HABITS.NAME, HABITS.DESCRIPTION,
            HABITS.FREQUENCY, HABITS.SPECIFIC_DAYS, HABITS.TIMES_PER_WEEK, HABITS.PREFERRED_TIME,
            HABITS.REMINDER_ENABLED, HABITS.STATUS, HABITS.CREATED_AT, HABITS.UPDATED_AT, HABITS.COMPLETED_LAST_AT,
            HABITS.LONGEST_STREAK, HABITS.TOTAL_COMPLETED, HABITS.STREAK_RUN_LENGTH, HABITS.STREAK_RUN_START,
            HABITS.STREAK_RUN_END, HABITS.STREAK_NEXT_DUE, HABITS.STREAK_PREVIOUS_RUN_LENGTH,
            HABITS.STREAK_PREVIOUS_RUN_END, HABITS.STREAK_LAST_UNMET_WEEK, HABITS.STREAK_LAST_UNMET_WEEK_DONE,
            HABITS.STREAK_EXCUSED_THROUGH);
    private static final List<Field<?>> ENTRY_FIELDS = List.of(HABIT_COMPLETIONS.ID, HABIT_COMPLETIONS.HABIT_ID,
            HABIT_COMPLETIONS.COMPLETED_DATE, HABIT_COMPLETIONS.KIND, HABIT_COMPLETIONS.NOTES,
            HABIT_COMPLETIONS.CREATED_AT);
    private static final List<Field<?>> GOAL_FIELDS = List.of(GOALS.ID, GOALS.TITLE, GOALS.DESCRIPTION,
            GOALS.CATEGORY, GOALS.START_DATE, GOALS.DEADLINE, GOALS.TOTAL_SUBTASKS, GOALS.COMPLETED_SUBTASKS,
            GOALS.STATUS, GOALS.COMPLETED_AT, GOALS.CREATED_AT, GOALS.UPDATED_AT);
    private static final List<Field<?>> SUBTASK_FIELDS = List.of(GOAL_SUBTASKS.ID, GOAL_SUBTASKS.GOAL_ID,
            GOAL_SUBTASKS.TITLE, GOAL_SUBTASKS.DESCRIPTION, GOAL_SUBTASKS.ESTIMATED_DAYS,
            GOAL_SUBTASKS.SUCCESS_CRITERIA, GOAL_SUBTASKS.ORDER, GOAL_SUBTASKS.STATUS, GOAL_SUBTASKS.COMPLETED_AT);

    private static final Field<String> HABITS_JSON = DSL.field(DSL.name("habits"), String.class);
    private static final Field<String> GOALS_JSON = DSL.field(DSL.name("goals"), String.class);
    private static final Field<?>[] DASHBOARD_FIELDS = Stream.concat(Arrays.stream(USERS.fields()),
            Stream.of(HABITS_JSON, GOALS_JSON)).toArray(Field<?>[]::new);

    /**
     * The dashboard in one statement of fixed text (nothing rendered per call): the user's row, and
     * the habits (each with its entries of the days that can be the last seven of any user's today,
     * {0} to {2}: the user's own today is known from their row only afterwards) and goals (each with
     * its pending subtasks) as nested JSON arrays that {@link JsonRows} reads. The bounds are
     * subqueries, not bare values: with values the server plans the statement anew at each call to
     * prune habit_completions' partitions by them (measured: p50 0.9 instead of 0.6 ms); subqueries are
     * pruned at run time by a plan made once.
     */
    private static final String DASHBOARD_SQL = """
            SELECT %s,
              (SELECT json_agg(%s ORDER BY h.created_at, h.id) FROM habits h
                WHERE h.user_id = {1} AND h.status = '%s') AS habits,
              (SELECT json_agg(%s ORDER BY g.created_at, g.id) FROM goals g
                WHERE g.user_id = {1} AND g.status = '%s') AS goals
            FROM users u
            WHERE u.id = {1} AND u.deleted_at IS NULL""".formatted(
            String.join(", ", Arrays.stream(USERS.fields()).map(f -> "u.\"" + f.getName() + "\"").toList()),
            JsonRows.buildArray("h", HABIT_FIELDS, """
                    (SELECT json_agg(%s ORDER BY c.completed_date) FROM habit_completions c
                      WHERE c.habit_id = h.id AND c.user_id = {1}
                      AND c.completed_date BETWEEN (SELECT CAST({0} AS date)) AND (SELECT CAST({2} AS date)))"""
                    .formatted(JsonRows.buildArray("c", ENTRY_FIELDS))),
            HabitStatus.ACTIVE.code(),
            JsonRows.buildArray("g", GOAL_FIELDS, """
                    (SELECT json_agg(%s ORDER BY s."order", s.id) FROM goal_subtasks s
                      WHERE s.goal_id = g.id AND s.user_id = {1} AND s.status = '%s')"""
                    .formatted(JsonRows.buildArray("s", SUBTASK_FIELDS), SubtaskStatus.PENDING.code())),
            GoalStatus.ACTIVE.code());

    /**
     * The last {@code days} days (1 to 31; 7 or 30 for a home screen chart), ending today, of each of
     * the user's active habits, keyed by habit id in creation order: the day states of
     * {@link io.habitcoach.jooq.habits.HabitService#calendar}, for all habits in one statement.
     */
    public Map<String, HabitCalendar> recentDays(String userId, int days) {
        return pictures.recentDays(userId, days);
    }

    /** The user, their active habits with the last seven days of entries, and active goals with pending subtasks. */
    public Dashboard dashboard(String userId) {
        // the user's id as {1} in every table's filter: on Citus one shard answers (docs/scale-out.md)
        Instant now = ctx.clock().instant();
        Record row = ctx.db().replica(userId, dsl -> dsl.resultQuery(DASHBOARD_SQL,
                DSL.val(UserDay.earliestDateOf(now).minusDays(6)), DSL.val(Objects.requireNonNullElse(userId, "")),
                DSL.val(UserDay.latestDateOf(now))).coerce(DASHBOARD_FIELDS).fetchOne());
        if (row == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        UsersRecord user = row.into(USERS);
        LocalDate day = Days.userDay(user).dateOf(now);
        JsonRows.RowReader<Completion> entry = JsonRows.fieldsOnly(HabitCompletionsRecord::new, ENTRY_FIELDS,
                HabitRows::toCompletion);
        List<Dashboard.HabitCard> cards = JsonRows.readRows(row.get(HABITS_JSON),
                JsonRows.withNested(HabitsRecord::new, HABIT_FIELDS, entry, (h, entries) -> {
                    var streak = HabitRows.summary(h, user.getFirstDayOfWeek(), day);
                    return new Dashboard.HabitCard(HabitRows.toHabit(h, streak, Double.NaN), entries.stream()
                            .filter(e -> !e.date().isBefore(day.minusDays(6)) && !e.date().isAfter(day)).toList());
                }));
        JsonRows.RowReader<Subtask> subtask = JsonRows.fieldsOnly(GoalSubtasksRecord::new, SUBTASK_FIELDS,
                GoalService::toSubtask);
        List<Goal> goals = JsonRows.readRows(row.get(GOALS_JSON),
                JsonRows.withNested(GoalsRecord::new, GOAL_FIELDS, subtask, (g, steps) -> new Goal(g.getId(),
                        g.getTitle(), g.getDescription(), g.getCategory(), g.getStartDate(), g.getDeadline(),
                        g.getTotalSubtasks(), g.getCompletedSubtasks(), g.getStatus(), g.getCompletedAt(),
                        g.getCreatedAt(), g.getUpdatedAt(), steps)));
        return new Dashboard(UserRows.toUser(user), day, cards, goals);
    }

    /** Done and skipped days of each active or paused habit in the user's current calendar week so far. */
    public WeeklySummary weeklySummary(String userId) {
        Instant now = ctx.clock().instant();
        return ctx.db().replica(userId, dsl -> {
            // FROM users LEFT JOIN habits: a user without habits still yields a row, so one
            // statement tells "no habits" from "no such user". The entries of the days that can be in
            // any user's current week so far: the user's own week is known from their row afterwards.
            Result<Record> rows = dsl.select(Columns.of(USERS.fields(), HABITS.ID, HABITS.NAME,
                            HABIT_COMPLETIONS.COMPLETED_DATE, HABIT_COMPLETIONS.KIND))
                    .from(USERS)
                    .leftJoin(HABITS).on(HABITS.USER_ID.eq(USERS.ID)).and(HABITS.STATUS.ne(HabitStatus.ARCHIVED))
                    .leftJoin(HABIT_COMPLETIONS).on(HABIT_COMPLETIONS.HABIT_ID.eq(HABITS.ID))
                    .and(HABIT_COMPLETIONS.USER_ID.eq(HABITS.USER_ID))
                    .and(HABIT_COMPLETIONS.COMPLETED_DATE.between(UserDay.earliestDateOf(now).minusDays(6),
                            UserDay.latestDateOf(now)))
                    .where(USERS.ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                    .orderBy(HABITS.CREATED_AT, HABITS.ID)
                    .fetch();
            if (rows.isEmpty()) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            UsersRecord user = rows.get(0).into(USERS);
            LocalDate day = Days.userDay(user).dateOf(now);
            LocalDate weekStart = CalendarWeek.containing(day, user.getFirstDayOfWeek()).start();
            Map<String, int[]> counts = new LinkedHashMap<>();   // done, skipped per habit, in creation order
            Map<String, String> names = new LinkedHashMap<>();
            for (Record r : rows) {
                String habitId = r.get(HABITS.ID);
                if (habitId == null) {
                    continue;
                }
                names.put(habitId, r.get(HABITS.NAME));
                int[] count = counts.computeIfAbsent(habitId, id -> new int[2]);
                LocalDate date = r.get(HABIT_COMPLETIONS.COMPLETED_DATE);
                if (date != null && !date.isBefore(weekStart) && !date.isAfter(day)) {
                    count[r.get(HABIT_COMPLETIONS.KIND) == EntryKind.DONE ? 0 : 1]++;
                }
            }
            List<WeeklySummary.HabitWeek> weeks = new ArrayList<>();
            counts.forEach((id, count) -> weeks.add(new WeeklySummary.HabitWeek(id, names.get(id), count[0], count[1])));
            return new WeeklySummary(weekStart, day, weeks);
        });
    }
}
