package io.habitcoach.core.coach;

import java.util.Locale;

/**
 * A coach's voice: the SPI that hosts implement to add a personality. One class, registered with a
 * {@code META-INF/services/io.habitcoach.core.coach.CoachPersonality} file (found by
 * {@link java.util.ServiceLoader}) or through {@link CoachPersonalities.Builder#register}.
 *
 * <p>Implementations must be thread-safe and stateless between calls (the built-ins are immutable) and
 * need a public no-argument constructor to be found by {@code ServiceLoader}.
 */
public interface CoachPersonality {

    /**
     * The stable id stored in {@code users.selected_personality}, e.g. {@code yoda}: non-blank, no
     * whitespace, at most {@value CoachPersonalities#MAX_ID_LENGTH} characters. Never change it once
     * users chose it.
     */
    String id();

    /** The name shown to users, e.g. "Mestre Yoda" for {@code pt-BR}. */
    String displayName(Locale locale);

    /**
     * The system prompt sent, unchanged and first, to a language model: who the coach is and how it
     * speaks. The facts and the language instruction are added separately by {@link CoachPrompt}.
     */
    String systemPrompt(Locale locale);

    /**
     * The template message for {@code event}: non-blank, in {@code context.locale()}'s language (or the
     * personality's documented fallback), stating the habit or goal name and only numbers from
     * {@code event.facts()}. Should vary its phrasing, e.g. with {@link CoachContext#choose}. Must be
     * cheap and must not block: it is called inside database transactions and whenever a model fails.
     */
    String message(CoachEvent event, CoachContext context);
}
