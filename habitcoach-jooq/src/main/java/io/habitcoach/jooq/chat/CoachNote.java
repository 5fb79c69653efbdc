package io.habitcoach.jooq.chat;

import io.habitcoach.core.coach.CoachEventType;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A message the coach left the user on an event (a completion, a milestone, a missed period, a goal,
 * a weekly analysis): what a feed or a habit page shows.
 *
 * @param id          the message's id
 * @param type        the event it answers
 * @param text        the words, in the user's language and coach personality
 * @param personality the personality that spoke
 * @param fromModel   whether a language model wrote it (else a template)
 * @param habitId     the habit it is about, or null
 * @param goalId      the goal it is about, or null
 * @param createdAt   when it was written
 */
public record CoachNote(String id, CoachEventType type, String text, String personality, boolean fromModel,
        String habitId, String goalId, OffsetDateTime createdAt) {

    public CoachNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
