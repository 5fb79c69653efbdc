package io.habitcoach.jooq.habits;

import io.habitcoach.jooq.HabitCoach;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What the habit service tests share: eight threads on one habit, and its stored caches against core's recomputation. */
final class HabitChecks {

    private HabitChecks() {
    }

    /**
     * Eight threads, the i-th on {@code coaches.get(i % size)}, each completing (two calls in three)
     * and undoing 40 random days of the window on one habit, then: one entry per day at most, and
     * caches equal to a recomputation.
     */
    static void completeAndUndoFromEightThreads(List<HabitCoach> coaches, DSLContext dsl, String userId,
            String habitId, LocalDate today) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                HabitCoach coach = coaches.get(t % coaches.size());
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        LocalDate day = today.minusDays(random.nextInt(8));
                        if (random.nextInt(3) == 0) {
                            coach.habits().undo(userId, habitId, day);
                        } else {
                            coach.habits().complete(userId, habitId, day);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dsl.fetchCount(DSL.selectDistinct(HABIT_COMPLETIONS.COMPLETED_DATE).from(HABIT_COMPLETIONS)
                .where(HABIT_COMPLETIONS.HABIT_ID.eq(habitId))))
                .isEqualTo(dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.HABIT_ID.eq(habitId)));
        assertConsistent(dsl, habitId, today);
    }

    /** The caches on the habits row equal a full recomputation by core from the entries and pauses (weeks from Monday). */
    static void assertConsistent(DSLContext dsl, String habitId, LocalDate today) {
        HabitsRecord h = dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId));
        Frequency frequency = Frequency.of(h.getFrequency(), h.getSpecificDays(), h.getTimesPerWeek());
        HabitHistory.Builder history = HabitHistory.builder(Schedule.of(frequency, DayOfWeek.MONDAY));
        List<LocalDate> done = new ArrayList<>();
        dsl.selectFrom(HABIT_COMPLETIONS).where(HABIT_COMPLETIONS.HABIT_ID.eq(habitId)).forEach(e -> {
            if (e.getKind() == EntryKind.DONE) {
                done.add(e.getCompletedDate());
            } else {
                history.skipped(e.getCompletedDate());
            }
        });
        history.done(done);
        dsl.selectFrom(HABIT_PAUSES).where(HABIT_PAUSES.HABIT_ID.eq(habitId))
                .forEach(p -> history.paused(p.getPausedFrom(), p.getResumedOn()));
        StreakSummary expected = Streaks.compute(history.build(), today);
        assertThat(h.getCurrentStreak()).as("current_streak").isEqualTo(expected.current());
        assertThat(h.getLongestStreak()).as("longest_streak").isEqualTo(expected.longest());
        assertThat(h.getTotalCompleted()).as("total_completed").isEqualTo(done.size());
        assertThat(h.getCompletedLastAt()).as("completed_last_at")
                .isEqualTo(done.stream().max(LocalDate::compareTo).orElse(null));
    }
}
