package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random habit history for property tests: dates are offsets from a base date that wanders over
 * 2023-2025 (so year ends, ISO week 53 of 2020-style years and 29 February 2024 come up), with
 * optional skips and pauses.
 */
record HistorySpec(Frequency frequency, DayOfWeek firstDay, LocalDate base, Set<Integer> done,
                   Set<Integer> skipped, List<int[]> pauses, int today) {

    static Arbitrary<Frequency> frequencies() {
        Arbitrary<Frequency> specific = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7)
                .map(days -> Frequency.specificDays(EnumSet.copyOf(days)));
        return Arbitraries.oneOf(Arbitraries.just(Frequency.daily()), specific,
                Arbitraries.integers().between(1, 7).map(Frequency::timesPerWeek));
    }

    /** Histories with done dates only (no skips, no pauses). */
    static Arbitrary<HistorySpec> plain() {
        return histories(false);
    }

    /** Histories that may also have skipped days and pauses. */
    static Arbitrary<HistorySpec> any() {
        return histories(true);
    }

    private static Arbitrary<HistorySpec> histories(boolean excused) {
        Arbitrary<Integer> span = Arbitraries.integers().between(1, 70);
        return span.flatMap(n -> {
            Arbitrary<Set<Integer>> done = Arbitraries.integers().between(0, n - 1).set().ofMaxSize(n);
            Arbitrary<Set<Integer>> skipped = excused
                    ? Arbitraries.integers().between(0, n - 1).set().ofMaxSize(Math.min(n, 8))
                    : Arbitraries.just(Set.of());
            Arbitrary<List<int[]>> pauses = excused
                    ? Combinators.combine(Arbitraries.integers().between(0, n), Arbitraries.integers().between(-1, 20))
                            .as((start, length) -> new int[] {start, length}).list().ofMaxSize(2)
                    : Arbitraries.just(List.of());
            Arbitrary<LocalDate> base = Arbitraries.integers().between(0, 3 * 365)
                    .map(d -> LocalDate.of(2023, 1, 1).plusDays(d));
            Arbitrary<Integer> today = Arbitraries.integers().between(Math.max(0, n - 10), n + 10);
            return Combinators.combine(frequencies(), Arbitraries.of(DayOfWeek.class), base, done, skipped, pauses,
                    today).as((f, first, b, d, s, p, t) -> {
                        Set<Integer> skips = new TreeSet<>(s);
                        skips.removeAll(d);
                        return new HistorySpec(f, first, b, new TreeSet<>(d), skips, p, t);
                    });
        });
    }

    LocalDate date(int offset) {
        return base.plusDays(offset);
    }

    LocalDate todayDate() {
        return date(today);
    }

    List<LocalDate> doneDates() {
        List<LocalDate> dates = new ArrayList<>();
        done.forEach(d -> dates.add(date(d)));
        return dates;
    }

    HabitHistory history() {
        return builder().build();
    }

    HabitHistory.Builder builder() {
        HabitHistory.Builder builder = HabitHistory.builder(frequency).firstDayOfWeek(firstDay).done(doneDates());
        skipped.forEach(s -> builder.skipped(date(s)));
        for (int[] pause : pauses) {
            // length -1 stands for a pause that has not ended
            builder.paused(date(pause[0]), pause[1] < 0 ? null : date(pause[0] + pause[1]));
        }
        return builder;
    }

    /** The same history and today, every date moved by {@code weeks} weeks. */
    HistorySpec shiftedByWeeks(int weeks) {
        return new HistorySpec(frequency, firstDay, base.plusWeeks(weeks), done, skipped, pauses, today);
    }
}
