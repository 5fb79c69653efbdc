package io.habitcoach.jooq.jobs;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.core.streak.DayOutcome;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.PauseRange;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.core.streak.WeeklyReport;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Running a job twice, or on two nodes at once, stores every event exactly once; and the sweep's
 * "missed" agrees with core's weekly report for every habit.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsConcurrencyTest {

    // Sunday 15 March 2026, 12:00 UTC, then Monday the 16th: ISO weeks close in between for everyone.
    private static final Instant FIRST = Instant.parse("2026-03-15T12:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-03-16T12:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-02-01T12:00:00Z");

    @Test
    void eachEventIsStoredOnceHoweverTheJobsOverlap(DataSource dataSource) throws Exception {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        HabitCoach nodeA = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        HabitCoach nodeB = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        List<String> users = seed(nodeA, dsl, new Random(7));

        // Twice in a row: the second run finds nothing left to raise.
        Map<String, Integer> firstMisses = expectedMisses(dsl, FIRST);
        Set<String> firstExpected = firstMisses.keySet();
        CoachJobResult sweep = nodeA.jobs().withChunkSize(5).sweepMissed(FIRST);
        assertThat(sweep.eventsRaised()).isEqualTo(firstExpected.size());
        assertThat(failKeys(dsl)).isEqualTo(firstExpected);
        assertPreviousStreaks(dsl, firstMisses);
        assertThat(nodeA.jobs().sweepMissed(FIRST).eventsRaised()).isZero();
        int weekly = nodeA.jobs().weeklyAnalysis(FIRST).eventsRaised();
        assertThat(weekly).isPositive();
        assertThat(nodeA.jobs().weeklyAnalysis(FIRST).eventsRaised()).isZero();

        // Two nodes at once, small chunks and batches so that they interleave: every event once, none lost.
        Map<String, Integer> secondMisses = expectedMisses(dsl, SECOND);
        Set<String> secondExpected = secondMisses.keySet();
        assertThat(secondExpected).isNotEmpty();
        int before = count(dsl, CoachEventType.HABIT_FAIL);
        List<CoachJobResult> sweeps = together(
                node -> node.jobs().withBatchSizes(16, 4).withChunkSize(7).sweepMissed(SECOND), nodeA, nodeB);
        Set<String> all = new HashSet<>(firstExpected);
        all.addAll(secondExpected);
        // A week that closed for Kiritimati before the first run is still the latest closed one now.
        int fresh = all.size() - firstExpected.size();
        assertThat(failKeys(dsl)).isEqualTo(all);
        assertThat(count(dsl, CoachEventType.HABIT_FAIL) - before).isEqualTo(fresh);
        assertThat(sweeps.stream().mapToInt(CoachJobResult::eventsRaised).sum()).isEqualTo(fresh);
        assertPreviousStreaks(dsl, secondMisses);

        int weeklyBefore = count(dsl, CoachEventType.WEEKLY_ANALYSIS);
        List<CoachJobResult> analyses = together(
                node -> node.jobs().withBatchSizes(16, 4).withChunkSize(7).weeklyAnalysis(SECOND), nodeA, nodeB);
        int raised = analyses.stream().mapToInt(CoachJobResult::eventsRaised).sum();
        assertThat(count(dsl, CoachEventType.WEEKLY_ANALYSIS) - weeklyBefore).isEqualTo(raised);
        for (String userId : users) {
            UsersRecord user = dsl.fetchSingle(USERS, USERS.ID.eq(userId));
            LocalDate today = Days.userDay(user).dateOf(SECOND);
            String key = "weekly:" + CalendarWeek.containing(today, user.getFirstDayOfWeek()).previous().start();
            assertThat(dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.USER_ID.eq(userId).and(AI_MESSAGES.EVENT_KEY.eq(key))))
                    .as(key).isEqualTo(1);
        }
        assertThat(nodeB.jobs().sweepMissed(SECOND).eventsRaised()).isZero();
        assertThat(nodeB.jobs().weeklyAnalysis(SECOND).eventsRaised()).isZero();
    }

    /** Runs the job on both nodes at the same moment and returns both results. */
    private static List<CoachJobResult> together(Function<HabitCoach, CoachJobResult> job, HabitCoach... nodes)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CoachJobResult>> futures = new ArrayList<>();
            for (HabitCoach node : nodes) {
                futures.add(pool.submit(() -> {
                    if (!start.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the start signal did not come");
                    }
                    return job.apply(node);
                }));
            }
            start.countDown();
            List<CoachJobResult> results = new ArrayList<>();
            for (Future<CoachJobResult> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(DSLContext dsl, CoachEventType type) {
        return dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.MESSAGE_TYPE.eq(type));
    }

    private static Set<String> failKeys(DSLContext dsl) {
        return new HashSet<>(dsl.select(AI_MESSAGES.EVENT_KEY).from(AI_MESSAGES)
                .where(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_FAIL)).fetch(AI_MESSAGES.EVENT_KEY));
    }

    /** 36 users in three zones with a daily, a Mon/Wed/Fri and a 3-a-week habit each, random histories. */
    private List<String> seed(HabitCoach coach, DSLContext dsl, Random random) {
        String[] zones = {"America/Sao_Paulo", "Asia/Tokyo", "Pacific/Kiritimati"};
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 36; u++) {
            String zone = zones[u % zones.length];
            LocalTime dayStart = u % 4 == 0 ? LocalTime.of(4, 0) : LocalTime.MIDNIGHT;
            String userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                    .timezone(zone).dayStart(dayStart).language(u % 2 == 0 ? "en" : "pt-BR").build()).id();
            users.add(userId);
            UserDay userDay = UserDay.of(zone, dayStart);
            LocalDate from = userDay.dateOf(clock.instant());
            // Entries up to today at the second run: some users log today before the sweep comes by.
            LocalDate to = userDay.dateOf(SECOND);
            for (Frequency frequency : List.of(Frequency.daily(),
                    Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                    Frequency.timesPerWeek(3))) {
                String habitId = coach.habits().create(userId, NewHabit.builder().name("Habit " + frequency.type())
                        .frequency(frequency).build()).id();
                List<LocalDate> done = new ArrayList<>();
                List<LocalDate> skipped = new ArrayList<>();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    double r = random.nextDouble();
                    if (r < 0.6) {
                        done.add(d);
                    } else if (r < 0.65) {
                        skipped.add(d);
                    }
                }
                List<PauseRange> pauses = random.nextInt(6) == 0
                        ? List.of(new PauseRange(to.minusDays(4), to.minusDays(1))) : List.of();
                JobFixtures.history(dsl, habitId, done, skipped, pauses, to);
            }
        }
        return users;
    }

    /**
     * The habit_fail keys the sweep must raise at {@code asOf}, by core's rules: active habits whose
     * latest closed period is MISSED in core's weekly report (a day), or whose last week has
     * {@code missed > 0} (per week).
     */
    private static Map<String, Integer> expectedMisses(DSLContext dsl, Instant asOf) {
        Map<String, Integer> keys = new HashMap<>();
        for (var row : dsl.select().from(HABITS).join(USERS).on(USERS.ID.eq(HABITS.USER_ID))
                .where(HABITS.STATUS.eq(HabitStatus.ACTIVE)).fetch()) {
            HabitsRecord h = row.into(HABITS);
            UsersRecord user = row.into(USERS);
            UserDay userDay = Days.userDay(user);
            LocalDate today = userDay.dateOf(asOf);
            HabitHistory history = HabitRows.history(dsl, h, user.getFirstDayOfWeek()).toBuilder()
                    .startDate(userDay.dateOf(h.getCreatedAt().toInstant())).build();
            if (h.getFrequency() == io.habitcoach.core.schedule.FrequencyType.PER_WEEK) {
                CalendarWeek last = CalendarWeek.containing(today, user.getFirstDayOfWeek()).previous();
                if (WeeklyReport.of(history, last, today).missed() > 0) {
                    keys.put("habit_fail:" + h.getId() + ":" + last.start(), streakAsOf(history, last.start(), last.end()));
                }
            } else {
                LocalDate yesterday = today.minusDays(1);
                CalendarWeek week = CalendarWeek.containing(yesterday, user.getFirstDayOfWeek());
                DayOutcome outcome = WeeklyReport.of(history, week, today).days()
                        .get((int) (yesterday.toEpochDay() - week.start().toEpochDay()));
                if (outcome == DayOutcome.MISSED) {
                    keys.put("habit_fail:" + h.getId() + ":" + yesterday, streakAsOf(history, yesterday, yesterday));
                }
            }
        }
        return keys;
    }

    /** The streak as of {@code period} (still open) over the entries up to {@code periodEnd}: what a miss ends. */
    private static int streakAsOf(HabitHistory history, LocalDate period, LocalDate periodEnd) {
        HabitHistory upTo = HabitHistory.builder(history.schedule())
                .done(history.doneDates().stream().filter(d -> !d.isAfter(periodEnd)).toList())
                .skipped(history.skippedDates().stream().filter(d -> !d.isAfter(periodEnd)).toList())
                .pauses(history.pauses()).build();
        return Streaks.state(upTo).asOf(history.schedule(), period).current();
    }

    /** Every stored habit_fail states the streak its miss ended, as core computes it. */
    private static void assertPreviousStreaks(DSLContext dsl, Map<String, Integer> expected) {
        for (var m : dsl.selectFrom(AI_MESSAGES).where(AI_MESSAGES.EVENT_KEY.in(expected.keySet())).fetch()) {
            var facts = m.getFacts();
            int stated = facts.has("previous_streak_days") ? facts.get("previous_streak_days").asInt()
                    : facts.get("previous_streak_weeks").asInt();
            assertThat(stated).as(m.getEventKey()).isEqualTo(expected.get(m.getEventKey()));
        }
    }
}
