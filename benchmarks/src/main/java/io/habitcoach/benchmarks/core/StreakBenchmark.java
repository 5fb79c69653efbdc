package io.habitcoach.benchmarks.core;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The core rules on a 10-year daily history: 3,650 done days ending today.
 *
 * <ul>
 *   <li>{@code computeFromDates} / {@code strengthFromDates}: the entry points of api.md, from a
 *       {@code List<LocalDate>} (includes building the history: conversion and the sortedness check).</li>
 *   <li>{@code computeFromHistory} / {@code strengthFromHistory}: from a built {@link HabitHistory}.</li>
 *   <li>{@code incrementalAddToday}: today's completion applied to the stored state of the other 3,649
 *       days, then read as of today: what the database path does on every completion.</li>
 *   <li>{@code readAsOfToday}: a read of the stored state as of today.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StreakBenchmark {

    @Param({"daily", "mon_wed_fri", "3_per_week"})
    public String frequency;

    private Frequency schedule;
    private Schedule weekSchedule;
    private LocalDate today;
    private List<LocalDate> doneDates;
    private HabitHistory history;
    private StreakState stateBeforeToday;
    private StreakState state;

    @Setup
    public void setUp() {
        schedule = switch (frequency) {
            case "daily" -> Frequency.daily();
            case "mon_wed_fri" -> Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            case "3_per_week" -> Frequency.timesPerWeek(3);
            default -> throw new IllegalArgumentException(frequency);
        };
        weekSchedule = Schedule.of(schedule);
        today = LocalDate.of(2025, 3, 4);
        doneDates = new ArrayList<>(3650);
        for (int i = 3649; i >= 0; i--) {
            doneDates.add(today.minusDays(i));
        }
        history = HabitHistory.of(schedule, doneDates);
        stateBeforeToday = Streaks.state(HabitHistory.of(schedule, doneDates.subList(0, 3649)));
        state = Streaks.state(history);
        // the incremental path must be taken, and agree with the full computation
        Optional<StreakState> added = Streaks.addDone(stateBeforeToday, weekSchedule, today);
        if (added.isEmpty() || !added.get().equals(state)) {
            throw new IllegalStateException("the incremental form must apply here: " + added);
        }
    }

    @Benchmark
    public StreakSummary computeFromDates() {
        return Streaks.compute(schedule, doneDates, today);
    }

    @Benchmark
    public StreakSummary computeFromHistory() {
        return Streaks.compute(history, today);
    }

    @Benchmark
    public double strengthFromDates() {
        return HabitStrength.score(schedule, doneDates, today);
    }

    @Benchmark
    public double strengthFromHistory() {
        return HabitStrength.score(history, today);
    }

    @Benchmark
    public StreakSummary incrementalAddToday() {
        return Streaks.addDone(stateBeforeToday, weekSchedule, today).orElseThrow().asOf(weekSchedule, today);
    }

    @Benchmark
    public StreakSummary readAsOfToday() {
        return state.asOf(weekSchedule, today);
    }
}
