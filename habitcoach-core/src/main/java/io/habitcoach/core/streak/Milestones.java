package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.FrequencyType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Streak milestones (rules.md section 6): 3, 7, 14, 21, 30, 50, 66, 100, 200 and 365 scheduled days for
 * daily and specific-days habits; 4, 8, 12, 26 and 52 weeks for per-week habits.
 *
 * <p>"Once per habit, milestone and run": {@link #crossed} reports each milestone when the current
 * streak moves past it, and the caller records the event under the key (habit id, the run's start date
 * {@link StreakState#runStart()}, milestone) with an insert that ignores duplicates. An undo that takes a
 * streak from 7 to 6 and a redo that brings it back to 7 cross 7 twice in the same run, so the key
 * dedups them; a new run after a break has a new start date and raises its milestones again.
 */
public final class Milestones {

    /** Milestones of daily and specific-days habits, in scheduled days. */
    public static final List<Integer> DAYS = List.of(3, 7, 14, 21, 30, 50, 66, 100, 200, 365);
    /** Milestones of per-week habits, in weeks. */
    public static final List<Integer> WEEKS = List.of(4, 8, 12, 26, 52);

    private Milestones() {
    }

    /** The milestones for a kind of schedule, ascending. */
    public static List<Integer> of(FrequencyType type) {
        return Objects.requireNonNull(type, "type") == FrequencyType.PER_WEEK ? WEEKS : DAYS;
    }

    /**
     * The milestones {@code m} with {@code previousStreak < m <= newStreak}, ascending: those a change of
     * the current streak reaches. Empty when the streak did not grow. A back-filled day that joins two
     * runs can cross several at once.
     */
    public static List<Integer> crossed(FrequencyType type, int previousStreak, int newStreak) {
        if (previousStreak < 0 || newStreak < 0) {
            throw new IllegalArgumentException("streaks are not negative: " + previousStreak + " -> " + newStreak);
        }
        List<Integer> crossed = new ArrayList<>(1);
        for (int milestone : of(type)) {
            if (milestone > previousStreak && milestone <= newStreak) {
                crossed.add(milestone);
            }
        }
        return crossed.isEmpty() ? List.of() : Collections.unmodifiableList(crossed);
    }
}
