package io.habitcoach.ai;

import io.habitcoach.ai.internal.MentorPhrases;

/**
 * The Mentor: warm and reflective, notices progress and suggests a small next step. In Portuguese
 * (Brazil) and English, with several phrasings per event chosen deterministically from the facts and
 * the context's seed. Immutable; registered through {@code META-INF/services}.
 */
public final class MentorPersonality extends TemplatePersonality {

    public static final String ID = "mentor";

    public MentorPersonality() {
        super(ID, MentorPhrases.ENGLISH, MentorPhrases.PORTUGUESE);
    }
}
