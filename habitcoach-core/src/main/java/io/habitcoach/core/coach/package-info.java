/**
 * The coach: events with their facts, the {@link io.habitcoach.core.coach.CoachPersonality} SPI that turns
 * them into messages, the registry that finds personalities, and the language-model seam.
 *
 * <p>The flow: a service raises a {@link io.habitcoach.core.coach.CoachEvent} (plain facts, computed in
 * code); {@link io.habitcoach.core.coach.CoachWriter} asks the user's personality for a template message
 * (cheap, never blocks) or, when a {@link io.habitcoach.core.coach.CoachModel} is configured, asks the model
 * first and keeps its reply only when {@link io.habitcoach.core.coach.Grounding} accepts it. This package
 * knows nothing of LangChain4j or the database: the {@code habitcoach-ai} module implements the model seam
 * and the built-in personalities; the database services store the messages and count quotas.
 */
package io.habitcoach.core.coach;
