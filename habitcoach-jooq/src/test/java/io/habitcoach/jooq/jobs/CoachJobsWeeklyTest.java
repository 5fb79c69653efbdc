package io.habitcoach.jooq.jobs;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.coach.StreakUnit;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.core.streak.PauseRange;
import io.habitcoach.jooq.schema.tables.records.AiMessagesRecord;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CoachJobs#weeklyAnalysis}: the event equals core's weekly report over the same data. */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsWeeklyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.at("2026-03-01T15:00:00Z");
    private HabitCoach coach;
    private DSLContext dsl;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String user(String zone, LocalTime dayStart, DayOfWeek firstDay) {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(zone)
                .dayStart(dayStart).firstDayOfWeek(firstDay).language("en").build()).id();
    }

    private String habit(String userId, String name, Frequency frequency) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(frequency).build()).id();
    }

    private List<AiMessagesRecord> weekly(String userId) {
        return dsl.selectFrom(AI_MESSAGES).where(AI_MESSAGES.USER_ID.eq(userId))
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.WEEKLY_ANALYSIS)).orderBy(AI_MESSAGES.EVENT_KEY)
                .fetch();
    }

    private static JsonNode json(WeeklyAnalysis event) throws Exception {
        return JSON.readTree(event.facts().toJson());
    }

    @Test
    void aHandMadeWeek() throws Exception {
        // São Paulo, ISO weeks. The week 2 to 8 March 2026 closes at 03:00 UTC on Monday the 9th.
        clock.set("2026-03-02T03:00:00Z");                 // Monday 00:00 in São Paulo
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT, DayOfWeek.MONDAY);
        String daily = habit(userId, "Run", Frequency.daily());
        String perWeek = habit(userId, "Swim", Frequency.timesPerWeek(3));
        String mwf = habit(userId, "Read", Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        clock.set("2026-03-08T15:00:00Z");
        for (int d : new int[] {0, 1, 2, 6}) {             // Run: Mon Tue Wed and Sun done, Thu skipped
            coach.habits().complete(userId, daily, monday.plusDays(d));
        }
        coach.habits().skip(userId, daily, monday.plusDays(3));
        for (int d = 0; d < 5; d++) {                      // Swim: five times, three count
            coach.habits().complete(userId, perWeek, monday.plusDays(d));
        }
        coach.habits().complete(userId, mwf, monday);      // Read: Mon and Fri, not Wed
        coach.habits().complete(userId, mwf, monday.plusDays(4));

        coach.jobs().weeklyAnalysis(Instant.parse("2026-03-09T02:59:59Z"));
        assertThat(weekly(userId)).isEmpty();   // the habits began with this week, which is still open
        clock.set("2026-03-09T03:00:00Z");
        CoachJobResult result = coach.jobs().weeklyAnalysis();
        assertThat(result.eventsRaised()).isGreaterThanOrEqualTo(1);

        List<AiMessagesRecord> events = weekly(userId);
        assertThat(events).extracting(AiMessagesRecord::getEventKey).containsExactly("weekly:2026-03-02");
        // Run's skipped Thursday is not scheduled: 6 due days for Run, 12 in all
        WeeklyAnalysis expected = new WeeklyAnalysis(monday, 12, 9, 1, 3, 9 / 12.0, DayOfWeek.MONDAY,
                DayOfWeek.SATURDAY, List.of(
                        new WeeklyAnalysis.HabitLine("Run", 4, 6, 1, StreakUnit.DAYS),
                        new WeeklyAnalysis.HabitLine("Swim", 3, 3, 1, StreakUnit.WEEKS),
                        new WeeklyAnalysis.HabitLine("Read", 2, 3, 1, StreakUnit.DAYS)));
        assertThat(events.get(0).getFacts()).isEqualTo(json(expected));
        assertThat(events.get(0).getFacts()).isEqualTo(json(JobFixtures.expectedWeek(dsl, userId,
                Instant.parse("2026-03-09T03:00:00Z"))));
        assertThat(events.get(0).getMessage()).contains("9 of 12");

        coach.jobs().weeklyAnalysis(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(weekly(userId)).hasSize(1);
    }

    @Test
    void eachUsersWeekClosesByTheirFirstDayZoneAndDayStart() {
        clock.set("2026-02-20T15:00:00Z");
        String tokyo = user("Asia/Tokyo", LocalTime.MIDNIGHT, DayOfWeek.MONDAY);
        String sunday = user("America/Sao_Paulo", LocalTime.MIDNIGHT, DayOfWeek.SUNDAY);
        String owl = user("America/Sao_Paulo", LocalTime.of(4, 0), DayOfWeek.MONDAY);
        for (String userId : List.of(tokyo, sunday, owl)) {
            habit(userId, "Run", Frequency.daily());
        }
        record Step(String instant, String tokyo, String sunday, String owl) {
        }
        // The latest week each user has an analysis of, after a run at each instant.
        List<Step> steps = List.of(
                new Step("2026-03-07T12:00:00Z", "2026-02-23", "2026-02-22", "2026-02-23"),
                new Step("2026-03-08T02:59:59Z", "2026-02-23", "2026-02-22", "2026-02-23"),
                new Step("2026-03-08T03:00:00Z", "2026-02-23", "2026-03-01", "2026-02-23"),  // SP Sunday 00:00
                new Step("2026-03-08T14:59:59Z", "2026-02-23", "2026-03-01", "2026-02-23"),
                new Step("2026-03-08T15:00:00Z", "2026-03-02", "2026-03-01", "2026-02-23"),  // Tokyo Monday 00:00
                new Step("2026-03-09T06:59:59Z", "2026-03-02", "2026-03-01", "2026-02-23"),
                new Step("2026-03-09T07:00:00Z", "2026-03-02", "2026-03-01", "2026-03-02")); // SP Monday 04:00
        for (Step step : steps) {
            coach.jobs().weeklyAnalysis(Instant.parse(step.instant()));
            assertThat(latest(tokyo)).as("tokyo at %s", step.instant()).isEqualTo("weekly:" + step.tokyo());
            assertThat(latest(sunday)).as("sunday weeks at %s", step.instant()).isEqualTo("weekly:" + step.sunday());
            assertThat(latest(owl)).as("night owl at %s", step.instant()).isEqualTo("weekly:" + step.owl());
        }
        assertThat(weekly(tokyo)).hasSize(2);
    }

    private String latest(String userId) {
        List<AiMessagesRecord> events = weekly(userId);
        return events.isEmpty() ? null : events.get(events.size() - 1).getEventKey();
    }

    @Test
    void everyUsersAnalysisEqualsCoresReportOverTheWholeHistory() throws Exception {
        Random random = new Random(20260309);
        Instant first = Instant.parse("2026-03-09T12:00:00Z");
        List<Instant> runs = List.of(first, first.plus(Duration.ofHours(87)), first.plus(Duration.ofHours(173)),
                first.plus(Duration.ofHours(270)));
        String[] zones = {"America/Sao_Paulo", "Asia/Tokyo", "Pacific/Kiritimati", "Europe/Berlin", "America/New_York"};
        DayOfWeek[] firstDays = {DayOfWeek.MONDAY, DayOfWeek.SUNDAY, DayOfWeek.SATURDAY, DayOfWeek.WEDNESDAY};
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 32; u++) {
            clock.set(first.minus(Duration.ofDays(200)));
            String zone = zones[random.nextInt(zones.length)];
            LocalTime dayStart = random.nextInt(3) == 0 ? LocalTime.of(4, 0) : LocalTime.MIDNIGHT;
            String userId = user(zone, dayStart, firstDays[random.nextInt(firstDays.length)]);
            users.add(userId);
            UserDay userDay = UserDay.of(zone, dayStart);
            // Entries up to this user's today at one of the runs: later runs see a history that stops,
            // earlier runs one that goes on after their today (both must match core).
            Instant until = runs.get(random.nextInt(runs.size()));
            LocalDate lastDay = userDay.dateOf(until);
            int habits = 1 + random.nextInt(5);
            for (int k = 0; k < habits; k++) {
                Instant created = first.minus(random.nextInt(8) == 0
                        ? Duration.ofHours(1 + random.nextInt(240)) : Duration.ofDays(20 + random.nextInt(150)));
                clock.set(created);
                Frequency frequency = frequency(random);
                String habitId = habit(userId, "Habit " + k, frequency);
                seed(random, habitId, frequency, userDay.dateOf(created), lastDay);
                if (random.nextInt(12) == 0) {
                    clock.set(until);
                    coach.habits().archive(userId, habitId);
                }
            }
        }
        int checked = 0;
        for (Instant asOf : runs) {
            coach.jobs().withBatchSizes(500, 7).withChunkSize(6).weeklyAnalysis(asOf);
            for (String userId : users) {
                WeeklyAnalysis expected = JobFixtures.expectedWeek(dsl, userId, asOf);
                if (expected == null) {
                    assertThat(weekly(userId)).as("no habit in the week, no analysis").allMatch(m ->
                            !m.getEventKey().equals("weekly:" + lastWeekStart(userId, asOf)));
                    continue;
                }
                AiMessagesRecord stored = dsl.selectFrom(AI_MESSAGES).where(AI_MESSAGES.USER_ID.eq(userId))
                        .and(AI_MESSAGES.EVENT_KEY.eq("weekly:" + expected.weekStart())).fetchOne();
                assertThat(stored).as("analysis of %s for %s", userId, expected.weekStart()).isNotNull();
                assertThat(stored.getFacts()).as("facts of %s for %s", userId, expected.weekStart())
                        .isEqualTo(json(expected));
                checked++;
            }
            assertThat(coach.jobs().weeklyAnalysis(asOf).eventsRaised()).isZero();
        }
        assertThat(checked).isGreaterThan(60);
    }

    private String lastWeekStart(String userId, Instant asOf) {
        User user = coach.users().get(userId);
        LocalDate today = UserDay.of(user.timezone().getId(), user.dayStart()).dateOf(asOf);
        return CalendarWeek.containing(today, user.firstDayOfWeek()).previous().start().toString();
    }

    private static Frequency frequency(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return Frequency.daily();
            case 1:
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                while (days.isEmpty()) {
                    for (DayOfWeek day : DayOfWeek.values()) {
                        if (random.nextInt(3) == 0) {
                            days.add(day);
                        }
                    }
                }
                return Frequency.specificDays(days);
            default:
                return Frequency.timesPerWeek(1 + random.nextInt(5));
        }
    }

    /**
     * A history with streaks of every length: a diligence per habit, occasional skips, done days on
     * unscheduled weekdays, closed pauses, and sometimes a pause that has not ended.
     */
    private void seed(Random random, String habitId, Frequency frequency, LocalDate from, LocalDate to) {
        double diligence = 0.5 + random.nextDouble() * 0.48;
        List<LocalDate> done = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            double r = random.nextDouble();
            boolean scheduled = frequency.countsOn(d.getDayOfWeek());
            if (!(frequency instanceof Frequency.TimesPerWeek) && !scheduled) {
                if (r < 0.05) {
                    done.add(d);
                }
            } else if (frequency instanceof Frequency.TimesPerWeek) {
                if (r < diligence * 0.6) {
                    done.add(d);
                } else if (r < diligence * 0.6 + 0.04) {
                    skipped.add(d);
                }
            } else if (r < diligence) {
                done.add(d);
            } else if (r < diligence + 0.04) {
                skipped.add(d);
            }
        }
        List<PauseRange> pauses = new ArrayList<>();
        long span = to.toEpochDay() - from.toEpochDay();
        if (span > 10 && random.nextInt(3) == 0) {
            LocalDate start = from.plusDays(random.nextInt((int) span - 5));
            LocalDate end = start.plusDays(1 + random.nextInt(20));
            pauses.add(new PauseRange(start, end.isAfter(to) ? to : end));
        }
        if (span > 10 && random.nextInt(10) == 0) {
            pauses.add(PauseRange.since(to.minusDays(random.nextInt(10))));
        }
        JobFixtures.history(dsl, habitId, done, skipped, pauses, to);
    }
}
