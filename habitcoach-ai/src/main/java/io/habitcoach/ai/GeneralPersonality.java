package io.habitcoach.ai;

import io.habitcoach.ai.internal.GeneralPhrases;
import io.habitcoach.ai.internal.TemplateCoach;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonality;
import java.util.Locale;

/**
 * The General: a drill sergeant, strict but never cruel; no insults, only orders and confidence. In
 * Portuguese (Brazil) and English, with several phrasings per event chosen deterministically from the
 * facts and the context's seed. Immutable; registered through {@code META-INF/services}.
 */
public final class GeneralPersonality implements CoachPersonality {

    public static final String ID = "general";

    private final TemplateCoach templates = new TemplateCoach(GeneralPhrases.ENGLISH, GeneralPhrases.PORTUGUESE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName(Locale locale) {
        return templates.phrasebook(locale).displayName();
    }

    @Override
    public String systemPrompt(Locale locale) {
        return templates.phrasebook(locale).systemPrompt();
    }

    @Override
    public String message(CoachEvent event, CoachContext context) {
        return templates.message(event, context);
    }

    @Override
    public String toString() {
        return ID;
    }
}
