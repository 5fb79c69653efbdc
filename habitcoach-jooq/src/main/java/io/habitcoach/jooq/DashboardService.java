package io.habitcoach.jooq;

import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_SUBTASKS;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.selectFrom;

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
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.GoalSubtasksRecord;
import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * The reads a home screen makes on every visit, each one SQL statement (one round trip), however
 * many habits and goals the user has. Obtain it from {@link HabitCoach#dashboards()}.
 */
public final class DashboardService {

    private final Context ctx;

    DashboardService(Context ctx) {
        this.ctx = ctx;
    }

    /** The user's "today" computed by PostgreSQL from the injected clock's instant, their zone and day start. */
    private static Field<LocalDate> userToday(OffsetDateTime now) {
        return DSL.field("((({0} at time zone {1}) - {2}::interval)::date)", LocalDate.class,
                DSL.val(now), USERS.TIMEZONE, USERS.DAY_START);
    }

    /** The user, their active habits with the last seven days of entries, and active goals with pending subtasks. */
    public Dashboard dashboard(String userId) {
        Field<LocalDate> today = userToday(ctx.now());
        Field<Result<HabitCompletionsRecord>> lastWeek = multiset(selectFrom(HABIT_COMPLETIONS)
                .where(HABIT_COMPLETIONS.HABIT_ID.eq(HABITS.ID)).and(HABIT_COMPLETIONS.USER_ID.eq(HABITS.USER_ID))
                .and(HABIT_COMPLETIONS.COMPLETED_DATE.between(today.minus(6), today))
                .orderBy(HABIT_COMPLETIONS.COMPLETED_DATE))
                .as("entries").convertFrom(r -> r.into(HABIT_COMPLETIONS));
        var habits = multiset(DSL.select(Columns.of(HABITS.fields(), lastWeek)).from(HABITS)
                .where(HABITS.USER_ID.eq(USERS.ID)).and(HABITS.STATUS.eq(HabitStatus.ACTIVE))
                .orderBy(HABITS.CREATED_AT, HABITS.ID)).as("habits");
        Field<Result<GoalSubtasksRecord>> pending = multiset(selectFrom(GOAL_SUBTASKS)
                .where(GOAL_SUBTASKS.GOAL_ID.eq(GOALS.ID)).and(GOAL_SUBTASKS.USER_ID.eq(GOALS.USER_ID))
                .and(GOAL_SUBTASKS.STATUS.eq(SubtaskStatus.PENDING))
                .orderBy(GOAL_SUBTASKS.ORDER, GOAL_SUBTASKS.ID))
                .as("subtasks").convertFrom(r -> r.into(GOAL_SUBTASKS));
        var goals = multiset(DSL.select(Columns.of(GOALS.fields(), pending)).from(GOALS)
                .where(GOALS.USER_ID.eq(USERS.ID)).and(GOALS.STATUS.eq(GoalStatus.ACTIVE))
                .orderBy(GOALS.CREATED_AT, GOALS.ID)).as("goals");
        return ctx.db().read(dsl -> {
            Record row = dsl.select(Columns.of(USERS.fields(), habits, goals))
                    .from(USERS)
                    .where(USERS.ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                    .fetchOne();
            if (row == null) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            UsersRecord user = row.into(USERS);
            LocalDate day = Days.today(ctx.clock(), user);
            List<Dashboard.HabitCard> cards = new ArrayList<>();
            for (Record r : row.get(habits)) {
                HabitsRecord h = r.into(HABITS);
                var streak = HabitRows.state(h).asOf(HabitRows.schedule(h, user.getFirstDayOfWeek()), day);
                List<Completion> entries = r.get(lastWeek).map(HabitService::toCompletion);
                cards.add(new Dashboard.HabitCard(HabitRows.toHabit(h, streak, Double.NaN), entries));
            }
            List<Goal> activeGoals = new ArrayList<>();
            for (Record r : row.get(goals)) {
                GoalsRecord g = r.into(GOALS);
                List<Subtask> steps = r.get(pending).map(GoalService::toSubtask);
                activeGoals.add(new Goal(g.getId(), g.getTitle(), g.getDescription(), g.getCategory(),
                        g.getStartDate(), g.getDeadline(), g.getTotalSubtasks(), g.getCompletedSubtasks(),
                        g.getStatus(), g.getCompletedAt(), g.getCreatedAt(), g.getUpdatedAt(), steps));
            }
            return new Dashboard(UserRows.toUser(user), day, cards, activeGoals);
        });
    }

    /** Done and skipped days of each active or paused habit in the user's current calendar week so far. */
    public WeeklySummary weeklySummary(String userId) {
        Field<LocalDate> today = userToday(ctx.now());
        // first day of the user's week: today minus the days since their first day of week
        Field<LocalDate> weekStart = DSL.field("({0} - ((extract(isodow from {0})::int - {1} + 7) % 7))",
                LocalDate.class, today, USERS.FIRST_DAY_OF_WEEK.coerce(Short.class));
        var done = DSL.count(HABIT_COMPLETIONS.ID).filterWhere(HABIT_COMPLETIONS.KIND.eq(EntryKind.DONE));
        var skipped = DSL.count(HABIT_COMPLETIONS.ID).filterWhere(HABIT_COMPLETIONS.KIND.eq(EntryKind.SKIPPED));
        return ctx.db().read(dsl -> {
            // FROM users LEFT JOIN habits: a user without habits still yields a row, so one
            // statement tells "no habits" from "no such user".
            Result<Record> rows = dsl.select(Columns.of(USERS.fields(), HABITS.ID, HABITS.NAME, done.as("done"),
                            skipped.as("skipped")))
                    .from(USERS)
                    .leftJoin(HABITS).on(HABITS.USER_ID.eq(USERS.ID)).and(HABITS.STATUS.ne(HabitStatus.ARCHIVED))
                    .leftJoin(HABIT_COMPLETIONS).on(HABIT_COMPLETIONS.HABIT_ID.eq(HABITS.ID))
                    .and(HABIT_COMPLETIONS.USER_ID.eq(HABITS.USER_ID))
                    .and(HABIT_COMPLETIONS.COMPLETED_DATE.between(weekStart, today))
                    .where(USERS.ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                    .groupBy(USERS.ID, HABITS.ID)
                    .orderBy(HABITS.CREATED_AT, HABITS.ID)
                    .fetch();
            if (rows.isEmpty()) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            UsersRecord user = rows.get(0).into(USERS);
            LocalDate day = Days.today(ctx.clock(), user);
            List<WeeklySummary.HabitWeek> weeks = new ArrayList<>();
            for (Record r : rows) {
                if (r.get(HABITS.ID) != null) {
                    weeks.add(new WeeklySummary.HabitWeek(r.get(HABITS.ID), r.get(HABITS.NAME),
                            r.get("done", Integer.class), r.get("skipped", Integer.class)));
                }
            }
            return new WeeklySummary(CalendarWeek.containing(day, user.getFirstDayOfWeek()).start(), day, weeks);
        });
    }
}
