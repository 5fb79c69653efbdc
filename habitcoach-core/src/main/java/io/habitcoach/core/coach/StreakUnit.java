package io.habitcoach.core.coach;

import java.util.ArrayList;
import java.util.List;

/**
 * What a streak counts: scheduled days ({@code daily}, {@code specific_days}) or met weeks
 * ({@code per_week}). Also holds the milestones of rules.md section 6.
 */
public enum StreakUnit {
    DAYS(List.of(3, 7, 14, 21, 30, 50, 66, 100, 200, 365)),
    WEEKS(List.of(4, 8, 12, 26, 52));

    private final List<Integer> milestones;

    StreakUnit(List<Integer> milestones) {
        this.milestones = milestones;
    }

    /** The streak lengths that raise a {@code streak} event, ascending. */
    public List<Integer> milestones() {
        return milestones;
    }

    /**
     * The milestones a streak passed when it grew from {@code before} to {@code after} (exclusive,
     * inclusive), ascending. Usually zero or one; more when a back-filled day joins two runs, in which
     * case a caller that raises one event per change takes the last.
     */
    public List<Integer> milestonesCrossed(int before, int after) {
        List<Integer> crossed = new ArrayList<>();
        for (int milestone : milestones) {
            if (milestone > before && milestone <= after) {
                crossed.add(milestone);
            }
        }
        return List.copyOf(crossed);
    }
}
