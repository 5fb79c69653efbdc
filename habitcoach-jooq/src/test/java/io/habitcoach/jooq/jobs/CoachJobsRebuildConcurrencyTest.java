package io.habitcoach.jooq.jobs;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.HabitUpdate;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CoachJobs#rebuildHabitCaches()} while completions of the same habits run: every habit ends consistent. */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsRebuildConcurrencyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static final List<Field<?>> CACHES = CoachJobsRebuildTest.CACHES;

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private HabitCoach coach;
    private DSLContext dsl;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String user(String zone) {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(zone)
                .dayStart(LocalTime.MIDNIGHT).language("en").build()).id();
    }

    private String habit(String userId, String name, Frequency frequency) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(frequency).build()).id();
    }

    private List<Object> caches(String habitId) {
        HabitsRecord h = dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId));
        List<Object> values = new ArrayList<>();
        for (Field<?> f : CACHES) {
            values.add(h.get(f));
        }
        return values;
    }

    @Test
    void completionsDuringTheRebuildEndConsistent() throws Exception {
        List<String> users = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (int u = 0; u < 10; u++) {
            String userId = user(u % 2 == 0 ? "UTC" : "Pacific/Auckland");
            users.add(userId);
            for (int k = 0; k < 3; k++) {
                owner.put(habit(userId, "H" + k, k == 2 ? Frequency.timesPerWeek(3) : Frequency.daily()), userId);
            }
        }
        clock.set("2026-03-10T12:00:00Z");
        // every row wrong, so that every batch writes
        dsl.execute("UPDATE habits SET longest_streak = longest_streak + 3, total_completed = total_completed + 3");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> completions = pool.submit(() -> {
                for (int back = 6; back >= 0; back--) {
                    for (Map.Entry<String, String> e : owner.entrySet()) {
                        coach.habits().complete(e.getValue(), e.getKey(), TODAY.minusDays(back));
                    }
                }
            });
            int rounds = 0;
            while (!completions.isDone() || rounds == 0) {
                coach.jobs().withBatchSizes(4, 200).rebuildHabitCaches();
                rounds++;
            }
            completions.get(60, TimeUnit.SECONDS);
            assertThat(rounds).isPositive();
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<String, String> e : owner.entrySet()) {
            List<Object> stored = caches(e.getKey());
            coach.habits().recompute(e.getValue(), e.getKey());
            assertThat(stored).as("habit %s", e.getKey()).isEqualTo(caches(e.getKey()));
            assertThat(dsl.fetchSingle(HABITS, HABITS.ID.eq(e.getKey())).getTotalCompleted()).isEqualTo(7);
        }
    }
}
