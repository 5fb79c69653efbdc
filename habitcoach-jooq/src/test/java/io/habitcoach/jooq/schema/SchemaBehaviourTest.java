package io.habitcoach.jooq.schema;

import static io.habitcoach.jooq.schema.Tables.ACCOUNTS;
import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.ANALYTICS_EVENTS;
import static io.habitcoach.jooq.schema.Tables.CHAT_CONVERSATIONS;
import static io.habitcoach.jooq.schema.Tables.CHAT_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_SUBTASKS;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.SESSIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.model.ChatRole;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.model.Plan;
import io.habitcoach.core.model.SubscriptionStatus;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.jooq.schema.tables.records.AiMessagesRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schema's cascades and constraints, exercised through the generated records. */
@ExtendWith(HabitCoachDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaBehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DSLContext dsl;

    @BeforeAll
    void connect(DataSource dataSource) {
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String newUser() {
        return dsl.insertInto(USERS).set(USERS.EMAIL, UUID.randomUUID() + "@example.com")
                .returning(USERS.ID).fetchOne(USERS.ID);
    }

    private String newDailyHabit(String userId) {
        return dsl.insertInto(HABITS)
                .set(HABITS.USER_ID, userId).set(HABITS.NAME, "Run").set(HABITS.FREQUENCY, FrequencyType.DAILY)
                .returning(HABITS.ID).fetchOne(HABITS.ID);
    }

    @Test
    void deletingAUserRemovesEverythingThatBelongsToThem() {
        String user = newUser();
        String other = newUser();
        String otherHabit = newDailyHabit(other);
        String habit = newDailyHabit(user);
        dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.USER_ID, user).set(HABIT_COMPLETIONS.HABIT_ID, habit)
                .set(HABIT_COMPLETIONS.COMPLETED_DATE, LocalDate.of(2026, 1, 1)).execute();
        dsl.insertInto(HABIT_PAUSES).set(HABIT_PAUSES.USER_ID, user).set(HABIT_PAUSES.HABIT_ID, habit)
                .set(HABIT_PAUSES.PAUSED_FROM, LocalDate.of(2026, 1, 2)).execute();
        String goal = dsl.insertInto(GOALS).set(GOALS.USER_ID, user).set(GOALS.TITLE, "Learn")
                .set(GOALS.CATEGORY, GoalCategory.EDUCATION).returning(GOALS.ID).fetchOne(GOALS.ID);
        dsl.insertInto(GOAL_SUBTASKS).set(GOAL_SUBTASKS.USER_ID, user).set(GOAL_SUBTASKS.GOAL_ID, goal)
                .set(GOAL_SUBTASKS.TITLE, "Chapter 1").execute();
        dsl.insertInto(SESSIONS).set(SESSIONS.USER_ID, user).set(SESSIONS.TOKEN, UUID.randomUUID().toString())
                .set(SESSIONS.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)).execute();
        dsl.insertInto(ACCOUNTS).set(ACCOUNTS.USER_ID, user).set(ACCOUNTS.PROVIDER, "github")
                .set(ACCOUNTS.PROVIDER_ACCOUNT_ID, UUID.randomUUID().toString()).execute();
        dsl.insertInto(AI_MESSAGES).set(AI_MESSAGES.USER_ID, user).set(AI_MESSAGES.PERSONALITY, "yoda")
                .set(AI_MESSAGES.MESSAGE_TYPE, CoachEventType.HABIT_COMPLETE).set(AI_MESSAGES.MESSAGE, "Well done")
                .set(AI_MESSAGES.HABIT_ID, habit).set(AI_MESSAGES.GOAL_ID, goal).execute();
        String conversation = dsl.insertInto(CHAT_CONVERSATIONS).set(CHAT_CONVERSATIONS.USER_ID, user)
                .returning(CHAT_CONVERSATIONS.ID).fetchOne(CHAT_CONVERSATIONS.ID);
        dsl.insertInto(CHAT_MESSAGES).set(CHAT_MESSAGES.USER_ID, user).set(CHAT_MESSAGES.CONVERSATION_ID, conversation)
                .set(CHAT_MESSAGES.ROLE, ChatRole.USER).set(CHAT_MESSAGES.CONTENT, "hi").execute();
        dsl.insertInto(ANALYTICS_EVENTS).set(ANALYTICS_EVENTS.USER_ID, user).set(ANALYTICS_EVENTS.EVENT_NAME, "x").execute();

        dsl.deleteFrom(USERS).where(USERS.ID.eq(user)).execute();

        List<Table<?>> owned = List.of(HABITS, HABIT_COMPLETIONS, HABIT_PAUSES, GOALS, GOAL_SUBTASKS, SESSIONS, ACCOUNTS,
                AI_MESSAGES, CHAT_CONVERSATIONS, CHAT_MESSAGES, ANALYTICS_EVENTS);
        for (Table<?> table : owned) {
            assertThat(dsl.fetchCount(table, table.field("user_id", String.class).eq(user)))
                    .as("rows of %s left", table.getName()).isZero();
        }
        assertThat(dsl.fetchExists(HABITS, HABITS.ID.eq(otherHabit))).as("another user's habit is untouched").isTrue();
    }

    @Test
    void aHabitIsDeletedOnlyAfterItsCoachMessagesLetGoOfItAndTheyAreKept() {
        String user = newUser();
        String habit = newDailyHabit(user);
        dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.USER_ID, user).set(HABIT_COMPLETIONS.HABIT_ID, habit)
                .set(HABIT_COMPLETIONS.COMPLETED_DATE, LocalDate.of(2026, 1, 1)).execute();
        String message = dsl.insertInto(AI_MESSAGES).set(AI_MESSAGES.USER_ID, user).set(AI_MESSAGES.PERSONALITY, "yoda")
                .set(AI_MESSAGES.MESSAGE_TYPE, CoachEventType.STREAK).set(AI_MESSAGES.MESSAGE, "Strong you are")
                .set(AI_MESSAGES.HABIT_ID, habit).returning(AI_MESSAGES.ID).fetchOne(AI_MESSAGES.ID);

        // V6: no ON DELETE SET NULL (Citus cannot distribute it, docs/scale-out.md); the reference
        // is cleared first, in the same transaction, by whoever deletes a habit
        assertThatThrownBy(() -> dsl.deleteFrom(HABITS).where(HABITS.USER_ID.eq(user)).and(HABITS.ID.eq(habit)).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ai_messages_habit_fk");
        dsl.transaction(cfg -> {
            DSL.using(cfg).update(AI_MESSAGES).setNull(AI_MESSAGES.HABIT_ID)
                    .where(AI_MESSAGES.USER_ID.eq(user)).and(AI_MESSAGES.HABIT_ID.eq(habit)).execute();
            DSL.using(cfg).deleteFrom(HABITS).where(HABITS.USER_ID.eq(user)).and(HABITS.ID.eq(habit)).execute();
        });

        AiMessagesRecord kept = dsl.fetchSingle(AI_MESSAGES, AI_MESSAGES.ID.eq(message));
        assertThat(kept.getHabitId()).isNull();
        assertThat(kept.getUserId()).isEqualTo(user);
        assertThat(dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.HABIT_ID.eq(habit))).isZero();
    }

    @Test
    void aRowsOwnerNeverChanges() {
        // one server: the owner-fixed triggers of V1; Citus: the engine refuses to change the
        // distribution column (the distribution step drops the triggers, docs/scale-out.md)
        String owner = newUser();
        String other = newUser();
        String habit = newDailyHabit(owner);
        assertThatThrownBy(() -> dsl.update(HABITS).set(HABITS.USER_ID, other)
                .where(HABITS.USER_ID.eq(owner)).and(HABITS.ID.eq(habit)).execute())
                .isInstanceOf(DataAccessException.class);
        assertThat(dsl.fetchExists(HABITS, HABITS.USER_ID.eq(owner).and(HABITS.ID.eq(habit)))).isTrue();
    }

    @Test
    void aSecondEntryForTheSameHabitAndDayIsRefused() {
        String user = newUser();
        String habit = newDailyHabit(user);
        LocalDate day = LocalDate.of(2026, 3, 1);
        dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.USER_ID, user).set(HABIT_COMPLETIONS.HABIT_ID, habit)
                .set(HABIT_COMPLETIONS.COMPLETED_DATE, day).execute();
        assertThatThrownBy(() -> dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.USER_ID, user)
                .set(HABIT_COMPLETIONS.HABIT_ID, habit).set(HABIT_COMPLETIONS.COMPLETED_DATE, day)
                .set(HABIT_COMPLETIONS.KIND, EntryKind.SKIPPED).execute())
                // V8: the primary key of the partitioned table; the error names the partition's index
                .isInstanceOf(DataAccessException.class).hasMessageContaining("duplicate key")
                .hasMessageContaining("(user_id, habit_id, completed_date)");
    }

    @Test
    void anEntryMustBelongToTheHabitsOwner() {
        String owner = newUser();
        String intruder = newUser();
        String habit = newDailyHabit(owner);
        assertThatThrownBy(() -> dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.USER_ID, intruder)
                .set(HABIT_COMPLETIONS.HABIT_ID, habit).set(HABIT_COMPLETIONS.COMPLETED_DATE, LocalDate.of(2026, 1, 1))
                .execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("habit_completions_habit_fk");
    }

    @Test
    void unknownFrequencyStatusAndKindAreRefused() {
        String user = newUser();
        assertRefused("INSERT INTO habits (user_id, name, frequency) VALUES (?, 'x', 'hourly')", "habits_frequency_check", user);
        assertRefused("INSERT INTO habits (user_id, name, frequency, status) VALUES (?, 'x', 'daily', 'sleeping')",
                "habits_status_check", user);
        String habit = newDailyHabit(user);
        assertRefused("INSERT INTO habit_completions (user_id, habit_id, completed_date, kind) VALUES (?, '" + habit
                + "', DATE '2026-01-01', 'half')", "habit_completions_kind_check", user);
        assertRefused("INSERT INTO goals (user_id, title, category) VALUES (?, 'x', 'hobby')", "goals_category_check", user);
        assertRefused("INSERT INTO users (email, plan) VALUES (?, 'gold')", "users_plan_check", "gold@example.com");
    }

    @Test
    void timesPerWeekMustBeOneToSevenAndOnlyForPerWeek() {
        String user = newUser();
        for (int n : new int[] {0, 8, -1}) {
            assertRefused("INSERT INTO habits (user_id, name, frequency, times_per_week) VALUES (?, 'x', 'per_week', " + n + ")",
                    "habits_times_per_week_check", user);
        }
        assertRefused("INSERT INTO habits (user_id, name, frequency) VALUES (?, 'x', 'per_week')",
                "habits_times_per_week_check", user);
        assertRefused("INSERT INTO habits (user_id, name, frequency, times_per_week) VALUES (?, 'x', 'daily', 3)",
                "habits_times_per_week_check", user);
        for (int n = 1; n <= 7; n++) {
            assertThat(dsl.execute("INSERT INTO habits (user_id, name, frequency, times_per_week) VALUES (?, 'x', 'per_week', "
                    + n + ")", user)).isEqualTo(1);
        }
    }

    @Test
    void specificDaysOnlyWithTheSpecificDaysFrequency() {
        String user = newUser();
        assertRefused("INSERT INTO habits (user_id, name, frequency, specific_days) VALUES (?, 'x', 'daily', '[\"Monday\"]')",
                "habits_specific_days_check", user);
        assertRefused("INSERT INTO habits (user_id, name, frequency) VALUES (?, 'x', 'specific_days')",
                "habits_specific_days_check", user);
        assertRefused("INSERT INTO habits (user_id, name, frequency, specific_days) VALUES (?, 'x', 'specific_days', '[]')",
                "habits_specific_days_check", user);
    }

    @Test
    void aDeadlineBeforeTheStartDateIsRefused() {
        String user = newUser();
        assertRefused("INSERT INTO goals (user_id, title, category, start_date, deadline) VALUES (?, 'x', 'other', "
                + "DATE '2026-05-01', DATE '2026-04-30')", "goals_deadline_check", user);
    }

    @Test
    void generatedRecordsRoundTripEveryMappedType() throws Exception {
        OffsetDateTime instant = OffsetDateTime.of(2026, 3, 29, 1, 30, 15, 123_456_000, ZoneOffset.UTC);
        UsersRecord user = dsl.newRecord(USERS);
        user.setEmail("roundtrip@example.com");
        user.setPlan(Plan.PRO);
        user.setSubscriptionStatus(SubscriptionStatus.CANCELLED);
        user.setSubscriptionExpiresAt(instant);
        user.setDayStart(LocalTime.of(4, 0));
        user.setFirstDayOfWeek(DayOfWeek.SUNDAY);
        user.store();

        HabitsRecord habit = dsl.newRecord(HABITS);
        habit.setUserId(user.getId());
        habit.setName("Gym");
        habit.setFrequency(FrequencyType.SPECIFIC_DAYS);
        habit.setSpecificDays(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        habit.setPreferredTime(LocalTime.of(6, 45));
        habit.setStatus(HabitStatus.PAUSED);
        habit.setCompletedLastAt(LocalDate.of(2024, 2, 29));
        habit.store();

        String goal = dsl.insertInto(GOALS).set(GOALS.USER_ID, user.getId()).set(GOALS.TITLE, "Ship")
                .set(GOALS.CATEGORY, GoalCategory.CAREER).set(GOALS.STATUS, GoalStatus.COMPLETED)
                .set(GOALS.START_DATE, LocalDate.of(2026, 1, 1)).set(GOALS.DEADLINE, LocalDate.of(2026, 12, 31))
                .set(GOALS.COMPLETED_AT, instant).returning(GOALS.ID).fetchOne(GOALS.ID);
        dsl.insertInto(GOAL_SUBTASKS).set(GOAL_SUBTASKS.USER_ID, user.getId()).set(GOAL_SUBTASKS.GOAL_ID, goal)
                .set(GOAL_SUBTASKS.TITLE, "Step").set(GOAL_SUBTASKS.STATUS, SubtaskStatus.IN_PROGRESS)
                .set(GOAL_SUBTASKS.ORDER, 3).execute();
        var data = JSON.readTree("{\"screen\":\"home\",\"n\":3,\"tags\":[\"a\",\"ç\"]}");
        dsl.insertInto(ANALYTICS_EVENTS).set(ANALYTICS_EVENTS.USER_ID, user.getId())
                .set(ANALYTICS_EVENTS.EVENT_NAME, "opened").set(ANALYTICS_EVENTS.EVENT_DATA, data).execute();

        UsersRecord readUser = dsl.fetchSingle(USERS, USERS.ID.eq(user.getId()));
        assertThat(readUser.getPlan()).isEqualTo(Plan.PRO);
        assertThat(readUser.getSubscriptionStatus()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(readUser.getSubscriptionExpiresAt().toInstant()).isEqualTo(instant.toInstant());
        assertThat(readUser.getDayStart()).isEqualTo(LocalTime.of(4, 0));
        assertThat(readUser.getFirstDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(readUser.getTimezone()).isEqualTo("America/Sao_Paulo");
        assertThat(readUser.getSelectedPersonality()).isEqualTo("yoda");

        HabitsRecord readHabit = dsl.fetchSingle(HABITS, HABITS.ID.eq(habit.getId()));
        assertThat(readHabit.getFrequency()).isEqualTo(FrequencyType.SPECIFIC_DAYS);
        assertThat(readHabit.getSpecificDays()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        assertThat(readHabit.getPreferredTime()).isEqualTo(LocalTime.of(6, 45));
        assertThat(readHabit.getStatus()).isEqualTo(HabitStatus.PAUSED);
        assertThat(readHabit.getCompletedLastAt()).isEqualTo(LocalDate.of(2024, 2, 29));
        // the seed's storage format of specific_days: English day names, in week order
        assertThat(dsl.select(HABITS.SPECIFIC_DAYS.coerce(JSONB.class)).from(HABITS).where(HABITS.ID.eq(habit.getId()))
                .fetchOne(0, JSONB.class).data()).isEqualTo("[\"Monday\", \"Wednesday\", \"Friday\"]");
        // preferred_time is stored as the seed's HH:MM text
        assertThat(dsl.fetchValue("SELECT preferred_time FROM habits WHERE id = ?", habit.getId())).isEqualTo("06:45");

        var readGoal = dsl.fetchSingle(GOALS, GOALS.ID.eq(goal));
        assertThat(readGoal.getCategory()).isEqualTo(GoalCategory.CAREER);
        assertThat(readGoal.getStatus()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(readGoal.getDeadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(readGoal.getCompletedAt().toInstant()).isEqualTo(instant.toInstant());
        var readSubtask = dsl.fetchSingle(GOAL_SUBTASKS, GOAL_SUBTASKS.GOAL_ID.eq(goal));
        assertThat(readSubtask.getStatus()).isEqualTo(SubtaskStatus.IN_PROGRESS);
        assertThat(readSubtask.getOrder()).isEqualTo(3);
        assertThat(dsl.fetchSingle(ANALYTICS_EVENTS, ANALYTICS_EVENTS.USER_ID.eq(user.getId())).getEventData())
                .isEqualTo(data);
    }

    private void assertRefused(String sql, String constraint, Object binding) {
        assertThatThrownBy(() -> dsl.execute(sql, binding))
                .isInstanceOf(DataAccessException.class).hasMessageContaining(constraint);
    }
}
