package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the streak rules remember about a habit's history, small enough to live in a few columns of
 * the {@code habits} row, so that a completion updates the streak without rereading the entries
 * ({@link Streaks#addDone}) and a read derives the streak as of today ({@link #asOf}).
 *
 * <p>A "unit" is a scheduled day (daily, specific days) or a calendar week (per week). A unit is
 * <em>met</em> when it is a scheduled day marked done, or a week with enough done days. Dates that
 * stand for a week are the week's first day. The state does not depend on "today": it describes the
 * entries, and {@link #asOf} applies the open-period rule. It equals {@link Streaks#state} over the
 * same entries, field for field, whichever way it was produced.
 *
 * @param runLength         length of the latest run: the chain of met units ending at the latest met
 *                          unit, in units; 0 if no unit was ever met. It is the current streak while
 *                          the run is alive, and stays as it was once the run is broken
 * @param runStart          first day of the latest run's first unit; null iff {@code runLength} is 0.
 *                          Identifies the run (e.g. for milestone events)
 * @param runEnd            first day of the latest met unit (the run's last one); null iff no run
 * @param nextDue           first day of the first unit after {@code runEnd} that is scheduled and not
 *                          excused (skipped, paused): the run breaks if that unit closes unmet. Null if
 *                          there is no run, or if a pause that has not ended covers everything after
 *                          the run
 * @param longest           the longest run ever, in units
 * @param totalCompleted    the number of done entries ({@code total_completed})
 * @param lastDoneDate      the latest done date of any kind ({@code completed_last_at}); null if none
 * @param previousRunLength length of the run just before the latest run, 0 if none; lets a back-filled
 *                          date extend it without the history
 * @param previousRunEnd    first day of that run's last unit; null iff {@code previousRunLength} is 0
 * @param lastUnmetWeek     per-week habits: the first day of the latest week that has counted done days
 *                          but is not met (later than {@code runEnd}); null otherwise
 * @param lastUnmetWeekDone the counted done days in {@code lastUnmetWeek}; 0 iff it is null
 * @param excusedThrough    the latest skipped or paused day in the history, or 9999-12-31 while a
 *                          pause has not ended; null if none; for a habit whose schedule changed, at
 *                          least the day before the current frequency took effect. Dates up to it fall
 *                          back to a full recomputation
 */
public record StreakState(
        int runLength,
        LocalDate runStart,
        LocalDate runEnd,
        LocalDate nextDue,
        int longest,
        int totalCompleted,
        LocalDate lastDoneDate,
        int previousRunLength,
        LocalDate previousRunEnd,
        LocalDate lastUnmetWeek,
        int lastUnmetWeekDone,
        LocalDate excusedThrough) {

    /** A habit without entries. */
    public static final StreakState EMPTY = new StreakState(0, null, null, null, 0, 0, null, 0, null, null, 0, null);

    /** The value of {@link #excusedThrough()} while a pause has not ended. */
    public static final LocalDate OPEN_PAUSE = LocalDate.of(9999, 12, 31);

    public StreakState {
        require(runLength >= 0 && longest >= runLength && longest >= previousRunLength && totalCompleted >= 0
                && previousRunLength >= 0 && lastUnmetWeekDone >= 0, "lengths and counts");
        require((runLength == 0) == (runStart == null) && (runLength == 0) == (runEnd == null),
                "runStart and runEnd are set iff runLength > 0");
        require(runLength == 0 || !runEnd.isBefore(runStart), "runStart <= runEnd");
        require(runLength > 0 || nextDue == null, "no nextDue without a run");
        require(nextDue == null || nextDue.isAfter(runEnd), "nextDue after runEnd");
        require((previousRunLength == 0) == (previousRunEnd == null), "previousRunEnd is set iff previousRunLength > 0");
        require(previousRunEnd == null || runStart != null && previousRunEnd.isBefore(runStart),
                "a previous run only before a latest run");
        require((lastUnmetWeekDone == 0) == (lastUnmetWeek == null), "lastUnmetWeek is set iff lastUnmetWeekDone > 0");
        require(lastUnmetWeek == null || runEnd == null || lastUnmetWeek.isAfter(runEnd), "lastUnmetWeek after runEnd");
        require((totalCompleted == 0) == (lastDoneDate == null), "lastDoneDate is set iff totalCompleted > 0");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("inconsistent StreakState (" + what + ")");
        }
    }

    /**
     * The streaks as of {@code today}, with the open-period rule: a current period that is not met yet
     * neither counts nor breaks, and a run whose next due period closed unmet reads 0. Exactly what
     * {@link Streaks#compute(HabitHistory, LocalDate)} returns for the same entries. O(1).
     *
     * <p>{@code schedule} must be the one the state was computed with. A met unit after {@code today}
     * (possible only after the user moved to a zone further west) is treated as the current period.
     */
    public StreakSummary asOf(Schedule schedule, LocalDate today) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(today, "today");
        if (runLength == 0) {
            return new StreakSummary(0, longest, totalCompleted, false);
        }
        LocalDate current = unitOf(schedule, today);
        LocalDate latest = lastUnmetWeek != null ? lastUnmetWeek : runEnd;
        if (latest.isAfter(current)) {
            current = latest;
        }
        if (runEnd.equals(current)) {
            return new StreakSummary(runLength, longest, totalCompleted, false);
        }
        if (nextDue == null || nextDue.isAfter(current)) {
            return new StreakSummary(runLength, longest, totalCompleted, false);
        }
        if (nextDue.equals(current)) {
            return new StreakSummary(runLength, longest, totalCompleted, true);
        }
        return new StreakSummary(0, longest, totalCompleted, false);
    }

    /**
     * The first day of the current run as of {@code today}, empty when the current streak is 0. With
     * the habit id and the milestone it keys a "once per run" event.
     */
    public Optional<LocalDate> currentRunStart(Schedule schedule, LocalDate today) {
        return asOf(schedule, today).current() > 0 ? Optional.of(runStart) : Optional.empty();
    }

    private static LocalDate unitOf(Schedule schedule, LocalDate day) {
        return schedule.frequency().type() == FrequencyType.PER_WEEK ? schedule.weekOf(day).start() : day;
    }
}
