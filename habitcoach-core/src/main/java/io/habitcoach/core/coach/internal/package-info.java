/**
 * Not API: the framework-neutral half of the language-model adapters ({@code LangChain4jCoachModel} in
 * habitcoach-ai, {@code SpringAiCoachModel} in habitcoach-spring-ai). May change in any release.
 */
package io.habitcoach.core.coach.internal;
