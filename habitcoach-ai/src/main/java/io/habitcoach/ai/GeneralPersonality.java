package io.habitcoach.ai;

import io.habitcoach.ai.internal.GeneralPhrases;

/**
 * The General: a drill sergeant, strict but never cruel; no insults, only orders and confidence. In
 * Portuguese (Brazil) and English, with several phrasings per event chosen deterministically from the
 * facts and the context's seed. Immutable; registered through {@code META-INF/services}.
 */
public final class GeneralPersonality extends TemplatePersonality {

    public static final String ID = "general";

    public GeneralPersonality() {
        super(ID, GeneralPhrases.ENGLISH, GeneralPhrases.PORTUGUESE);
    }
}
