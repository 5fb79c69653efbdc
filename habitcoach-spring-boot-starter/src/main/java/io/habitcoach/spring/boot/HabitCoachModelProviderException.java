package io.habitcoach.spring.boot;

/**
 * Thrown at startup when the rule of {@code habitcoach.coach.model-provider} cannot pick the coach's
 * language model: a Spring AI and a LangChain4j {@code ChatModel} bean are both present and the property
 * is not set, or the property names a provider whose bean or adapter module is missing, or has an
 * unknown value. The message says which and what to set.
 */
public class HabitCoachModelProviderException extends RuntimeException {

    HabitCoachModelProviderException(String message) {
        super(message);
    }
}
