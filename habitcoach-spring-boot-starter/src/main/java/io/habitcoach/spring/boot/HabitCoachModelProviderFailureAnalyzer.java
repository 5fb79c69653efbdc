package io.habitcoach.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link HabitCoachModelProviderException} in Spring Boot's startup failure report. */
class HabitCoachModelProviderFailureAnalyzer extends AbstractFailureAnalyzer<HabitCoachModelProviderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HabitCoachModelProviderException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set habitcoach.coach.model-provider to spring-ai, langchain4j or none (template messages only), "
                        + "with the matching ChatModel bean and Habit Coach adapter module (habitcoach-spring-ai, "
                        + "habitcoach-ai) present; or declare your own io.habitcoach.core.coach.CoachModel bean.",
                cause);
    }
}
