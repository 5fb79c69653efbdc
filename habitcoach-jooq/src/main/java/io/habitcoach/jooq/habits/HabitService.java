package io.habitcoach.jooq.habits;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.Page;
import io.habitcoach.jooq.PageRequest;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.CompletionWindow;
import io.habitcoach.core.streak.HabitCalendar;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.Columns;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Instrumentation;
import io.habitcoach.jooq.internal.Meters;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.Db;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.habits.internal.HabitPictures;
import io.habitcoach.jooq.habits.internal.HabitVersions;
import io.habitcoach.jooq.habits.internal.CompletionPipeline;
import io.habitcoach.jooq.jobs.internal.DueInstants;
import io.habitcoach.jooq.internal.Pages;
import io.habitcoach.jooq.internal.Texts;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.internal.WeekStarts;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Habits and their daily entries. Every call writes in one transaction scoped to one user; a
 * completion, skip or undo locks the habit's row, so concurrent calls on one habit are serialized
 * and its caches ({@code current_streak}, {@code longest_streak}, {@code total_completed},
 * {@code completed_last_at}) always equal a full recomputation. In the common case a completion is
 * a single auto-committed statement that takes the lock itself and writes only if what it was
 * computed from is unchanged (see {@link HabitCoach.Builder#completionCacheSize}). Obtain it from
 * {@link HabitCoach#habits()}.
 */
public final class HabitService {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 5_000;
    static final int MAX_NOTES = 5_000;

    private final Context ctx;
    private final CompletionPipeline completions;
    private final HabitPictures pictures;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public HabitService(Context ctx, CoachRecorder coach, int completionCacheSize) {
        this.ctx = ctx;
        this.pictures = HabitPictures.create(ctx);
        this.completions = CompletionPipeline.create(ctx, coach, completionCacheSize);
    }

    /**
     * Creates an active habit. A user who already has {@link io.habitcoach.jooq.Limits#maxHabitsPerUser}
     * habits (archived ones count) gets {@link io.habitcoach.core.LimitExceededException} and nothing is
     * written.
     */
    public Habit create(String userId, NewHabit newHabit) {
        InvalidInputException.requirePresent(newHabit, "newHabit");
        String name = Texts.required("name", newHabit.name(), MAX_NAME);
        String description = Texts.optional("description", newHabit.description(), MAX_DESCRIPTION);
        Frequency frequency = InvalidInputException.requirePresent(newHabit.frequency(), "frequency");
        LocalTime preferred = minutes(newHabit.preferredTime());
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            // locked FOR NO KEY UPDATE, not FOR SHARE: two creations of one user at the cap must not
            // both count below it (issue 20's per-user caps)
            UsersRecord user = UserRows.liveForUpdate(dsl, userId);
            UserRows.requireBelow(dsl.fetchCount(HABITS, HABITS.USER_ID.eq(user.getId())),
                    ctx.settings().limits().maxHabitsPerUser(), "habits");
            HabitsRecord h = dsl.newRecord(HABITS);
            h.setId(ctx.ids().next());
            h.setUserId(user.getId());
            h.setName(name);
            h.setDescription(description);
            setFrequency(h, frequency);
            h.setPreferredTime(preferred);
            h.setReminderEnabled(newHabit.reminderEnabled());
            // the owner's zone, for the reminder index (V4); the user's row is locked against a
            // concurrent zone change, which updates the owner's habits (UserService#update)
            h.setUserTimezone(UserRows.serverZone(dsl, user.getTimezone()));
            h.setStatus(HabitStatus.ACTIVE);
            h.setCreatedAt(now);
            h.setUpdatedAt(now);
            h.setNextCheckAt(DueInstants.forHabit(h, user, now.toInstant()));
            if (WeekStarts.matters(h)) {
                // a user who changed their first day of the week: weeks before the change keep their days
                HabitRows.setState(h, WeekStarts.initialState(dsl, h, user.getFirstDayOfWeek()), StreakSummary.NONE);
            }
            h.insert();
            HabitVersions.created(dsl, h, now, Days.today(ctx.clock(), user));
            return HabitRows.toHabit(h, StreakSummary.NONE, 0.0);
        });
    }

    /** The habit with its streak as of the user's today and its strength. */
    public Habit get(String userId, String habitId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Record row = habitWithOwner(dsl, userId, habitId, false);
            HabitsRecord h = row.into(HABITS);
            UsersRecord user = row.into(USERS);
            LocalDate today = Days.today(ctx.clock(), user);
            Schedule schedule = HabitRows.schedule(h, user.getFirstDayOfWeek());
            return HabitRows.toHabit(h, HabitRows.summary(h, user.getFirstDayOfWeek(), today),
                    HabitRows.strength(dsl, h, user.getFirstDayOfWeek(), today));
        });
    }

    /**
     * The habit's days from {@code from} to {@code to} (at most {@value HabitCalendar#MAX_DAYS}) as a
     * calendar draws them: done, skipped, missed, paused, not scheduled, open, before the habit
     * existed, future; with each calendar week's target and count. The same states as the streaks and
     * the weekly reports; one statement.
     */
    public HabitCalendar calendar(String userId, String habitId, LocalDate from, LocalDate to) {
        return pictures.calendar(userId, habitId, from, to);
    }

    /**
     * The habit's strength score on each day from {@code from} to {@code to} (at most
     * {@value HabitCalendar#MAX_DAYS} days): for each day the number {@link io.habitcoach.core.streak.HabitStrength}
     * gives as of that day. One statement.
     */
    public List<HabitStrength.DailyScore> strengthHistory(String userId, String habitId, LocalDate from, LocalDate to) {
        return pictures.strengthHistory(userId, habitId, from, to);
    }

    /**
     * The user's habits with the given statuses (all when none are given), oldest first, streaks as of
     * today. Every matching habit, so at most {@link io.habitcoach.jooq.Limits#maxHabitsPerUser} (500 by
     * default); {@link #list(String, PageRequest, HabitStatus...)} reads them a page at a time.
     */
    public List<Habit> list(String userId, HabitStatus... statuses) {
        InvalidInputException.requirePresent(statuses, "statuses");
        List<HabitStatus> wanted = statuses.length == 0 ? Arrays.asList(HabitStatus.values()) : Arrays.asList(statuses);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UsersRecord user = UserRows.live(dsl, userId);
            LocalDate today = Days.today(ctx.clock(), user);
            return dsl.selectFrom(HABITS).where(HABITS.USER_ID.eq(userId)).and(HABITS.STATUS.in(wanted))
                    .orderBy(HABITS.CREATED_AT, HABITS.ID)
                    .fetch(h -> HabitRows.toHabit(h,
                            HabitRows.summary(h, user.getFirstDayOfWeek(), today), Double.NaN));
        });
    }

    /**
     * One page of the user's habits with the given statuses (all when none are given), in
     * {@link #list(String, HabitStatus...)}'s order (oldest first: {@code created_at}, then id), streaks as
     * of today. A keyset page: a habit created while the pages are read comes after the ones already
     * read, never again among them. A cursor that is not this list's is {@link InvalidInputException}.
     */
    public Page<Habit> list(String userId, PageRequest page, HabitStatus... statuses) {
        InvalidInputException.requirePresent(page, "page");
        InvalidInputException.requirePresent(statuses, "statuses");
        List<HabitStatus> wanted = statuses.length == 0 ? Arrays.asList(HabitStatus.values()) : Arrays.asList(statuses);
        var after = Pages.after(page, "habits", HABITS.CREATED_AT, HABITS.ID, false);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UsersRecord user = UserRows.live(dsl, userId);
            LocalDate today = Days.today(ctx.clock(), user);
            var rows = dsl.selectFrom(HABITS).where(HABITS.USER_ID.eq(userId)).and(HABITS.STATUS.in(wanted))
                    .and(after)
                    .orderBy(HABITS.CREATED_AT, HABITS.ID)
                    .limit(Pages.fetchSize(page))
                    .fetch();
            return Pages.of(rows, page, "habits", HABITS.CREATED_AT, HABITS.ID, h -> HabitRows.toHabit(h,
                    HabitRows.state(h).asOf(HabitRows.schedule(h, user.getFirstDayOfWeek()), today), Double.NaN));
        });
    }

    /**
     * Changes the habit and keeps the version it replaces. A new frequency applies from the user's
     * today on (the current week, for a per-week one): past days and weeks keep the frequency in force
     * then (docs/rules.md, "Schedule changes"); the streaks are recomputed.
     */
    public Habit update(String userId, String habitId, HabitUpdate update) {
        InvalidInputException.requirePresent(update, "update");
        String name = update.name() == null ? null : Texts.required("name", update.name(), MAX_NAME);
        String description = update.description() == null ? null
                : Texts.optional("description", update.description(), MAX_DESCRIPTION);
        LocalTime preferred = minutes(update.preferredTime());
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Owned owned = lockWithOwner(dsl, userId, habitId);
            HabitsRecord h = owned.habit();
            UsersRecord user = owned.user();
            LocalDate today = owned.today();
            if (name != null) {
                h.setName(name);
            }
            if (update.description() != null) {
                h.setDescription(description);
            }
            if (update.clearPreferredTime()) {
                h.setPreferredTime(null);
            } else if (preferred != null) {
                h.setPreferredTime(preferred);
            }
            if (update.reminderEnabled() != null) {
                h.setReminderEnabled(update.reminderEnabled());
            }
            if (update.frequency() != null) {
                setFrequency(h, update.frequency());
            }
            StreakSummary streak;
            if (HabitVersions.record(dsl, h, ctx.now(), today)) {
                streak = HabitRows.recompute(dsl, h, user.getFirstDayOfWeek(), today);
                h.setNextCheckAt(DueInstants.forHabit(h, user, ctx.clock().instant()));
            } else {
                streak = HabitRows.summary(h, user.getFirstDayOfWeek(), today);
                h.setCurrentStreak(streak.current());
            }
            h.setUpdatedAt(ctx.now());
            h.update();
            return HabitRows.toHabit(h, streak, Double.NaN);
        });
    }

    /**
     * Rebuilds the habit's cached streak columns (and its due instant) from its entries, under the
     * habit's lock: for a host that imported entries by SQL or edited the columns by hand
     * (docs/operations.md). {@code complete()} and the missed-day sweep do the same by themselves when
     * they meet columns that disagree with each other. Returns the habit as now stored.
     */
    public Habit recompute(String userId, String habitId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Owned owned = lockWithOwner(dsl, userId, habitId);
            HabitsRecord h = owned.habit();
            UsersRecord user = owned.user();
            LocalDate today = owned.today();
            StreakSummary streak = HabitRows.recompute(dsl, h, user.getFirstDayOfWeek(), today);
            h.setNextCheckAt(DueInstants.forHabit(h, user, ctx.clock().instant()));
            h.setUpdatedAt(ctx.now());
            h.update();
            return HabitRows.toHabit(h, streak, HabitRows.strength(dsl, h, user.getFirstDayOfWeek(), today));
        });
    }

    /**
     * The habit's versions, oldest first: one per change of its name, description, frequency, status
     * or reminder settings, each valid from its change until the next ({@code validTo} null for the
     * current one).
     */
    public List<HabitVersion> versions(String userId, String habitId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            habitWithOwner(dsl, userId, habitId, false);
            return HabitVersions.all(dsl, userId, habitId);
        });
    }

    /** The habit as it was at {@code at}; empty before it was created. */
    public java.util.Optional<HabitVersion> asOf(String userId, String habitId, java.time.Instant at) {
        InvalidInputException.requirePresent(at, "at");
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            habitWithOwner(dsl, userId, habitId, false);
            return java.util.Optional.ofNullable(HabitVersions.asOf(dsl, userId, habitId,
                    at.atOffset(java.time.ZoneOffset.UTC)));
        });
    }

    /** Pauses an active habit from the user's today on: paused days are not scheduled. */
    public Habit pause(String userId, String habitId) {
        return changeStatus(userId, habitId, HabitStatus.PAUSED);
    }

    /** Resumes a paused habit: today is scheduled again, and the streak goes on where it stood. */
    public Habit resume(String userId, String habitId) {
        return changeStatus(userId, habitId, HabitStatus.ACTIVE);
    }

    /** Archives the habit: it accepts no entry and leaves the dashboard; its history stays. */
    public Habit archive(String userId, String habitId) {
        return changeStatus(userId, habitId, HabitStatus.ARCHIVED);
    }

    private Habit changeStatus(String userId, String habitId, HabitStatus target) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Owned owned = lockWithOwner(dsl, userId, habitId);
            HabitsRecord h = owned.habit();
            UsersRecord user = owned.user();
            LocalDate today = owned.today();
            HabitStatus current = h.getStatus();
            if (current == target) {
                return HabitRows.toHabit(h, HabitRows.summary(h, user.getFirstDayOfWeek(), today), Double.NaN);
            }
            if (current == HabitStatus.ARCHIVED) {
                throw new HabitNotActiveException(h.getId(), current);
            }
            if (target == HabitStatus.PAUSED) {
                dsl.insertInto(HABIT_PAUSES).set(HABIT_PAUSES.ID, ctx.ids().next())
                        .set(HABIT_PAUSES.USER_ID, h.getUserId()).set(HABIT_PAUSES.HABIT_ID, h.getId())
                        .set(HABIT_PAUSES.PAUSED_FROM, today).set(HABIT_PAUSES.CREATED_AT, ctx.now()).execute();
            } else if (current == HabitStatus.PAUSED) {
                // Resuming (or archiving a paused habit) closes the open pause; today is scheduled again.
                dsl.update(HABIT_PAUSES).set(HABIT_PAUSES.RESUMED_ON,
                                DSL.greatest(HABIT_PAUSES.PAUSED_FROM, DSL.val(today)))
                        .where(HABIT_PAUSES.HABIT_ID.eq(h.getId())).and(HABIT_PAUSES.USER_ID.eq(h.getUserId()))
                        .and(HABIT_PAUSES.RESUMED_ON.isNull()).execute();
                dsl.deleteFrom(HABIT_PAUSES).where(HABIT_PAUSES.HABIT_ID.eq(h.getId()))
                        .and(HABIT_PAUSES.USER_ID.eq(h.getUserId()))   // one shard on Citus (CitusClusterTest)
                        .and(HABIT_PAUSES.PAUSED_FROM.eq(HABIT_PAUSES.RESUMED_ON)).execute();
            }
            h.setStatus(target);
            HabitVersions.record(dsl, h, ctx.now(), today);
            StreakSummary streak = HabitRows.recompute(dsl, h, user.getFirstDayOfWeek(), today);
            h.setNextCheckAt(DueInstants.forHabit(h, user, ctx.clock().instant()));
            h.setUpdatedAt(ctx.now());
            h.update();
            return HabitRows.toHabit(h, streak, Double.NaN);
        });
    }

    /**
     * Records {@code date} (the user's local day) as done. Allowed for an active habit from the
     * user's today back seven days ({@link io.habitcoach.core.CompletionWindowException} otherwise).
     * Idempotent: a second call for the same day returns the first entry and changes nothing, also
     * when the two race. A skipped day becomes done. Raises the coach's {@code habit_complete} event
     * and any streak milestone the completion reaches.
     */
    public Completion complete(String userId, String habitId, LocalDate date) {
        return complete(userId, habitId, date, null);
    }

    /** {@link #complete(String, String, LocalDate)} with a note on the entry. */
    public Completion complete(String userId, String habitId, LocalDate date, String notes) {
        Instrumentation.Timing timing = ctx.instrumentation().start(Meters.COMPLETE);
        try {
            InvalidInputException.requirePresent(date, "date");
            String note = Texts.optional("notes", notes, MAX_NOTES);
            CompletionPipeline.Completed done = completions.complete(userId, habitId, date, note);
            timing.stop(done.alreadyDone() ? "already_done" : "new");
            return done.completion();
        } catch (RuntimeException e) {
            timing.error(e, Meters.refusal(e));
            throw e;
        }
    }

    /**
     * Marks {@code date} as skipped (a rest or sick day): not scheduled, so it neither counts
     * towards a streak nor breaks one, and it is not in {@code total_completed}. A done day becomes
     * skipped. Same window and status rules as {@link #complete}.
     */
    public Completion skip(String userId, String habitId, LocalDate date) {
        InvalidInputException.requirePresent(date, "date");
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Owned locked = lockForEntry(dsl, userId, habitId, date);
            HabitsRecord h = locked.habit();
            var now = ctx.now();
            HabitCompletionsRecord entry = dsl.insertInto(HABIT_COMPLETIONS)
                    .set(HABIT_COMPLETIONS.ID, ctx.ids().next()).set(HABIT_COMPLETIONS.USER_ID, h.getUserId())
                    .set(HABIT_COMPLETIONS.HABIT_ID, h.getId()).set(HABIT_COMPLETIONS.COMPLETED_DATE, date)
                    .set(HABIT_COMPLETIONS.KIND, EntryKind.SKIPPED)
                    .set(HABIT_COMPLETIONS.CREATED_AT, now).set(HABIT_COMPLETIONS.UPDATED_AT, now)
                    .onConflict(HABIT_COMPLETIONS.USER_ID, HABIT_COMPLETIONS.HABIT_ID, HABIT_COMPLETIONS.COMPLETED_DATE).doUpdate()
                    // the proposed row's values, not casts of parameters: Citus allows only immutable
                    // functions in DO UPDATE SET (a timestamptz cast is not), docs/scale-out.md
                    .set(HABIT_COMPLETIONS.KIND, DSL.excluded(HABIT_COMPLETIONS.KIND))
                    .set(HABIT_COMPLETIONS.UPDATED_AT, DSL.excluded(HABIT_COMPLETIONS.UPDATED_AT))
                    .where(HABIT_COMPLETIONS.KIND.ne(EntryKind.SKIPPED))
                    .returning().fetchOne();
            if (entry == null) {
                return HabitRows.toCompletion(entry(dsl, h, date));
            }
            HabitRows.recompute(dsl, h, locked.user().getFirstDayOfWeek(), locked.today());
            h.setUpdatedAt(now);
            h.update();
            return HabitRows.toCompletion(entry);
        });
    }

    /**
     * Removes the entry (done or skipped) for {@code date}, inside the completion window of an
     * active habit. Returns whether there was one.
     */
    public boolean undo(String userId, String habitId, LocalDate date) {
        InvalidInputException.requirePresent(date, "date");
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Owned locked = lockForEntry(dsl, userId, habitId, date);
            HabitsRecord h = locked.habit();
            int deleted = dsl.deleteFrom(HABIT_COMPLETIONS).where(HABIT_COMPLETIONS.HABIT_ID.eq(h.getId()))
                    .and(HABIT_COMPLETIONS.USER_ID.eq(h.getUserId())).and(HABIT_COMPLETIONS.COMPLETED_DATE.eq(date))
                    .execute();
            if (deleted == 0) {
                return false;
            }
            HabitRows.recompute(dsl, h, locked.user().getFirstDayOfWeek(), locked.today());
            h.setUpdatedAt(ctx.now());
            h.update();
            return true;
        });
    }

    /** The habit's entries from {@code days - 1} days before the user's today through today, oldest first. */
    public List<Completion> recentCompletions(String userId, String habitId, int days) {
        if (days < 1 || days > 3_660) {
            throw new InvalidInputException("days", "from 1 to 3660, got " + days);
        }
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            // One statement: the entries of the days that can be in any user's last {@code days}
            // (both bounds: the partitions of other years are pruned), with the owner's zone and day
            // start, from which core's rule then keeps the ones through the owner's today.
            java.time.Instant now = ctx.clock().instant();
            var rows = dsl.select(Columns.of(HABIT_COMPLETIONS.fields(), USERS.TIMEZONE, USERS.DAY_START))
                    .from(HABIT_COMPLETIONS)
                    .join(HABITS).on(HABITS.ID.eq(HABIT_COMPLETIONS.HABIT_ID)).and(HABITS.USER_ID.eq(HABIT_COMPLETIONS.USER_ID))
                    .join(USERS).on(USERS.ID.eq(HABITS.USER_ID)).and(USERS.DELETED_AT.isNull())
                    .where(HABITS.ID.eq(Objects.requireNonNullElse(habitId, ""))).and(HABITS.USER_ID.eq(userId))
                    .and(HABIT_COMPLETIONS.COMPLETED_DATE.between(
                            io.habitcoach.core.schedule.UserDay.earliestDateOf(now).minusDays(days - 1),
                            io.habitcoach.core.schedule.UserDay.latestDateOf(now)))
                    .orderBy(HABIT_COMPLETIONS.COMPLETED_DATE)
                    .fetch();
            if (rows.isEmpty()) {
                // Distinguish "no entries" from "no such habit" only when needed (rare path).
                habitWithOwner(dsl, userId, habitId, false);
                return List.<Completion>of();
            }
            LocalDate today = Days.userDay(rows.get(0).into(USERS)).dateOf(now);
            return rows.stream().map(r -> HabitRows.toCompletion(r.into(HABIT_COMPLETIONS)))
                    .filter(c -> !c.date().isBefore(today.minusDays(days - 1)) && !c.date().isAfter(today))
                    .toList();
        });
    }

    /** Locks the habit with its owner (skip, undo); checks the window and the status as {@code complete} does. */
    private Owned lockForEntry(DSLContext dsl, String userId, String habitId, LocalDate date) {
        Owned owned = lockWithOwner(dsl, userId, habitId);
        CompletionWindow.standard().check(date, owned.today());
        if (owned.habit().getStatus() != HabitStatus.ACTIVE) {
            throw new HabitNotActiveException(owned.habit().getId(), owned.habit().getStatus());
        }
        return owned;
    }

    /** The habit, locked and attached for its update, with its owner and the owner's today. */
    private record Owned(HabitsRecord habit, UsersRecord user, LocalDate today) {
    }

    private Owned lockWithOwner(DSLContext dsl, String userId, String habitId) {
        Record row = habitWithOwner(dsl, userId, habitId, true);
        HabitsRecord h = row.into(HABITS);
        h.attach(dsl.configuration());
        UsersRecord user = row.into(USERS);
        return new Owned(h, user, Days.today(ctx.clock(), user));
    }

    private static Record habitWithOwner(DSLContext dsl, String userId, String habitId, boolean lock) {
        if (lock) {
            Db.wroteFor(userId);
        }
        var query = dsl.select(Columns.of(HABITS.fields(), USERS.fields()))
                .from(HABITS).join(USERS).on(USERS.ID.eq(HABITS.USER_ID))
                .where(HABITS.ID.eq(Objects.requireNonNullElse(habitId, ""))).and(HABITS.USER_ID.eq(userId))
                .and(USERS.DELETED_AT.isNull());
        Record row = lock ? query.forNoKeyUpdate().of(HABITS).fetchOne() : query.fetchOne();
        if (row == null) {
            throw new NotFoundException("habit", String.valueOf(habitId));
        }
        return row;
    }

    private static void setFrequency(HabitsRecord h, Frequency frequency) {
        h.setFrequency(frequency.type());
        h.setSpecificDays(frequency.weekdays().orElse(null));
        h.setTimesPerWeek(frequency.weeklyTarget().isPresent() ? frequency.weeklyTarget().getAsInt() : null);
    }

    private static LocalTime minutes(LocalTime time) {
        if (time == null) {
            return null;
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new InvalidInputException("preferredTime", "whole minutes (HH:MM), got " + time);
        }
        return time;
    }

    /** The habit's entry for {@code date}, read after the insert that found it there. */
    private static HabitCompletionsRecord entry(DSLContext dsl, HabitsRecord h, LocalDate date) {
        return dsl.selectFrom(HABIT_COMPLETIONS)
                .where(HABIT_COMPLETIONS.HABIT_ID.eq(h.getId())).and(HABIT_COMPLETIONS.USER_ID.eq(h.getUserId()))
                .and(HABIT_COMPLETIONS.COMPLETED_DATE.eq(date)).fetchSingle();
    }

}
