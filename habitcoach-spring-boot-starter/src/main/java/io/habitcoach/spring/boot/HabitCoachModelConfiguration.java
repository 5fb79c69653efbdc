package io.habitcoach.spring.boot;

import io.habitcoach.ai.LangChain4jCoachModel;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.springai.SpringAiCoachModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Which chat model becomes the coach's language model, when the application declares no
 * {@link CoachModel} bean of its own (one it declares always wins):
 *
 * <ul>
 *   <li>only a Spring AI {@code ChatModel} bean (and habitcoach-spring-ai on the class path): it, wrapped in
 *       {@link SpringAiCoachModel};</li>
 *   <li>only a LangChain4j {@code ChatModel} bean (and habitcoach-ai): it, wrapped in
 *       {@link LangChain4jCoachModel};</li>
 *   <li>both: the startup fails with a {@link HabitCoachModelProviderException} naming
 *       {@code habitcoach.coach.model-provider}, which picks one ({@code spring-ai} or
 *       {@code langchain4j}) or neither ({@code none}: template messages only);</li>
 *   <li>neither: no model, template messages only.</li>
 * </ul>
 *
 * <p>{@code habitcoach.coach.model-provider=spring-ai} or {@code langchain4j} with no such bean (or
 * without its adapter module) also fails the startup: a provider asked for is never silently dropped.
 * The decision is taken when the bean definitions are registered, so it sees the application's own
 * beans and those of auto-configurations ordered before {@link HabitCoachAutoConfiguration} (the OpenAI,
 * Ollama and Anthropic ones of both frameworks are).
 */
@Configuration(proxyBeanMethods = false)
class HabitCoachModelConfiguration {

    static final String PROPERTY = "habitcoach.coach.model-provider";
    static final String SPRING_AI_CHAT_MODEL = "org.springframework.ai.chat.model.ChatModel";
    static final String LANGCHAIN4J_CHAT_MODEL = "dev.langchain4j.model.chat.ChatModel";
    private static final String SPRING_AI_ADAPTER = "io.habitcoach.springai.SpringAiCoachModel";
    private static final String LANGCHAIN4J_ADAPTER = "io.habitcoach.ai.LangChain4jCoachModel";

    /** A LangChain4j {@code ChatModel} bean as the coach's language model, when habitcoach-ai is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {LANGCHAIN4J_ADAPTER, LANGCHAIN4J_CHAT_MODEL})
    static class LangChain4jCoachModelConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(CoachModel.class)
        @ConditionalOnSingleCandidate(dev.langchain4j.model.chat.ChatModel.class)
        @Conditional(LangChain4jChosen.class)
        LangChain4jCoachModel habitCoachModel(dev.langchain4j.model.chat.ChatModel chatModel,
                                              HabitCoachProperties properties) {
            return LangChain4jCoachModel.builder()
                    .chatModel(chatModel)
                    .timeout(properties.coach().timeout())
                    .build();
        }
    }

    /** A Spring AI {@code ChatModel} bean as the coach's language model, when habitcoach-spring-ai is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {SPRING_AI_ADAPTER, SPRING_AI_CHAT_MODEL})
    static class SpringAiCoachModelConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(CoachModel.class)
        @ConditionalOnSingleCandidate(org.springframework.ai.chat.model.ChatModel.class)
        @Conditional(SpringAiChosen.class)
        SpringAiCoachModel habitCoachSpringAiModel(org.springframework.ai.chat.model.ChatModel chatModel,
                                                   HabitCoachProperties properties) {
            return SpringAiCoachModel.builder()
                    .chatModel(chatModel)
                    .timeout(properties.coach().timeout())
                    .build();
        }
    }

    /** Fails the startup when the rule above cannot choose, or the provider asked for is not there. */
    @Bean
    @ConditionalOnMissingBean(CoachModel.class)
    @Conditional(NoChoice.class)
    CoachModel habitCoachModelProviderProblem(Environment environment, ConfigurableListableBeanFactory beanFactory) {
        Choice choice = Choice.of(environment, beanFactory, getClass().getClassLoader());
        throw new HabitCoachModelProviderException(choice.problem);
    }

    /** The outcome of the rule: which provider, or why none can be chosen. */
    enum Provider { SPRING_AI, LANGCHAIN4J, NONE, PROBLEM }

    record Choice(Provider provider, String problem) {

        static Choice of(Environment environment, ConfigurableListableBeanFactory beanFactory, ClassLoader classLoader) {
            String asked = environment.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
            List<String> springAi = beans(beanFactory, classLoader, SPRING_AI_CHAT_MODEL);
            List<String> langChain4j = beans(beanFactory, classLoader, LANGCHAIN4J_CHAT_MODEL);
            boolean springAiAdapter = ClassUtils.isPresent(SPRING_AI_ADAPTER, classLoader);
            boolean langChain4jAdapter = ClassUtils.isPresent(LANGCHAIN4J_ADAPTER, classLoader);
            switch (asked) {
                case "none":
                    return new Choice(Provider.NONE, null);
                case "spring-ai":
                    if (!springAiAdapter) {
                        return problem(PROPERTY + "=spring-ai, but io.habitcoach:habitcoach-spring-ai is not on the "
                                + "class path: add it (and a Spring AI model starter)");
                    }
                    return springAi.isEmpty()
                            ? problem(PROPERTY + "=spring-ai, but the application context has no Spring AI ChatModel "
                                    + "bean: add a Spring AI model starter (e.g. spring-ai-starter-model-openai) or "
                                    + "declare a ChatModel bean")
                            : new Choice(Provider.SPRING_AI, null);
                case "langchain4j":
                    if (!langChain4jAdapter) {
                        return problem(PROPERTY + "=langchain4j, but io.habitcoach:habitcoach-ai is not on the "
                                + "class path: add it (and a LangChain4j model module)");
                    }
                    return langChain4j.isEmpty()
                            ? problem(PROPERTY + "=langchain4j, but the application context has no LangChain4j "
                                    + "ChatModel bean: declare one (or add a LangChain4j Spring Boot starter)")
                            : new Choice(Provider.LANGCHAIN4J, null);
                case "auto":
                    boolean useSpringAi = springAiAdapter && !springAi.isEmpty();
                    boolean useLangChain4j = langChain4jAdapter && !langChain4j.isEmpty();
                    if (useSpringAi && useLangChain4j) {
                        return problem("the application context has both a Spring AI ChatModel bean " + springAi
                                + " and a LangChain4j ChatModel bean " + langChain4j + ", and Habit Coach does not "
                                + "choose silently: set " + PROPERTY + "=spring-ai or " + PROPERTY + "=langchain4j "
                                + "(or " + PROPERTY + "=none for template messages only), or declare your own "
                                + "CoachModel bean");
                    }
                    return new Choice(useSpringAi ? Provider.SPRING_AI
                            : useLangChain4j ? Provider.LANGCHAIN4J : Provider.NONE, null);
                default:
                    return problem(PROPERTY + "=" + asked + " is not one of auto, spring-ai, langchain4j, none");
            }
        }

        private static Choice problem(String message) {
            return new Choice(Provider.PROBLEM, "Habit Coach cannot choose its language model: " + message + ".");
        }

        private static List<String> beans(ConfigurableListableBeanFactory beanFactory, ClassLoader classLoader,
                                          String typeName) {
            if (!ClassUtils.isPresent(typeName, classLoader)) {
                return List.of();
            }
            Class<?> type = ClassUtils.resolveClassName(typeName, classLoader);
            return new ArrayList<>(List.of(beanFactory.getBeanNamesForType(type, true, false)));
        }
    }

    private abstract static class ProviderCondition extends SpringBootCondition {

        private final Provider wanted;

        ProviderCondition(Provider wanted) {
            this.wanted = wanted;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Choice choice = Choice.of(context.getEnvironment(), context.getBeanFactory(), context.getClassLoader());
            String message = PROPERTY + " rule chose " + choice.provider()
                    + (choice.problem() == null ? "" : " (" + choice.problem() + ")");
            return choice.provider() == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
        }
    }

    static final class SpringAiChosen extends ProviderCondition {
        SpringAiChosen() {
            super(Provider.SPRING_AI);
        }
    }

    static final class LangChain4jChosen extends ProviderCondition {
        LangChain4jChosen() {
            super(Provider.LANGCHAIN4J);
        }
    }

    static final class NoChoice extends ProviderCondition {
        NoChoice() {
            super(Provider.PROBLEM);
        }
    }
}
