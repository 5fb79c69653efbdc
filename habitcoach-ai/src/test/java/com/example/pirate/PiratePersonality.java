package com.example.pirate;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.StreakUnit;
import java.util.List;
import java.util.Locale;

/**
 * A host's own personality, outside the library: one class plus the line
 * {@code com.example.pirate.PiratePersonality} in
 * {@code META-INF/services/io.habitcoach.core.coach.CoachPersonality}. The same class is shown in
 * docs/coach.md.
 */
public final class PiratePersonality implements CoachPersonality {

    @Override
    public String id() {
        return "pirate";
    }

    @Override
    public String displayName(Locale locale) {
        return "Captain Redbeard";
    }

    @Override
    public String systemPrompt(Locale locale) {
        return "You are Captain Redbeard, a cheerful pirate who coaches a sailor on their habits. Say arr. "
                + "Never mock a missed day. State only the names and numbers you are given.";
    }

    @Override
    public String message(CoachEvent event, CoachContext context) {
        List<String> phrasings;
        if (event instanceof CoachEvent.HabitCompleted e) {
            // Say only what the facts say: no streak talk below 2, "first" for the first completion.
            String logged = e.first() ? "Yo ho, " + e.habitName() + " logged for the first time!"
                    : "Yo ho, " + e.habitName() + " logged, " + e.totalCompleted() + " times so far!";
            phrasings = e.currentStreak() > 1
                    ? List.of("Arr, " + e.habitName() + " be done! A streak of " + units(e.currentStreak(), e.unit()) + ".",
                              logged)
                    : List.of(logged);
        } else if (event instanceof CoachEvent.StreakMilestone e) {
            phrasings = List.of("Hoist the flag: " + units(e.milestone(), e.unit()) + " in a row on " + e.habitName() + "!");
        } else if (event instanceof CoachEvent.HabitMissed e) {
            phrasings = List.of("The tide took " + e.habitName() + " this time; set sail again, sailor.");
        } else if (event instanceof CoachEvent.GoalCompleted e) {
            phrasings = List.of("Treasure found: " + e.goalTitle() + "!");
        } else if (event instanceof CoachEvent.WeeklyAnalysis e) {
            phrasings = List.of("This week's haul: " + e.done() + " of " + e.scheduled() + ", arr.");
        } else {
            phrasings = List.of("Arr, the parrot ate me charts; ask again soon, sailor.");
        }
        return context.choose(event, phrasings);
    }

    private static String units(int n, StreakUnit unit) {
        String word = unit == StreakUnit.DAYS ? "day" : "week";
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
