package io.habitcoach.jooq.users;

import io.habitcoach.jooq.HabitCoach;

import static io.habitcoach.jooq.schema.Tables.USERS;
import static io.habitcoach.jooq.schema.Tables.USER_EMAILS;

import io.habitcoach.core.ConflictException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.Plan;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.Db;
import io.habitcoach.jooq.internal.Texts;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.internal.UserRules;
import io.habitcoach.jooq.internal.WeekStarts;
import io.habitcoach.jooq.jobs.internal.DueInstants;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jooq.impl.DSL;

/**
 * Users: create, read, change preferences, soft delete. A soft-deleted user is invisible to every
 * read and refuses every write ({@link NotFoundException}). Obtain it from {@link HabitCoach#users()}.
 */
public final class UserService {

    private final Context ctx;
    private final Predicate<String> personalityRegistered;
    private final Supplier<String> knownPersonalities;
    private final Supplier<String> defaultPersonality;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public UserService(Context ctx, Predicate<String> personalityRegistered, Supplier<String> knownPersonalities,
            Supplier<String> defaultPersonality) {
        this.ctx = ctx;
        this.personalityRegistered = personalityRegistered;
        this.knownPersonalities = knownPersonalities;
        this.defaultPersonality = defaultPersonality;
    }

    /**
     * Creates a user. The email is stored trimmed and lower-cased and must not be registered yet
     * ({@link ConflictException}); every field is validated first ({@link InvalidInputException}).
     */
    public User create(NewUser newUser) {
        InvalidInputException.requirePresent(newUser, "newUser");
        String email = UserRules.email(newUser.email());
        String name = Texts.optional("name", newUser.name(), 200);
        String zone = UserRules.timezone(newUser.timezone()).getId();
        String language = UserRules.language(newUser.language());
        String personality = newUser.personality() == null ? defaultPersonality.get()
                : UserRules.personality(newUser.personality(), personalityRegistered, knownPersonalities.get());
        Plan plan = InvalidInputException.requirePresent(newUser.plan(), "plan");
        var dayStart = UserRules.dayStart(newUser.dayStart());
        var firstDay = InvalidInputException.requirePresent(newUser.firstDayOfWeek(), "firstDayOfWeek");
        String password = Texts.optional("passwordHash", newUser.passwordHash(), 500);
        var now = ctx.now();
        String id = ctx.ids().next();
        return ctx.db().tx(cfg -> {
            // The email's global lookup row first (docs/scale-out.md): its primary key is what
            // keeps an email unique, on one server and across a Citus cluster alike.
            int claimed = DSL.using(cfg).insertInto(USER_EMAILS)
                    .set(USER_EMAILS.EMAIL, email)
                    .set(USER_EMAILS.USER_ID, id)
                    .onConflictDoNothing()
                    .execute();
            if (claimed == 0) {
                // The address is not repeated: messages end up in logs and error pages.
                throw new ConflictException("email is already registered");
            }
            UsersRecord created = DSL.using(cfg).insertInto(USERS)
                    .set(USERS.ID, id)
                    .set(USERS.EMAIL, email)
                    .set(USERS.NAME, name)
                    .set(USERS.TIMEZONE, zone)
                    .set(USERS.LANGUAGE, language)
                    .set(USERS.SELECTED_PERSONALITY, personality)
                    .set(USERS.PLAN, plan)
                    .set(USERS.DAY_START, dayStart)
                    .set(USERS.FIRST_DAY_OF_WEEK, firstDay)
                    .set(USERS.PASSWORD, password)
                    .set(USERS.CREATED_AT, now)
                    .set(USERS.UPDATED_AT, now)
                    .returning()
                    .fetchOne();
            Db.wroteFor(created.getId());
            return UserRows.toUser(created);
        });
    }

    /** The user, or {@link NotFoundException} (also for a soft-deleted one). */
    public User get(String userId) {
        return ctx.db().tx(cfg -> UserRows.toUser(UserRows.live(DSL.using(cfg), userId)));
    }

    /** Finds a live user by email (case-insensitive), if any. */
    public java.util.Optional<User> findByEmail(String email) {
        String normalized = UserRules.email(email);
        return UserRows.byEmail(ctx.db(), normalized).map(UserRows::toUser);
    }

    /** Changes the non-null fields of {@code update}; a zone change never moves a stored completion. */
    public User update(String userId, UserUpdate update) {
        InvalidInputException.requirePresent(update, "update");
        var changes = new java.util.LinkedHashMap<org.jooq.Field<?>, Object>();
        if (update.name() != null) {
            changes.put(USERS.NAME, Texts.optional("name", update.name(), 200));
        }
        if (update.timezone() != null) {
            changes.put(USERS.TIMEZONE, UserRules.timezone(update.timezone()).getId());
        }
        if (update.language() != null) {
            changes.put(USERS.LANGUAGE, UserRules.language(update.language()));
        }
        if (update.personality() != null) {
            changes.put(USERS.SELECTED_PERSONALITY,
                    UserRules.personality(update.personality(), personalityRegistered, knownPersonalities.get()));
        }
        if (update.plan() != null) {
            changes.put(USERS.PLAN, update.plan());
        }
        if (update.dayStart() != null) {
            changes.put(USERS.DAY_START, UserRules.dayStart(update.dayStart()));
        }
        if (update.firstDayOfWeek() != null) {
            changes.put(USERS.FIRST_DAY_OF_WEEK, update.firstDayOfWeek());
        }
        DayOfWeek firstDay = update.firstDayOfWeek();
        changes.put(USERS.UPDATED_AT, ctx.now());
        // A new calendar moves when the user's periods close: the jobs re-time them at their next run.
        boolean calendar = update.timezone() != null || update.dayStart() != null || update.firstDayOfWeek() != null;
        return ctx.db().tx(cfg -> {
            Db.wroteFor(userId);
            LocalDate today = null;
            if (firstDay != null) {
                // A new first day of the week applies from the later of today's two week starts on
                // (docs/rules.md, "Changing the first day of the week"); the earlier ones are kept.
                UsersRecord before = UserRows.liveForUpdate(DSL.using(cfg), userId);
                today = Days.today(ctx.clock(), before);
                if (firstDay != before.getFirstDayOfWeek()) {
                    changes.put(USERS.FIRST_DAY_OF_WEEK_HISTORY, WeekStarts.afterChange(before, firstDay, today));
                } else {
                    today = null;   // unchanged: nothing to recompute
                }
            }
            UsersRecord updated = DSL.using(cfg).update(USERS).set(changes)
                    .where(USERS.ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                    .returning().fetchOne();
            if (updated == null) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            if (update.timezone() != null) {
                UserRows.copyZoneToHabits(DSL.using(cfg), updated.getId(), updated.getTimezone());
            }
            if (today != null) {
                WeekStarts.recomputeHabits(DSL.using(cfg), updated, today);
            }
            if (calendar) {
                DueInstants.calendarChanged(DSL.using(cfg), updated, ctx.clock().instant());
            }
            return UserRows.toUser(updated);
        });
    }

    /**
     * Soft-deletes the user: from now on they are invisible and refuse every write. Their rows stay
     * until {@code privacy().purge} or the retention job erases them.
     */
    public void delete(String userId) {
        var now = ctx.now();
        ctx.db().tx(cfg -> {
            Db.wroteFor(userId);
            int updated = DSL.using(cfg).update(USERS).set(USERS.DELETED_AT, now).set(USERS.UPDATED_AT, now)
                    .where(USERS.ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                    .execute();
            if (updated == 0) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            return null;
        });
    }
}
