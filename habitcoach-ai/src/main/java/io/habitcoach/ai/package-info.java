/**
 * The built-in coach personalities ({@link io.habitcoach.ai.YodaPersonality}, {@link
 * io.habitcoach.ai.GeneralPersonality}, {@link io.habitcoach.ai.MentorPersonality}), found through
 * {@code ServiceLoader} once this module is on the class path, and {@link
 * io.habitcoach.ai.LangChain4jCoachModel}, which lets any LangChain4j {@code ChatModel} write coach
 * messages with a hard deadline and a template fallback.
 *
 * <p>Template language: English for English locales, Portuguese (Brazil) for Portuguese and for an
 * unset language (the seed's default), English for any other language. A language model, when
 * configured, is asked to reply in the user's own language.
 */
package io.habitcoach.ai;
