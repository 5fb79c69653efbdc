package io.habitcoach.ai;

import io.habitcoach.ai.internal.Phrasebook;
import io.habitcoach.ai.internal.TemplateCoach;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonality;
import java.util.Locale;

/** What the built-in personalities share: an id and an English and a Portuguese phrasebook. */
abstract class TemplatePersonality implements CoachPersonality {

    private final String id;
    private final TemplateCoach templates;

    TemplatePersonality(String id, Phrasebook english, Phrasebook portuguese) {
        this.id = id;
        this.templates = TemplateCoach.create(english, portuguese);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName(Locale locale) {
        return templates.phrasebook(locale).displayName();
    }

    @Override
    public final String systemPrompt(Locale locale) {
        return templates.phrasebook(locale).systemPrompt();
    }

    @Override
    public final String message(CoachEvent event, CoachContext context) {
        return templates.message(event, context);
    }

    @Override
    public final String toString() {
        return id;
    }
}
