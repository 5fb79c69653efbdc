package io.habitcoach.jooq.goals;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.Limits;
import io.habitcoach.jooq.Page;
import io.habitcoach.jooq.PageRequest;

import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_SUBTASKS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.multiset;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.goal.SubtaskState;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.goals.internal.GoalVersions;
import io.habitcoach.jooq.internal.Columns;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Pages;
import io.habitcoach.jooq.internal.Texts;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.GoalSubtasksRecord;
import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Goals and their subtasks. Each call is one transaction that locks the goal, so concurrent
 * changes to one goal's subtasks are serialized and its counters always equal its subtasks.
 * Obtain it from {@link HabitCoach#goals()}.
 */
public final class GoalService {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5_000;
    /** What {@link io.habitcoach.core.LimitExceededException#what()} names for the subtask cap. */
    static final String SUBTASKS = "subtasks of a goal";

    private final Context ctx;
    private final CoachRecorder coach;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public GoalService(Context ctx, CoachRecorder coach) {
        this.ctx = ctx;
        this.coach = coach;
    }

    /**
     * Creates a goal (with its subtasks, if any). The start date defaults to the user's today. A user
     * who already has {@link Limits#maxGoalsPerUser} goals (archived ones count), or a goal with more
     * than {@link Limits#maxSubtasksPerGoal} subtasks, is refused with
     * {@link io.habitcoach.core.LimitExceededException} and nothing is written.
     */
    public Goal create(String userId, NewGoal newGoal) {
        InvalidInputException.requirePresent(newGoal, "newGoal");
        String title = Texts.required("title", newGoal.title(), MAX_TITLE);
        String description = Texts.optional("description", newGoal.description(), MAX_DESCRIPTION);
        GoalCategory category = InvalidInputException.requirePresent(newGoal.category(), "category");
        checkDate("startDate", newGoal.startDate());
        checkDate("deadline", newGoal.deadline());
        List<ValidSubtask> subtasks = newGoal.subtasks().stream().map(GoalService::validate).toList();
        Limits limits = ctx.settings().limits();
        if (subtasks.size() > limits.maxSubtasksPerGoal()) {
            throw new io.habitcoach.core.LimitExceededException(SUBTASKS, limits.maxSubtasksPerGoal());
        }
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            // FOR NO KEY UPDATE: concurrent creations of one user count one after the other (the cap)
            UsersRecord user = UserRows.liveForUpdate(dsl, userId);
            UserRows.requireBelow(dsl.fetchCount(GOALS, GOALS.USER_ID.eq(user.getId())), limits.maxGoalsPerUser(),
                    "goals");
            LocalDate start = newGoal.startDate() != null ? newGoal.startDate()
                    : io.habitcoach.jooq.internal.Days.today(ctx.clock(), user);
            checkDeadline(start, newGoal.deadline());
            String goalId = ctx.ids().next();
            dsl.insertInto(GOALS)
                    .set(GOALS.ID, goalId).set(GOALS.USER_ID, user.getId())
                    .set(GOALS.TITLE, title).set(GOALS.DESCRIPTION, description).set(GOALS.CATEGORY, category)
                    .set(GOALS.START_DATE, start).set(GOALS.DEADLINE, newGoal.deadline())
                    .set(GOALS.TOTAL_SUBTASKS, subtasks.size())
                    .set(GOALS.CREATED_AT, now).set(GOALS.UPDATED_AT, now)
                    .execute();
            GoalVersions.created(dsl, user.getId(), goalId, now);
            if (!subtasks.isEmpty()) {
                var insert = dsl.insertInto(GOAL_SUBTASKS, GOAL_SUBTASKS.ID, GOAL_SUBTASKS.USER_ID,
                        GOAL_SUBTASKS.GOAL_ID, GOAL_SUBTASKS.TITLE, GOAL_SUBTASKS.DESCRIPTION,
                        GOAL_SUBTASKS.ESTIMATED_DAYS, GOAL_SUBTASKS.SUCCESS_CRITERIA, GOAL_SUBTASKS.ORDER,
                        GOAL_SUBTASKS.CREATED_AT, GOAL_SUBTASKS.UPDATED_AT);
                for (int i = 0; i < subtasks.size(); i++) {
                    ValidSubtask s = subtasks.get(i);
                    insert = insert.values(ctx.ids().next(), user.getId(), goalId, s.title, s.description,
                            s.estimatedDays, s.successCriteria, i, now, now);
                }
                insert.execute();
            }
            return fetchGoal(dsl, user.getId(), goalId);
        });
    }

    /** The goal with its subtasks, or {@link NotFoundException}. */
    public Goal get(String userId, String goalId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /**
     * One page of the user's goals with the given statuses (all when none are given), in
     * {@link #list(String, GoalStatus...)}'s order (newest first: {@code created_at}, then id, both
     * descending), each with its subtasks. A keyset page: a goal created while the pages are read is
     * newer than every page, so it never repeats one. A cursor that is not this list's is
     * {@link InvalidInputException}.
     */
    public Page<Goal> list(String userId, PageRequest page, GoalStatus... statuses) {
        InvalidInputException.requirePresent(page, "page");
        InvalidInputException.requirePresent(statuses, "statuses");
        List<GoalStatus> wanted = statuses.length == 0 ? Arrays.asList(GoalStatus.values()) : Arrays.asList(statuses);
        var after = Pages.after(page, "goals", GOALS.CREATED_AT, GOALS.ID, true);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            var rows = dsl.select(Columns.of(GOALS.fields(), subtasksOf(userId, GOALS.ID)))
                    .from(GOALS)
                    .where(GOALS.USER_ID.eq(userId)).and(GOALS.STATUS.in(wanted)).and(after)
                    .orderBy(GOALS.CREATED_AT.desc(), GOALS.ID.desc())
                    .limit(Pages.fetchSize(page))
                    .fetch();
            return Pages.of(rows, page, "goals", GOALS.CREATED_AT, GOALS.ID, GoalService::toGoal);
        });
    }

    /**
     * The user's goals with the given statuses (all when none are given), newest first. Every matching
     * goal, so at most {@link Limits#maxGoalsPerUser} (200 by default);
     * {@link #list(String, PageRequest, GoalStatus...)} reads them a page at a time.
     */
    public List<Goal> list(String userId, GoalStatus... statuses) {
        InvalidInputException.requirePresent(statuses, "statuses");
        List<GoalStatus> wanted = statuses.length == 0 ? Arrays.asList(GoalStatus.values()) : Arrays.asList(statuses);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            return dsl.select(Columns.of(GOALS.fields(), subtasksOf(userId, GOALS.ID)))
                    .from(GOALS)
                    .where(GOALS.USER_ID.eq(userId)).and(GOALS.STATUS.in(wanted))
                    .orderBy(GOALS.CREATED_AT.desc(), GOALS.ID.desc())
                    .fetch(GoalService::toGoal);
        });
    }

    /** Changes the goal's fields; the deadline may not be before the start date. */
    public Goal update(String userId, String goalId, GoalUpdate update) {
        InvalidInputException.requirePresent(update, "update");
        String title = update.title() == null ? null : Texts.required("title", update.title(), MAX_TITLE);
        String description = update.description() == null ? null
                : Texts.optional("description", update.description(), MAX_DESCRIPTION);
        checkDate("startDate", update.startDate());
        checkDate("deadline", update.deadline());
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            GoalsRecord goal = lockGoal(dsl, userId, goalId);
            LocalDate start = update.startDate() != null ? update.startDate() : goal.getStartDate();
            LocalDate deadline = update.clearDeadline() ? null
                    : update.deadline() != null ? update.deadline() : goal.getDeadline();
            checkDeadline(start, deadline);
            if (title != null) {
                goal.setTitle(title);
            }
            if (update.description() != null) {
                goal.setDescription(description);
            }
            if (update.category() != null) {
                goal.setCategory(update.category());
            }
            goal.setStartDate(start);
            goal.setDeadline(deadline);
            goal.setUpdatedAt(ctx.now());
            goal.update();
            GoalVersions.record(dsl, goal, goal.getUpdatedAt());
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /**
     * The goal's versions, oldest first: one per change of its title, description, category, dates or
     * status, each valid from its change until the next ({@code validTo} null for the current one).
     */
    public List<GoalVersion> versions(String userId, String goalId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            fetchGoal(dsl, userId, goalId); // NotFoundException for a goal that is not the user's
            return GoalVersions.all(dsl, userId, goalId);
        });
    }

    /** The goal as it was at {@code at}; empty before it was created. */
    public java.util.Optional<GoalVersion> asOf(String userId, String goalId, java.time.Instant at) {
        InvalidInputException.requirePresent(at, "at");
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            fetchGoal(dsl, userId, goalId);
            return java.util.Optional.ofNullable(GoalVersions.asOf(dsl, userId, goalId,
                    at.atOffset(java.time.ZoneOffset.UTC)));
        });
    }

    /** Archives the goal: it keeps its subtasks and leaves the dashboard. */
    public Goal archive(String userId, String goalId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            GoalsRecord goal = lockGoal(dsl, userId, goalId);
            goal.setStatus(GoalStatus.ARCHIVED);
            goal.setUpdatedAt(ctx.now());
            goal.update();
            GoalVersions.record(dsl, goal, goal.getUpdatedAt());
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /**
     * Adds a subtask at the end. A completed goal that gets a new open subtask is active again. A goal
     * that already has {@link Limits#maxSubtasksPerGoal} subtasks refuses it with
     * {@link io.habitcoach.core.LimitExceededException}.
     */
    public Goal addSubtask(String userId, String goalId, NewSubtask newSubtask) {
        ValidSubtask subtask = validate(InvalidInputException.requirePresent(newSubtask, "newSubtask"));
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UsersRecord user = UserRows.liveForShare(dsl, userId);
            GoalsRecord goal = lockGoal(dsl, userId, goalId);
            // under the goal's row lock: concurrent additions to one goal count one after the other
            Record existing = dsl.select(DSL.max(GOAL_SUBTASKS.ORDER), count()).from(GOAL_SUBTASKS)
                    .where(GOAL_SUBTASKS.GOAL_ID.eq(goalId)).and(GOAL_SUBTASKS.USER_ID.eq(userId))
                    .fetchSingle();
            UserRows.requireBelow(existing.get(1, Integer.class), ctx.settings().limits().maxSubtasksPerGoal(), SUBTASKS);
            Integer last = existing.get(0, Integer.class);
            dsl.insertInto(GOAL_SUBTASKS)
                    .set(GOAL_SUBTASKS.ID, ctx.ids().next()).set(GOAL_SUBTASKS.USER_ID, userId)
                    .set(GOAL_SUBTASKS.GOAL_ID, goalId).set(GOAL_SUBTASKS.TITLE, subtask.title)
                    .set(GOAL_SUBTASKS.DESCRIPTION, subtask.description)
                    .set(GOAL_SUBTASKS.ESTIMATED_DAYS, subtask.estimatedDays)
                    .set(GOAL_SUBTASKS.SUCCESS_CRITERIA, subtask.successCriteria)
                    .set(GOAL_SUBTASKS.ORDER, last == null ? 0 : last + 1)
                    .set(GOAL_SUBTASKS.CREATED_AT, now).set(GOAL_SUBTASKS.UPDATED_AT, now)
                    .execute();
            refreshCounters(dsl, user, goal);
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /**
     * Moves a subtask to {@code status}: forward (pending, in progress, completed) or back
     * (reopening). {@code completedAt} is set on completion and cleared on reopening; the goal
     * completes itself when all its subtasks are completed (unless the host turned that off) and
     * reopens when one is reopened. Moving to the current status changes nothing.
     */
    public Goal moveSubtask(String userId, String subtaskId, SubtaskStatus status) {
        InvalidInputException.requirePresent(status, "status");
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UsersRecord user = UserRows.liveForShare(dsl, userId);
            GoalsRecord goal = lockGoalOfSubtask(dsl, userId, subtaskId);
            String goalId = goal.getId();
            GoalSubtasksRecord subtask = dsl.selectFrom(GOAL_SUBTASKS).where(GOAL_SUBTASKS.ID.eq(subtaskId))
                    .and(GOAL_SUBTASKS.USER_ID.eq(userId)).fetchSingle();
            if (subtask.getStatus() != status) {
                // core's state machine decides which moves are allowed (in progress -> pending is not)
                SubtaskState moved = new SubtaskState(subtask.getStatus(),
                        subtask.getCompletedAt() == null ? null : subtask.getCompletedAt().toInstant())
                        .moveTo(status, now.toInstant());
                subtask.setStatus(moved.status());
                subtask.setCompletedAt(moved.completedAt() == null ? null : now);
                subtask.setUpdatedAt(now);
                subtask.update();
                refreshCounters(dsl, user, goal);
            }
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /** Reopens a completed subtask (back to pending), which reopens a completed goal. A subtask in progress cannot go back to pending. */
    public Goal reopenSubtask(String userId, String subtaskId) {
        return moveSubtask(userId, subtaskId, SubtaskStatus.PENDING);
    }

    /** Puts the goal's subtasks in the given order; the list must name each of them exactly once. */
    public Goal reorderSubtasks(String userId, String goalId, List<String> subtaskIdsInOrder) {
        InvalidInputException.requirePresent(subtaskIdsInOrder, "subtaskIds");
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            lockGoal(dsl, userId, goalId);
            List<String> existing = dsl.select(GOAL_SUBTASKS.ID).from(GOAL_SUBTASKS)
                    .where(GOAL_SUBTASKS.GOAL_ID.eq(goalId)).and(GOAL_SUBTASKS.USER_ID.eq(userId))
                    .fetch(GOAL_SUBTASKS.ID);
            if (subtaskIdsInOrder.size() != existing.size()
                    || !new HashSet<>(subtaskIdsInOrder).equals(new HashSet<>(existing))) {
                throw new InvalidInputException("subtaskIds",
                        "each of the goal's " + existing.size() + " subtask ids exactly once");
            }
            // a searched CASE (WHEN id = ?), not a simple one (CASE id WHEN ?): Citus sends the
            // simple form's parameters to the worker with a wrong type (docs/scale-out.md)
            org.jooq.CaseConditionStep<Integer> cases = null;
            for (int i = 0; i < subtaskIdsInOrder.size(); i++) {
                var id = GOAL_SUBTASKS.ID.eq(subtaskIdsInOrder.get(i));
                cases = cases == null ? DSL.when(id, DSL.inline(i)) : cases.when(id, DSL.inline(i));
            }
            if (cases != null) {
                dsl.update(GOAL_SUBTASKS).set(GOAL_SUBTASKS.ORDER, cases.otherwise(GOAL_SUBTASKS.ORDER))
                        .set(GOAL_SUBTASKS.UPDATED_AT, now)
                        .where(GOAL_SUBTASKS.GOAL_ID.eq(goalId)).and(GOAL_SUBTASKS.USER_ID.eq(userId))
                        .execute();
            }
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /** Removes a subtask; the goal's counters follow (and a goal whose last open step is removed completes). */
    public Goal removeSubtask(String userId, String subtaskId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UsersRecord user = UserRows.liveForShare(dsl, userId);
            GoalsRecord goal = lockGoalOfSubtask(dsl, userId, subtaskId);
            String goalId = goal.getId();
            dsl.deleteFrom(GOAL_SUBTASKS).where(GOAL_SUBTASKS.ID.eq(subtaskId)).and(GOAL_SUBTASKS.USER_ID.eq(userId))
                    .execute();
            refreshCounters(dsl, user, goal);
            return fetchGoal(dsl, userId, goalId);
        });
    }

    /**
     * Recounts the goal's subtasks (under the goal's row lock, so no concurrent change is missed)
     * and moves the goal to completed or back to active as the counts say.
     */
    private void refreshCounters(DSLContext dsl, UsersRecord user, GoalsRecord goal) {
        Record counts = dsl.select(count(), count().filterWhere(GOAL_SUBTASKS.STATUS.eq(SubtaskStatus.COMPLETED)))
                .from(GOAL_SUBTASKS)
                .where(GOAL_SUBTASKS.GOAL_ID.eq(goal.getId())).and(GOAL_SUBTASKS.USER_ID.eq(goal.getUserId()))
                .fetchSingle();
        int total = counts.get(0, Integer.class);
        int completed = counts.get(1, Integer.class);
        boolean allDone = total > 0 && completed == total;
        GoalStatus before = goal.getStatus();
        goal.setTotalSubtasks(total);
        goal.setCompletedSubtasks(completed);
        if (before == GoalStatus.ACTIVE && allDone && ctx.settings().autoCompleteGoals()) {
            goal.setStatus(GoalStatus.COMPLETED);
            goal.setCompletedAt(ctx.now());
        } else if (before == GoalStatus.COMPLETED && !allDone) {
            goal.setStatus(GoalStatus.ACTIVE);
            goal.setCompletedAt(null);
        }
        goal.setUpdatedAt(ctx.now());
        goal.update();
        if (before != goal.getStatus()) {
            GoalVersions.record(dsl, goal, goal.getUpdatedAt()); // the counters alone are not versioned
        }
        if (before != GoalStatus.COMPLETED && goal.getStatus() == GoalStatus.COMPLETED) {
            coach.goalCompleted(dsl, user, goal);
        }
    }

    /** Locks the goal a subtask of the user belongs to, or {@link NotFoundException} for the subtask. */
    private static GoalsRecord lockGoalOfSubtask(DSLContext dsl, String userId, String subtaskId) {
        String goalId = dsl.select(GOAL_SUBTASKS.GOAL_ID).from(GOAL_SUBTASKS)
                .where(GOAL_SUBTASKS.ID.eq(Objects.requireNonNullElse(subtaskId, "")))
                .and(GOAL_SUBTASKS.USER_ID.eq(userId)).fetchOne(GOAL_SUBTASKS.GOAL_ID);
        if (goalId == null) {
            throw new NotFoundException("subtask", String.valueOf(subtaskId));
        }
        return lockGoal(dsl, userId, goalId);
    }

    private static GoalsRecord lockGoal(DSLContext dsl, String userId, String goalId) {
        GoalsRecord goal = goalId == null ? null
                : dsl.selectFrom(GOALS).where(GOALS.ID.eq(goalId)).and(GOALS.USER_ID.eq(userId)).forUpdate().fetchOne();
        if (goal == null) {
            throw new NotFoundException("goal", String.valueOf(goalId));
        }
        return goal;
    }

    private static Goal fetchGoal(DSLContext dsl, String userId, String goalId) {
        return dsl.select(Columns.of(GOALS.fields(), subtasksOf(userId, GOALS.ID)))
                .from(GOALS)
                .where(GOALS.ID.eq(Objects.requireNonNullElse(goalId, ""))).and(GOALS.USER_ID.eq(userId))
                .fetchOptional(GoalService::toGoal)
                .orElseThrow(() -> new NotFoundException("goal", String.valueOf(goalId)));
    }

    /** The goal's subtasks; filtered by the owner too, so that the statement is a router query on Citus. */
    static Field<Result<GoalSubtasksRecord>> subtasksOf(String userId, Field<String> goalId) {
        return multiset(DSL.selectFrom(GOAL_SUBTASKS).where(GOAL_SUBTASKS.USER_ID.eq(userId))
                .and(GOAL_SUBTASKS.GOAL_ID.eq(goalId))
                .orderBy(GOAL_SUBTASKS.ORDER, GOAL_SUBTASKS.CREATED_AT, GOAL_SUBTASKS.ID))
                .as("subtasks").convertFrom(r -> r.into(GOAL_SUBTASKS));
    }

    @SuppressWarnings("unchecked")
    static Goal toGoal(Record r) {
        GoalsRecord g = r.into(GOALS);
        Result<GoalSubtasksRecord> subtasks = (Result<GoalSubtasksRecord>) r.get("subtasks");
        List<Subtask> steps = new ArrayList<>(subtasks.size());
        for (GoalSubtasksRecord s : subtasks) {
            steps.add(toSubtask(s));
        }
        return new Goal(g.getId(), g.getTitle(), g.getDescription(), g.getCategory(), g.getStartDate(),
                g.getDeadline(), g.getTotalSubtasks(), g.getCompletedSubtasks(), g.getStatus(), g.getCompletedAt(),
                g.getCreatedAt(), g.getUpdatedAt(), steps);
    }

    /** Internal: a subtask row as the API hands it out (also read by the dashboard). */
    public static Subtask toSubtask(GoalSubtasksRecord s) {
        return new Subtask(s.getId(), s.getGoalId(), s.getTitle(), s.getDescription(), s.getEstimatedDays(),
                s.getSuccessCriteria(), s.getOrder(), s.getStatus(), s.getCompletedAt());
    }

    /**
     * The dates a goal can have: those that round-trip exactly through the JDBC date binding, which
     * goes through {@code java.sql.Date} and so the Julian calendar before the Gregorian reform: earlier
     * dates came back shifted (1582-10-10 as 1582-10-20, BC years as AD) or failed to read (1000-02-28).
     */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1582, 10, 15);
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private static LocalDate checkDate(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            throw new InvalidInputException(field, "a date from " + EARLIEST_DATE + " to " + LATEST_DATE + ", got " + date);
        }
        return date;
    }

    private static void checkDeadline(LocalDate start, LocalDate deadline) {
        if (deadline != null && deadline.isBefore(start)) {
            throw new InvalidInputException("deadline", "on or after the start date " + start + ", got " + deadline);
        }
    }

    private static ValidSubtask validate(NewSubtask s) {
        InvalidInputException.requirePresent(s, "subtask");
        if (s.estimatedDays() != null && (s.estimatedDays() < 0 || s.estimatedDays() > 36_500)) {
            throw new InvalidInputException("estimatedDays", "from 0 to 36500, got " + s.estimatedDays());
        }
        return new ValidSubtask(Texts.required("title", s.title(), MAX_TITLE),
                Texts.optional("description", s.description(), MAX_DESCRIPTION), s.estimatedDays(),
                Texts.optional("successCriteria", s.successCriteria(), MAX_DESCRIPTION));
    }

    private record ValidSubtask(String title, String description, Integer estimatedDays, String successCriteria) {
    }
}
