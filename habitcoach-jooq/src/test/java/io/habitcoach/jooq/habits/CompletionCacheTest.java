package io.habitcoach.jooq.habits;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.testing.JdbcCounter;
import io.habitcoach.jooq.users.UserUpdate;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * complete() from what an instance remembers of a habit: one auto-committed statement when nothing
 * changed since, and never a stale write when something did. Two {@link HabitCoach} instances on
 * one database play two application nodes: {@code b} changes what {@code a} remembers.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CompletionCacheTest {

    // 12:00 in São Paulo (UTC-3) on Tuesday 2026-03-10
    /**
     * The write's executions and commits: one auto-committed statement on one server; on Citus
     * (where an INSERT inside a WITH is not a router query) the update, then the inserts sent
     * together, in a transaction of their own.
     */
    private static final int WRITE = HabitCoachTestDatabase.citus() ? 2 : 1;
    private static final int WRITE_COMMITS = HabitCoachTestDatabase.citus() ? 1 : 0;

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final Recorder recorder = new Recorder();
    private final JdbcCounter counter = new JdbcCounter();
    private HabitCoach a;
    private HabitCoach b;
    private DSLContext dsl;
    private String userId;
    private String habitId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        a = HabitCoach.configure().dataSource(counter.wrap(dataSource)).clock(clock).personality(recorder).load();
        b = HabitCoach.configure().dataSource(dataSource).clock(clock).personality(recorder).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        userId = a.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                .timezone("America/Sao_Paulo").personality("recorder").language("en").build()).id();
        habitId = daily(a, "Run");
        // a remembers the habit from here on
        a.habits().complete(userId, habitId, TODAY.minusDays(4));
    }

    private String daily(HabitCoach coach, String name) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(Frequency.daily()).build()).id();
    }

    @Test
    void aRememberedHabitCompletesInOneAutoCommittedStatement() {
        counter.reset();
        Completion done = a.habits().complete(userId, habitId, TODAY.minusDays(3));
        assertThat(counter.executions.get()).as("executions").isEqualTo(WRITE);
        assertThat(counter.commits.get()).as("explicit commits").isEqualTo(WRITE_COMMITS);
        assertThat(dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.ID.eq(done.id()))).isEqualTo(1);
        assertThat(a.habits().get(userId, habitId).streak().longest()).isEqualTo(2);
        assertThat(messages(CoachEventType.HABIT_COMPLETE)).isEqualTo(2);
        assertCachesConsistent();

        // an instance that remembers nothing reads first (no lock), then writes the same way
        HabitCoach forgetful = HabitCoach.configure().dataSource(counter.dataSource).clock(clock)
                .personality(recorder).completionCacheSize(0).load();
        // a new instance's first write asks once whether the database is Citus: not counted here
        forgetful.habits().complete(userId, daily(forgetful, "Read"), TODAY);
        for (int back = 2; back >= 1; back--) {
            counter.reset();
            forgetful.habits().complete(userId, habitId, TODAY.minusDays(back));
            assertThat(counter.executions.get()).as("executions").isEqualTo(1 + WRITE);
            assertThat(counter.commits.get()).as("explicit commits").isEqualTo(WRITE_COMMITS);
        }
        assertCachesConsistent();

        // what a remembers is stale now: its write finds that out and writes nothing; the call then
        // reads the habit afresh (no lock) and writes from there, auto-committed as before
        counter.reset();
        a.habits().complete(userId, habitId, TODAY);
        // the failed write (on Citus its update alone, in a transaction of its own), the read, the write
        assertThat(counter.executions.get()).as("executions").isEqualTo(1 + 1 + WRITE);
        assertThat(counter.commits.get()).as("explicit commits").isEqualTo(2 * WRITE_COMMITS);
        assertThat(a.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(5, 5, 5, false));
        assertCachesConsistent();
    }

    @Test
    void withModelWrittenEventMessagesTheNextCompletionReadsTheRewrittenMessagesFirst(DataSource dataSource) {
        JdbcCounter counted = new JdbcCounter();
        List<Runnable> rewrites = new java.util.concurrent.CopyOnWriteArrayList<>();
        HabitCoach byModel = HabitCoach.configure().dataSource(counted.wrap(dataSource)).clock(clock)
                .personality(recorder).coachModel(prompt -> java.util.Optional.of("Rewritten: keep going."))
                .coachEventsByModel(true).coachExecutor(rewrites::add).load();
        clock.advance(java.time.Duration.ofMinutes(1));   // its messages are the newest
        byModel.habits().complete(userId, habitId, TODAY.minusDays(3));
        rewrites.forEach(Runnable::run);
        rewrites.clear();
        assertThat(lastTenMessages().get(0)).startsWith("Rewritten");
        List<String> expected = lastTenMessages();
        counted.reset();
        byModel.habits().complete(userId, habitId, TODAY.minusDays(2));
        // the last message was rewritten since: not a write that would fail on it, then the locked
        // path, but a read and the write
        assertThat(counted.executions.get()).as("executions").isEqualTo(1 + WRITE);
        assertThat(counted.commits.get()).as("explicit commits").isEqualTo(WRITE_COMMITS);
        assertThat(recorder.firstRecentOfLastCall).isEqualTo(expected);
        assertCachesConsistent();
    }

    @Test
    void aHabitIsRememberedForThirtyDaysOfTheInjectedClock() {
        clock.advance(java.time.Duration.ofDays(29));
        counter.reset();
        a.habits().complete(userId, habitId, TODAY.plusDays(29));
        assertThat(counter.executions.get()).as("remembered").isEqualTo(WRITE);
        clock.advance(java.time.Duration.ofDays(30).plusMinutes(1));
        LocalDate today = TODAY.plusDays(59);
        counter.reset();
        a.habits().complete(userId, habitId, today);
        assertThat(counter.executions.get()).as("forgotten after 30 days: read, then write").isEqualTo(1 + WRITE);
        counter.reset();
        a.habits().complete(userId, habitId, today.minusDays(1));
        assertThat(counter.executions.get()).as("remembered again").isEqualTo(WRITE);
    }

    @Test
    void completionsThroughAnotherInstanceAreCountedNotOverwritten() {
        b.habits().complete(userId, habitId, TODAY.minusDays(3));
        b.habits().complete(userId, habitId, TODAY.minusDays(2));
        a.habits().complete(userId, habitId, TODAY.minusDays(1));
        assertThat(a.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(4, 4, 4, true));
        assertCachesConsistent();
    }

    @Test
    void aDayTheOtherInstanceCompletedReturnsItsEntry() {
        Completion first = b.habits().complete(userId, habitId, TODAY);
        Completion again = a.habits().complete(userId, habitId, TODAY);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(entries()).isEqualTo(2);
        assertThat(messages(CoachEventType.HABIT_COMPLETE)).isEqualTo(2);
        assertCachesConsistent();
    }

    @Test
    void withoutWhatAnInstanceRemembersARepeatAndABackdatedDayEachLockOnce() {
        HabitCoach forgetful = HabitCoach.configure().dataSource(counter.dataSource).clock(clock)
                .personality(recorder).completionCacheSize(0).load();
        Completion first = forgetful.habits().complete(userId, habitId, TODAY);   // also the instance's Citus probe
        counter.reset();
        Completion again = forgetful.habits().complete(userId, habitId, TODAY);
        assertThat(again.id()).isEqualTo(first.id());
        // the read (the day does not extend the stored run: no write is tried), then the locked read
        // that sees the day's entry: the answer, nothing written
        assertThat(counter.executions.get()).as("executions of a repeat").isEqualTo(2);
        assertThat(counter.commits.get()).as("commits of a repeat").isEqualTo(1);
        assertThat(entries()).isEqualTo(2);

        counter.reset();
        forgetful.habits().complete(userId, habitId, TODAY.minusDays(6));   // before the stored run
        // the read, then in one transaction: the locked read, the entry, the entries and pauses (and
        // versions, when the schedule changed) of the recomputation, the habit's update, the message
        assertThat(counter.executions.get()).as("executions of a backdated day").isEqualTo(1 + 1 + 1 + 2 + 1 + 1);
        assertThat(counter.commits.get()).as("commits of a backdated day").isEqualTo(1);
        assertThat(a.habits().get(userId, habitId).streak().totalCompleted()).isEqualTo(3);
        assertCachesConsistent();
    }

    @Test
    void undoAndSkipThroughAnotherInstanceAreSeen() {
        a.habits().complete(userId, habitId, TODAY.minusDays(3));
        b.habits().undo(userId, habitId, TODAY.minusDays(3));
        b.habits().skip(userId, habitId, TODAY.minusDays(2));
        Completion done = a.habits().complete(userId, habitId, TODAY.minusDays(2));
        assertThat(done.kind()).isEqualTo(EntryKind.DONE);
        a.habits().complete(userId, habitId, TODAY.minusDays(1));
        assertThat(dsl.select(HABIT_COMPLETIONS.COMPLETED_DATE).from(HABIT_COMPLETIONS)
                .where(HABIT_COMPLETIONS.HABIT_ID.eq(habitId)).orderBy(HABIT_COMPLETIONS.COMPLETED_DATE)
                .fetch(HABIT_COMPLETIONS.COMPLETED_DATE))
                .containsExactly(TODAY.minusDays(4), TODAY.minusDays(2), TODAY.minusDays(1));
        assertCachesConsistent();
    }

    @Test
    void aHabitPausedOrArchivedElsewhereAcceptsNothing() {
        b.habits().pause(userId, habitId);
        Frozen before = frozen();
        assertThatThrownBy(() -> a.habits().complete(userId, habitId, TODAY)).isInstanceOf(HabitNotActiveException.class);
        assertThat(frozen()).isEqualTo(before);
        b.habits().resume(userId, habitId);
        a.habits().complete(userId, habitId, TODAY);   // remembered again
        b.habits().archive(userId, habitId);
        Frozen archived = frozen();
        assertThatThrownBy(() -> a.habits().complete(userId, habitId, TODAY.minusDays(1)))
                .isInstanceOf(HabitNotActiveException.class);
        assertThat(frozen()).isEqualTo(archived);
    }

    @Test
    void aRenameElsewhereIsInTheNextMessage() {
        b.habits().update(userId, habitId, HabitUpdate.builder().name("Morning run").build());
        a.habits().complete(userId, habitId, TODAY);
        assertThat(recorder.lastEventName).isEqualTo("Morning run");
        assertCachesConsistent();
    }

    @Test
    void theOwnersNewTimeZoneDecidesTheWindow() {
        // 15:00 UTC on the 10th is already the 11th in Kiritimati (UTC+14)
        b.users().update(userId, UserUpdate.builder().timezone("Pacific/Kiritimati").build());
        b.habits().update(userId, habitId, HabitUpdate.builder().name("Run!").build());   // a reads both afresh
        a.habits().complete(userId, habitId, TODAY);
        // a now remembers Kiritimati, where the 11th is today; back in São Paulo it is tomorrow
        b.users().update(userId, UserUpdate.builder().timezone("America/Sao_Paulo").build());
        Frozen before = frozen();
        assertThatThrownBy(() -> a.habits().complete(userId, habitId, TODAY.plusDays(1)))
                .isInstanceOf(CompletionWindowException.class);
        assertThat(frozen()).isEqualTo(before);
    }

    @Test
    void theOwnersNewLanguageIsTheNextMessagesLanguage() {
        b.users().update(userId, UserUpdate.builder().language("pt-BR").build());
        a.habits().complete(userId, habitId, TODAY);
        assertThat(recorder.lastLocale).isEqualTo(Locale.forLanguageTag("pt-BR"));
    }

    @Test
    void aDeletedOwnerAndAnotherUserAreNotFound() {
        String stranger = a.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        assertThatThrownBy(() -> a.habits().complete(stranger, habitId, TODAY)).isInstanceOf(NotFoundException.class);
        b.users().delete(userId);
        Frozen before = frozen();
        assertThatThrownBy(() -> a.habits().complete(userId, habitId, TODAY)).isInstanceOf(NotFoundException.class);
        assertThat(frozen()).isEqualTo(before);
    }

    @Test
    void thePersonalityAlwaysSeesTheOwnersLastTenMessages() {
        String read = daily(b, "Read");
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            LocalDate day = TODAY.minusDays(random.nextInt(8));
            HabitCoach coach = random.nextBoolean() ? a : b;
            String habit = random.nextInt(3) == 0 ? read : habitId;
            List<String> expected = lastTenMessages();
            int calls = recorder.calls.get();
            if (random.nextInt(4) == 0) {
                coach.habits().undo(userId, habit, day);
                continue;
            }
            coach.habits().complete(userId, habit, day);
            if (recorder.calls.get() > calls) {
                assertThat(recorder.firstRecentOfLastCall).as("call %d", i).isEqualTo(expected);
            }
        }
        assertCachesConsistent();
    }

    @Test
    void twoInstancesCompletingAndUndoingTheSameDaysKeepTheCachesExact() throws Exception {
        HabitChecks.completeAndUndoFromEightThreads(List.of(a, b), dsl, userId, habitId, TODAY);
    }

    @Test
    void aPoolThatHandsOutConnectionsWithoutAutoCommitStillCommitsTheWrite(HabitCoachTestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        try (HikariDataSource manual = new HikariDataSource(config)) {
            HabitCoach coach = HabitCoach.configure().dataSource(manual).clock(clock).personality(recorder).load();
            coach.habits().complete(userId, habitId, TODAY.minusDays(3));
            Completion cached = coach.habits().complete(userId, habitId, TODAY.minusDays(2));
            assertThat(dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.ID.eq(cached.id()))).isEqualTo(1);
            // the pool's one connection went back as it was handed out, and still works in a transaction
            coach.habits().undo(userId, habitId, TODAY.minusDays(2));
            assertThat(dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.ID.eq(cached.id()))).isZero();
            assertCachesConsistent();
        }
    }

    @Test
    void aNegativeCacheSizeIsRefused(DataSource dataSource) {
        assertThatThrownBy(() -> HabitCoach.configure().dataSource(dataSource).completionCacheSize(-1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("completionCacheSize"));
    }

    private int entries() {
        return dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.HABIT_ID.eq(habitId));
    }

    private int messages(CoachEventType type) {
        return dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.USER_ID.eq(userId).and(AI_MESSAGES.MESSAGE_TYPE.eq(type)));
    }

    private List<String> lastTenMessages() {
        return dsl.select(AI_MESSAGES.MESSAGE).from(AI_MESSAGES).where(AI_MESSAGES.USER_ID.eq(userId))
                .orderBy(AI_MESSAGES.CREATED_AT.desc(), AI_MESSAGES.ID.desc()).limit(10).fetch(AI_MESSAGES.MESSAGE);
    }

    /** Everything a refused call must leave as it was. */
    private record Frozen(Object habit, int entries, int messages) {
    }

    private Frozen frozen() {
        return new Frozen(dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId)).intoMap(), entries(),
                dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.USER_ID.eq(userId)));
    }

    private void assertCachesConsistent() {
        HabitChecks.assertConsistent(dsl, habitId, TODAY);
    }

    /** A personality whose every message is new, and which remembers what it was shown. */
    static final class Recorder implements CoachPersonality {
        final AtomicInteger calls = new AtomicInteger();
        volatile List<String> firstRecentOfLastCall;
        volatile String lastEventName;
        volatile Locale lastLocale;

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public String displayName(Locale locale) {
            return "Recorder";
        }

        @Override
        public String systemPrompt(Locale locale) {
            return "You record.";
        }

        @Override
        public String message(CoachEvent event, CoachContext context) {
            calls.incrementAndGet();
            lastLocale = context.locale();
            if (event instanceof CoachEvent.HabitCompleted completed) {
                // the completion's message comes first: its recent list is the stored one
                firstRecentOfLastCall = List.copyOf(context.recentMessages());
                lastEventName = completed.habitName();
            }
            return event.type().code() + " " + UUID.randomUUID();
        }
    }
}
