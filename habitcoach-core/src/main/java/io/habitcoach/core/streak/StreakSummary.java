package io.habitcoach.core.streak;

/**
 * A habit's streaks as of a given day.
 *
 * <p>Lengths are counted in scheduled days for daily and specific-days habits and in weeks for
 * per-week habits.
 *
 * @param current        the run that ends at the current period if it is completed, else at the last
 *                       closed period; 0 if that one was missed
 * @param longest        the longest run ever; never less than {@code current}
 * @param totalCompleted every done entry, also those on unscheduled or paused days
 * @param atRisk         the current period (today, or this week) is still open and the current streak
 *                       ends if it closes without a completion
 */
public record StreakSummary(int current, int longest, int totalCompleted, boolean atRisk) {

    /** A habit with no entries. */
    public static final StreakSummary NONE = new StreakSummary(0, 0, 0, false);

    public StreakSummary {
        if (current < 0 || longest < current || totalCompleted < 0) {
            throw new IllegalArgumentException("need 0 <= current <= longest and totalCompleted >= 0, got current="
                    + current + ", longest=" + longest + ", totalCompleted=" + totalCompleted);
        }
        if (atRisk && current == 0) {
            throw new IllegalArgumentException("a streak of 0 cannot be at risk");
        }
    }
}
