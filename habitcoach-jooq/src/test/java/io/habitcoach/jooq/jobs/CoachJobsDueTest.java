package io.habitcoach.jooq.jobs;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.HabitUpdate;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.UserUpdate;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18: the jobs find their work through {@code habits.next_check_at} and {@code users.next_weekly_at};
 * every change that moves when a period closes moves the instant; a period is looked at once, never
 * forgotten, across DST gaps and overlaps; nothing due costs one index probe.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsDueTest {

    // Tuesday 10 March 2026, 12:00 UTC: 09:00 in São Paulo (UTC-3), whose day closes at 03:00 UTC.
    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private DataSource dataSource;
    private HabitCoach coach;
    private DSLContext dsl;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        // The counts of due rows are global: each test starts from an empty database.
        dsl.execute("TRUNCATE users CASCADE");
    }

    private String user(String zone, LocalTime dayStart) {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(zone)
                .dayStart(dayStart).language("en").build()).id();
    }

    private String habit(String userId, Frequency frequency) {
        return coach.habits().create(userId, NewHabit.builder().name("Run").frequency(frequency).build()).id();
    }

    private Instant nextCheck(String habitId) {
        OffsetDateTime at = dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId)).getNextCheckAt();
        return at == null ? null : at.toInstant();
    }

    private Instant nextWeekly(String userId) {
        return dsl.fetchSingle(USERS, USERS.ID.eq(userId)).getNextWeeklyAt().toInstant();
    }

    private Set<String> failKeys(String habitId) {
        return new HashSet<>(dsl.select(AI_MESSAGES.EVENT_KEY).from(AI_MESSAGES).where(AI_MESSAGES.HABIT_ID.eq(habitId))
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_FAIL)).fetch(AI_MESSAGES.EVENT_KEY));
    }

    @Test
    void aHabitIsDueWhenItsPeriodClosesAndNothingElseIs() {
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String run = habit(userId, Frequency.daily());
        assertThat(nextCheck(run)).isEqualTo("2026-03-11T03:00:00Z");

        CoachJobResult idle = coach.jobs().sweepMissed(Instant.parse("2026-03-11T02:59:59Z"));
        assertThat(idle.due()).isZero();
        assertThat(idle.habitsProcessed()).isZero();
        assertThat(idle.batches()).isZero();

        CoachJobResult closed = coach.jobs().sweepMissed(Instant.parse("2026-03-11T03:00:00Z"));
        assertThat(closed.due()).isEqualTo(1);
        assertThat(closed.habitsProcessed()).isEqualTo(1);
        assertThat(closed.eventsRaised()).isEqualTo(1);
        assertThat(failKeys(run)).containsExactly("habit_fail:" + run + ":2026-03-10");
        assertThat(nextCheck(run)).isEqualTo("2026-03-12T03:00:00Z");

        CoachJobResult again = coach.jobs().sweepMissed(Instant.parse("2026-03-11T12:00:00Z"));
        assertThat(again.due()).isZero();
        assertThat(again.eventsRaised()).isZero();

        // The weekly analysis: due when the user's ISO week closes (Monday 16 March, 03:00 UTC).
        assertThat(nextWeekly(userId)).isBefore(clock.instant());   // a new user: timed by the first run
        assertThat(coach.jobs().weeklyAnalysis(Instant.parse("2026-03-11T12:00:00Z")).due()).isEqualTo(1);
        assertThat(nextWeekly(userId)).isEqualTo("2026-03-16T03:00:00Z");
        assertThat(coach.jobs().weeklyAnalysis(Instant.parse("2026-03-16T02:59:59Z")).due()).isZero();
        CoachJobResult week = coach.jobs().weeklyAnalysis(Instant.parse("2026-03-16T03:00:00Z"));
        assertThat(week.due()).isEqualTo(1);
        assertThat(week.eventsRaised()).isEqualTo(1);
        assertThat(nextWeekly(userId)).isEqualTo("2026-03-23T03:00:00Z");
    }

    @Test
    void scheduleAndStatusChangesMoveTheDueInstant() {
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String habitId = habit(userId, Frequency.daily());
        assertThat(nextCheck(habitId)).isEqualTo("2026-03-11T03:00:00Z");
        coach.habits().update(userId, habitId, HabitUpdate.builder().frequency(Frequency.timesPerWeek(3)).build());
        assertThat(nextCheck(habitId)).as("the ISO week closes").isEqualTo("2026-03-16T03:00:00Z");
        coach.habits().update(userId, habitId,
                HabitUpdate.builder().frequency(Frequency.specificDays(DayOfWeek.FRIDAY)).build());
        assertThat(nextCheck(habitId)).as("Friday the 13th closes").isEqualTo("2026-03-14T03:00:00Z");
        coach.habits().pause(userId, habitId);
        assertThat(nextCheck(habitId)).as("paused, no streak: never due").isNull();
        coach.habits().resume(userId, habitId);
        assertThat(nextCheck(habitId)).isEqualTo("2026-03-14T03:00:00Z");
        coach.habits().archive(userId, habitId);
        assertThat(nextCheck(habitId)).as("archived, no streak: never due").isNull();

        // A paused habit with a streak is due when the streak's next due day closes (to refresh the cache).
        String streak = habit(userId, Frequency.daily());
        coach.habits().complete(userId, streak, LocalDate.of(2026, 3, 9));
        coach.habits().complete(userId, streak, LocalDate.of(2026, 3, 10));
        coach.habits().pause(userId, streak);
        var row = dsl.fetchSingle(HABITS, HABITS.ID.eq(streak));
        if (row.getCurrentStreak() > 0 && row.getStreakNextDue() != null) {
            assertThat(nextCheck(streak)).isEqualTo(UserDay.of("America/Sao_Paulo", LocalTime.MIDNIGHT)
                    .startOf(row.getStreakNextDue().plusDays(1)));
        } else {
            assertThat(nextCheck(streak)).isNull();
        }

        // A period that closed and waits for the job keeps its place through a change.
        String pending = habit(userId, Frequency.daily());
        clock.set("2026-03-11T03:01:00Z");
        coach.habits().update(userId, pending, HabitUpdate.builder().frequency(Frequency.timesPerWeek(2)).build());
        assertThat(nextCheck(pending)).isEqualTo("2026-03-11T03:00:00Z");
        coach.jobs().sweepMissed(Instant.parse("2026-03-11T03:01:00Z"));
        assertThat(nextCheck(pending)).as("then the job times it by the new schedule")
                .isEqualTo("2026-03-16T03:00:00Z");
    }

    @Test
    void aChangeOfZoneDayStartOrFirstDayOfWeekMovesTheDueInstants() {
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String daily = habit(userId, Frequency.daily());
        String weekly = habit(userId, Frequency.timesPerWeek(2));
        Instant now = clock.instant();
        coach.jobs().weeklyAnalysis(now);
        assertThat(nextWeekly(userId)).isEqualTo("2026-03-16T03:00:00Z");

        coach.users().update(userId, UserUpdate.builder().timezone("Asia/Tokyo").build());
        assertThat(nextCheck(daily)).as("due at the next run").isBeforeOrEqualTo(now);
        assertThat(nextWeekly(userId)).isBeforeOrEqualTo(now);
        CoachJobResult sweep = coach.jobs().sweepMissed(now);
        assertThat(sweep.habitsProcessed()).isEqualTo(2);
        assertThat(sweep.eventsRaised()).as("nothing of Tokyo's closed since the habits exist").isZero();
        // 21:00 in Tokyo: the day closes at 15:00 UTC, the ISO week on Sunday 15 March, 15:00 UTC.
        assertThat(nextCheck(daily)).isEqualTo("2026-03-10T15:00:00Z");
        assertThat(nextCheck(weekly)).isEqualTo("2026-03-15T15:00:00Z");
        coach.jobs().weeklyAnalysis(now);
        assertThat(nextWeekly(userId)).isEqualTo("2026-03-15T15:00:00Z");

        coach.users().update(userId, UserUpdate.builder().dayStart(LocalTime.of(10, 0)).build());
        coach.jobs().sweepMissed(now);
        assertThat(nextCheck(daily)).as("Tokyo, day from 10:00").isEqualTo("2026-03-11T01:00:00Z");

        coach.users().update(userId, UserUpdate.builder().firstDayOfWeek(DayOfWeek.WEDNESDAY).build());
        coach.jobs().sweepMissed(now);
        coach.jobs().weeklyAnalysis(now);
        // Tuesday 10 March in Tokyo is the last day of the week Wednesday 4 to Tuesday 10, which closes when
        // Tuesday's day ends: Wednesday 11 March at 10:00 in Tokyo.
        assertThat(nextCheck(weekly)).isEqualTo("2026-03-11T01:00:00Z");
        assertThat(nextWeekly(userId)).isEqualTo("2026-03-11T01:00:00Z");
        assertThat(nextCheck(daily)).isEqualTo("2026-03-11T01:00:00Z");
        assertThat(coach.jobs().sweepMissed(now).due()).isZero();
    }

    @Test
    void aDeletedUsersHabitsLeaveTheDueIndex() {
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String run = habit(userId, Frequency.daily());
        coach.users().delete(userId);
        CoachJobResult result = coach.jobs().sweepMissed(Instant.parse("2026-03-12T12:00:00Z"));
        assertThat(result.due()).isEqualTo(1);
        assertThat(result.eventsRaised()).isZero();
        assertThat(nextCheck(run)).isNull();
        assertThat(coach.jobs().sweepMissed(Instant.parse("2026-03-20T12:00:00Z")).due()).isZero();
        assertThat(coach.jobs().weeklyAnalysis(Instant.parse("2026-03-20T12:00:00Z")).due()).isZero();
    }

    /**
     * Sweeps every 30 simulated minutes across a DST change: each habit is looked at exactly once per
     * period that closed (the checks add up to the closes), and every missed period has its event,
     * once.
     */
    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, 02:30, 2026-03-27T12:00:00Z",       // spring forward: 02:30 does not exist on the 29th
            "America/New_York, 01:30, 2026-10-30T12:00:00Z",    // fall back: 01:30 happens twice on 1 November
            "Australia/Lord_Howe, 00:00, 2026-10-02T12:00:00Z", // a 30-minute shift, at 02:00 on 4 October
            "Pacific/Kiritimati, 04:00, 2026-03-07T12:00:00Z"})
    void eachPeriodIsLookedAtOnceAndNoneIsForgottenAcrossDst(String zone, LocalTime dayStart, Instant start) {
        clock.set(start);
        String userId = user(zone, dayStart);
        List<Frequency> frequencies = List.of(Frequency.daily(),
                Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                Frequency.timesPerWeek(2));
        List<String> habits = new ArrayList<>();
        for (Frequency f : frequencies) {
            habits.add(habit(userId, f));
        }
        UserDay userDay = UserDay.of(zone, dayStart);
        Instant end = start.plus(Duration.ofDays(8));
        int checks = 0;
        for (Instant t = start; !t.isAfter(end); t = t.plus(Duration.ofMinutes(30))) {
            checks += coach.jobs().sweepMissed(t).habitsProcessed();
        }
        // The periods that closed in (start, end] (the last sweep ran at end), by core's UserDay.
        int closes = 0;
        LocalDate created = userDay.dateOf(start);
        for (int i = 0; i < habits.size(); i++) {
            Frequency f = frequencies.get(i);
            Set<String> expected = new HashSet<>();
            for (LocalDate d = created; userDay.startOf(d.plusDays(1)).compareTo(end) <= 0; d = d.plusDays(1)) {
                if (f instanceof Frequency.TimesPerWeek) {
                    CalendarWeek week = CalendarWeek.containing(d, DayOfWeek.MONDAY);
                    if (d.equals(week.end())) {
                        closes++;
                        expected.add("habit_fail:" + habits.get(i) + ":" + week.start());
                    }
                } else if (f.countsOn(d.getDayOfWeek())) {
                    closes++;
                    expected.add("habit_fail:" + habits.get(i) + ":" + d);
                }
            }
            assertThat(failKeys(habits.get(i))).as("%s in %s", f, zone).isEqualTo(expected);
        }
        assertThat(checks).as("looks at the habits in %s", zone).isEqualTo(closes);
    }

    @Test
    void twoRunsAtOnceClaimEachDueHabitOnce() throws Exception {
        List<String> habits = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            String userId = user(u % 2 == 0 ? "America/Sao_Paulo" : "Asia/Tokyo", LocalTime.MIDNIGHT);
            for (int h = 0; h < 5; h++) {
                habits.add(habit(userId, Frequency.daily()));
            }
        }
        HabitCoach other = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        Instant asOf = Instant.parse("2026-03-12T12:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CoachJobResult>> runs = new ArrayList<>();
            for (HabitCoach node : List.of(coach, other)) {
                runs.add(pool.submit(() -> node.jobs().withBatchSizes(7, 3).withChunkSize(11).sweepMissed(asOf)));
            }
            int claimed = 0;
            int raised = 0;
            for (Future<CoachJobResult> run : runs) {
                CoachJobResult result = run.get(60, TimeUnit.SECONDS);
                claimed += result.habitsProcessed();
                raised += result.eventsRaised();
            }
            assertThat(claimed).isEqualTo(habits.size());
            assertThat(raised).isEqualTo(habits.size());
            assertThat(dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_FAIL)))
                    .isEqualTo(habits.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
