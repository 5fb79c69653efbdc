package io.habitcoach.core.testing;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonality;
import java.util.Locale;

/**
 * The one test personality of every module's tests: it says the same sentence for every event, so a
 * test can tell its messages from the built-in personalities' and from a model's. Not API: it lives in
 * habitcoach-core's test jar (only this package is in it), which habitcoach-ai's, habitcoach-jooq's and
 * the Spring Boot starter's tests depend on.
 *
 * <p>No checks: a test may give an invalid id (to see the registry refuse it) or a null text (a broken
 * personality).
 *
 * <pre>{@code
 * HabitCoach.configure().dataSource(db.dataSource()).personality(new FixedPersonality("pirate", "Arr.")).load();
 * }</pre>
 */
public record FixedPersonality(String id, String text) implements CoachPersonality {

    /** Its display name in every language: its id. */
    @Override
    public String displayName(Locale locale) {
        return id;
    }

    @Override
    public String systemPrompt(Locale locale) {
        return "You are " + id + ".";
    }

    @Override
    public String message(CoachEvent event, CoachContext context) {
        return text;
    }
}
