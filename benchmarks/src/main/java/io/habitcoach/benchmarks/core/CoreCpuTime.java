package io.habitcoach.benchmarks.core;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.Streaks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The operations of {@link StreakBenchmark}, timed in thread CPU time rather than wall time: on a
 * machine shared with other work, descheduling inflates wall time but not CPU time. A cross-check of
 * the JMH figures, not a replacement.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.habitcoach.benchmarks.core.CoreCpuTime</pre>
 */
public final class CoreCpuTime {

    private static final int CALLS = 3000;
    private static final int ROUNDS = 8;

    private CoreCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LocalDate today = LocalDate.of(2025, 3, 4);
        List<LocalDate> done = new ArrayList<>(3650);
        for (int i = 3649; i >= 0; i--) {
            done.add(today.minusDays(i));
        }
        List<Frequency> frequencies = List.of(Frequency.daily(),
                Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                Frequency.timesPerWeek(3));
        System.out.printf("%-14s %12s %12s %12s %12s %12s%n", "frequency", "computeDates", "computeHist",
                "strengthDates", "strengthHist", "incremental");
        for (Frequency frequency : frequencies) {
            HabitHistory history = HabitHistory.of(frequency, done);
            Schedule schedule = Schedule.of(frequency);
            StreakState before = Streaks.state(HabitHistory.of(frequency, done.subList(0, 3649)));
            List<IntSupplier> operations = List.of(
                    () -> Streaks.compute(frequency, done, today).current(),
                    () -> Streaks.compute(history, today).current(),
                    () -> (int) (HabitStrength.score(frequency, done, today) * 1000),
                    () -> (int) (HabitStrength.score(history, today) * 1000),
                    () -> Streaks.addDone(before, schedule, today).orElseThrow().asOf(schedule, today).current());
            double[] best = new double[operations.size()];
            long sink = 0;
            for (int op = 0; op < operations.size(); op++) {
                best[op] = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int call = 0; call < CALLS; call++) {
                        sink += operations.get(op).getAsInt();
                    }
                    double microseconds = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / CALLS;
                    if (round >= ROUNDS / 2) {
                        best[op] = Math.min(best[op], microseconds); // after warm-up
                    }
                }
            }
            System.out.printf("%-14s %12.3f %12.3f %12.3f %12.3f %12.3f  us/op (CPU)%s%n", frequency.type().code(),
                    best[0], best[1], best[2], best[3], best[4], sink == 42 ? " " : "");
        }
    }
}
