package io.habitcoach.jooq.habits.internal;

/**
 * The stored state cannot simply be extended (a day before the stored run, a skipped day made
 * done, columns that disagree, a day before the current schedule): {@link HistoryWriter}
 * recomputes from every entry, under the habit's lock.
 */
record NeedsHistory(String why) implements CompletionPlan {
}
