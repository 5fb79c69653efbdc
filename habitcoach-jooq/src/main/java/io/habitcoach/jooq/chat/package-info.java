/** Chat with the coach: conversations, messages and replies through the configured model. Start from {@code HabitCoach#chat()}. */
package io.habitcoach.jooq.chat;
