package io.habitcoach.testkit;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonality;
import java.util.Locale;
import java.util.Objects;

/**
 * A coach personality for tests: it says the same sentence for every event, so a test can tell
 * its messages from the built-in personalities' and from a model's.
 *
 * <pre>{@code
 * HabitCoach.configure().dataSource(db.dataSource()).personality(new FixedPersonality("fixed", "Noted.")).load();
 * }</pre>
 */
public record FixedPersonality(String id, String text) implements CoachPersonality {

    public FixedPersonality {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

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
