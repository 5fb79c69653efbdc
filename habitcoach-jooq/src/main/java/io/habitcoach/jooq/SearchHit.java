package io.habitcoach.jooq;

/**
 * One result of {@link SearchService#search(String, String)}.
 *
 * @param kind    what was found
 * @param id      the habit's, goal's or subtask's id
 * @param goalId  for a subtask, the goal it belongs to; {@code null} otherwise
 * @param title   the habit's name, or the goal's or subtask's title
 * @param snippet the start of the description (at most {@value SearchService#SNIPPET_LENGTH}
 *                characters, cut at a word), or {@code null} when there is none
 * @param rank    PostgreSQL's {@code ts_rank}: higher is better; a match in the title weighs more than
 *                one in the description. Only comparable within one result list.
 */
public record SearchHit(Kind kind, String id, String goalId, String title, String snippet, double rank) {

    /** The kind of row a hit is. */
    public enum Kind {
        HABIT,
        GOAL,
        SUBTASK
    }
}
