package io.habitcoach.core.coach;

import java.util.Optional;

/**
 * A language model that can write a coach message: the seam between the database services and a
 * provider (the {@code habitcoach-ai} module adapts LangChain4j's {@code ChatModel}, {@code habitcoach-spring-ai}
 * Spring AI's).
 *
 * <p>Contract: return the model's reply text, or empty when the model failed, timed out, or replied
 * with nothing usable. Never throw, and never block longer than the implementation's configured
 * timeout. The caller ({@link CoachWriter}) still checks the reply with {@link Grounding} and falls back
 * to the template message. Since a call can take that long, never call a model while a database
 * transaction holds row locks.
 */
@FunctionalInterface
public interface CoachModel {

    Optional<String> reply(CoachPrompt prompt);

    /** No model: every message is the personality's template. */
    static CoachModel none() {
        return prompt -> Optional.empty();
    }
}
