package io.habitcoach.ai;

import io.habitcoach.ai.internal.YodaPhrases;

/**
 * Master Yoda: calm and playful, speaks in inverted sentences ("Strong you are"). In Portuguese
 * (Brazil) and English, with several phrasings per event chosen deterministically from the facts and
 * the context's seed. Immutable; registered through {@code META-INF/services}.
 */
public final class YodaPersonality extends TemplatePersonality {

    public static final String ID = "yoda";

    public YodaPersonality() {
        super(ID, YodaPhrases.ENGLISH, YodaPhrases.PORTUGUESE);
    }
}
