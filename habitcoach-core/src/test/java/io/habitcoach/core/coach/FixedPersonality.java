package io.habitcoach.core.coach;

import java.util.Locale;

/** A test personality that always says the same thing. */
record FixedPersonality(String id, String text) implements CoachPersonality {

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
