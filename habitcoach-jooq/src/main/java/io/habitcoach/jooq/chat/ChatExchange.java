package io.habitcoach.jooq.chat;

import io.habitcoach.core.coach.CoachMessage;

/**
 * The user's message and the coach's reply, both stored.
 *
 * @param source whether a language model wrote the reply or the template answered
 */
public record ChatExchange(Conversation conversation, ChatMessage question, ChatMessage reply,
        CoachMessage.Source source) {
}
