package io.habitcoach.jooq.dashboards;

import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.users.User;

import java.time.LocalDate;
import java.util.List;

/**
 * What a habit app's home screen shows, read in one SQL statement: the user, their active habits
 * with the entries of the last seven days (today included), and their active goals with the
 * subtasks still pending.
 *
 * @param today the user's today, by their zone and day start
 */
public record Dashboard(User user, LocalDate today, List<HabitCard> habits, List<Goal> goals) {

    public Dashboard {
        habits = List.copyOf(habits);
        goals = List.copyOf(goals);
    }

    /** An active habit (streak as of today; strength not computed here) and its last seven days of entries. */
    public record HabitCard(Habit habit, List<Completion> lastSevenDays) {
        public HabitCard {
            lastSevenDays = List.copyOf(lastSevenDays);
        }
    }
}
