package io.habitcoach.jooq.search;

/**
 * One result of {@link SearchService#search(String, String)}.
 *
 * @param kind    what was found
 * @param id      the habit's, goal's or subtask's id
 * @param goalId  for a subtask, the goal it belongs to; {@code null} otherwise
 * @param title   the habit's name, or the goal's or subtask's title
 * @param snippet the start of the description (at most {@value SearchService#SNIPPET_LENGTH}
 *                characters, cut at a word), or {@code null} when there is none
 * @param rank    higher is better, only comparable within one result list: PostgreSQL's
 *                {@code ts_rank}, where a match in the title weighs more than one in the description;
 *                for an approximate hit, how close the text comes to the farthest word (0.5 to 1)
 * @param approximate whether the hit was found by typo tolerance: no row matched every word, and
 *                this one comes close to each (a result list is all exact or all approximate)
 */
public record SearchHit(Kind kind, String id, String goalId, String title, String snippet, double rank,
        boolean approximate) {

    /** The kind of row a hit is. */
    public enum Kind {
        HABIT,
        GOAL,
        SUBTASK
    }
}
