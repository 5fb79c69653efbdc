package io.habitcoach.jooq.habits.internal;

import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.internal.CoachRecorder;
import java.util.List;

/**
 * The day extends the stored streak state: the new state, the streak as of today before and
 * after, and the events to raise. Written by {@link AppendWriter} in one statement.
 */
record Append(StreakState after, StreakSummary before, StreakSummary summary, List<CoachRecorder.Event> events)
        implements CompletionPlan {
}
