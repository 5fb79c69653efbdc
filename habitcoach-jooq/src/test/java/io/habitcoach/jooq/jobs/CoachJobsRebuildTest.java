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

/**
 * {@link CoachJobs#rebuildHabitCaches()}: every habit's cached streak columns and due instant end equal
 * to what {@code habits().recompute} computes from the entries; rows that were right are not written
 * (docs/operations.md). {@link CoachJobsRebuildConcurrencyTest}: with completions at the same time.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsRebuildTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);   // a Tuesday

    /** What the rebuild (and recompute) may write. */
    static final List<Field<?>> CACHES = List.of(HABITS.CURRENT_STREAK, HABITS.LONGEST_STREAK,
            HABITS.TOTAL_COMPLETED, HABITS.COMPLETED_LAST_AT, HABITS.STREAK_RUN_LENGTH, HABITS.STREAK_RUN_START,
            HABITS.STREAK_RUN_END, HABITS.STREAK_NEXT_DUE, HABITS.STREAK_PREVIOUS_RUN_LENGTH,
            HABITS.STREAK_PREVIOUS_RUN_END, HABITS.STREAK_LAST_UNMET_WEEK, HABITS.STREAK_LAST_UNMET_WEEK_DONE,
            HABITS.STREAK_EXCUSED_THROUGH, HABITS.NEXT_CHECK_AT);

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

    private long xmin(String habitId) {
        return dsl.fetchSingle("SELECT xmin::text::bigint FROM habits WHERE id = ?", habitId).get(0, Long.class);
    }

    @Test
    void everyHabitEndsAsRecomputeLeavesItAndOnlyWrongRowsAreWritten() {
        // Three users, eight habits of every kind, with entries, skips, a pause and a schedule change.
        String ana = user("America/Sao_Paulo");
        String ben = user("Asia/Tokyo");
        String cid = user("Europe/Berlin");
        Map<String, String> owner = new HashMap<>();
        List<String> habits = new ArrayList<>();
        Object[][] specs = {
                {ana, "Run", Frequency.daily()}, {ana, "Read", Frequency.timesPerWeek(3)},
                {ana, "Gym", Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)},
                {ben, "Walk", Frequency.daily()}, {ben, "Piano", Frequency.daily()},
                {cid, "Swim", Frequency.timesPerWeek(2)}, {cid, "Cook", Frequency.daily()},
                {cid, "Write", Frequency.daily()}};
        for (Object[] spec : specs) {
            String id = habit((String) spec[0], (String) spec[1], (Frequency) spec[2]);
            owner.put(id, (String) spec[0]);
            habits.add(id);
        }
        clock.set("2026-03-09T12:00:00Z");
        for (String id : habits) {
            for (int back = 6; back >= 1; back--) {
                if ((back + id.hashCode()) % 3 != 0) {
                    coach.habits().complete(owner.get(id), id, TODAY.minusDays(back));
                }
            }
        }
        coach.habits().pause(cid, habits.get(6));
        clock.set("2026-03-10T12:00:00Z");
        coach.habits().skip(ben, habits.get(3), TODAY);
        coach.habits().update(ana, habits.get(0), HabitUpdate.builder()
                .frequency(Frequency.specificDays(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)).build());
        coach.habits().complete(ana, habits.get(0), TODAY);
        // Every row as of now (a cached current streak goes stale as days pass: the rebuild would
        // refresh it too), so that the rows the rebuild must write are exactly the ones edited below.
        for (String id : habits) {
            coach.habits().recompute(owner.get(id), id);
        }

        // Now by SQL: entries imported for "Piano" (the row does not know them), caches edited for three
        // others (one into values that disagree with each other, two into consistent but wrong values).
        String piano = habits.get(4);
        for (int back = 9; back >= 7; back--) {
            dsl.execute("INSERT INTO habit_completions (id, user_id, habit_id, completed_date, kind, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, 'done', now(), now())", UUID.randomUUID().toString(), ben,
                    piano, TODAY.minusDays(back));
        }
        dsl.execute("UPDATE habits SET streak_run_length = 7, streak_run_start = NULL, total_completed = 40,"
                + " longest_streak = 5 WHERE id = ?", habits.get(1));
        dsl.execute("UPDATE habits SET current_streak = 0, longest_streak = longest_streak + 10,"
                + " total_completed = total_completed + 10 WHERE id = ?", habits.get(5));
        dsl.execute("UPDATE habits SET next_check_at = '2031-01-01T00:00:00Z' WHERE id = ?", habits.get(7));
        List<String> wrong = List.of(piano, habits.get(1), habits.get(5), habits.get(7));
        Map<String, Long> before = new HashMap<>();
        for (String id : habits) {
            before.put(id, xmin(id));
        }

        CoachJobResult result = coach.jobs().withBatchSizes(3, 200).rebuildHabitCaches();

        assertThat(result.job()).isEqualTo("rebuildHabitCaches");
        assertThat(result.habitsProcessed()).isEqualTo(habits.size());
        assertThat(result.usersProcessed()).isEqualTo(3);
        assertThat(result.batches()).isEqualTo(3);
        assertThat(result.streaksRefreshed()).isEqualTo(wrong.size());
        for (String id : habits) {
            if (!wrong.contains(id)) {
                assertThat(xmin(id)).as("a right row is not written: %s", id).isEqualTo(before.get(id));
            }
        }
        // Each row equals what recompute (one habit, under its lock, from its entries) makes of it.
        Map<String, List<Object>> rebuilt = new HashMap<>();
        for (String id : habits) {
            rebuilt.put(id, caches(id));
        }
        for (String id : habits) {
            coach.habits().recompute(owner.get(id), id);
            assertThat(rebuilt.get(id)).as("habit %s", id).isEqualTo(caches(id));
        }
        assertThat(dsl.fetchSingle(HABITS, HABITS.ID.eq(piano)).getTotalCompleted())
                .isEqualTo(3 + (int) java.util.stream.IntStream.rangeClosed(1, 6)
                        .filter(back -> (back + piano.hashCode()) % 3 != 0).count());

        CoachJobResult again = coach.jobs().rebuildHabitCaches();
        assertThat(again.habitsProcessed()).isEqualTo(habits.size());
        assertThat(again.streaksRefreshed()).isZero();
        assertThat(again.batches()).isEqualTo(1);
    }
}
