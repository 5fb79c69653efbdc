package io.habitcoach.ai.internal;

import java.util.List;
import java.util.Set;

/**
 * A place in a message that a phrasing fills, with the placeholders it may use and those it must
 * use so that the message states the event's key facts. A message is one main slot plus optional extras
 * (a goal's subtasks and duration, a week's best day and next focus).
 */
public enum Slot {
    // Completions repeat daily with the same name: every sentence carries something that changes each time
    // (a count, or the name for a first completion, which happens once per habit).
    /** The habit's first completion ever: no count to state, and nothing happened "again". */
    COMPLETE_FIRST(Set.of("habit"), List.of(Set.of("habit")), Set.of("habit")),
    /** A streak of 1 after earlier completions: a streak begins; nothing "again", nothing "grown". */
    COMPLETE_STREAK_START(Set.of("habit", "total"), List.of(Set.of("habit"), Set.of("total")), Set.of("total")),
    /** A streak of 2 or more. */
    COMPLETE(Set.of("habit", "streak", "total"), List.of(Set.of("habit"), Set.of("streak")), Set.of("streak", "total")),
    /**
     * Offered beside {@link #COMPLETE} only when the habit is due tomorrow (a daily or specific-days
     * habit whose next day is scheduled): the only completion phrasings that may say "tomorrow".
     */
    COMPLETE_TOMORROW(Set.of("habit", "streak", "total"), List.of(Set.of("habit"), Set.of("streak")),
            Set.of("streak", "total")),
    /** No current streak (a per-week habit before its target, a back-filled day), not the first completion. */
    COMPLETE_NO_STREAK(Set.of("habit", "total"), List.of(Set.of("habit"), Set.of("total")), Set.of("total")),
    STREAK(Set.of("habit", "milestone"), List.of(Set.of("habit"), Set.of("milestone"))),
    MISSED_AFTER_STREAK(Set.of("habit", "previous", "period"), List.of(Set.of("habit"), Set.of("previous"))),
    MISSED(Set.of("habit", "period"), List.of(Set.of("habit"))),
    GOAL(Set.of("goal"), List.of(Set.of("goal"))),
    GOAL_SUBTASKS(Set.of("subtasks"), List.of(Set.of("subtasks"))),
    GOAL_DAYS(Set.of("days"), List.of(Set.of("days"))),
    /** {@code done} and {@code scheduled} are bare numbers; {@code planned} is "5 planned check-ins". */
    WEEKLY(Set.of("done", "scheduled", "planned", "rate"),
            List.of(Set.of("done"), Set.of("scheduled", "planned"), Set.of("rate"))),
    /** Something was scheduled and nothing was done: a gentle word instead of a cold "0 of 7, 0%". */
    WEEKLY_NONE(Set.of("done", "scheduled", "planned", "rate"), List.of(Set.of("scheduled", "planned"))),
    WEEKLY_EMPTY(Set.of(), List.of()),
    WEEKLY_BEST(Set.of("best", "bestOn"), List.of(Set.of("best", "bestOn"))),
    WEEKLY_FOCUS(Set.of("focus"), List.of(Set.of("focus"))),
    /** Every habit is listed. */
    CHAT(Set.of("habits"), List.of(Set.of("habits"))),
    /** Only the first {@code TemplateCoach.CHAT_HABITS_LISTED} habits are listed: the phrasing says "some". */
    CHAT_SOME(Set.of("habits"), List.of(Set.of("habits"))),
    CHAT_NO_HABITS(Set.of(), List.of());

    /** At least this many phrasings per slot and language, so a user rarely reads the same words. */
    public static final int MIN_PHRASINGS = 3;

    private final Set<String> allowed;
    private final List<Set<String>> required;
    private final Set<String> inEverySentence;

    Slot(Set<String> allowed, List<Set<String>> required) {
        this(allowed, required, allowed);
    }

    Slot(Set<String> allowed, List<Set<String>> required, Set<String> inEverySentence) {
        this.allowed = allowed;
        this.required = required;
        this.inEverySentence = inEverySentence;
    }

    /** The placeholders a phrasing of this slot may contain. */
    public Set<String> allowed() {
        return allowed;
    }

    /** For each entry, a phrasing must contain at least one of its placeholders. */
    public List<Set<String>> required() {
        return required;
    }

    /**
     * Every sentence of a phrasing must contain one of these placeholders (none: no such rule). Sentences
     * with a fact differ from one event to the next, which is what keeps "no sentence twice among the
     * last ten" satisfiable; the slots without facts rely on their several phrasings instead.
     */
    public Set<String> inEverySentence() {
        return inEverySentence;
    }
}
