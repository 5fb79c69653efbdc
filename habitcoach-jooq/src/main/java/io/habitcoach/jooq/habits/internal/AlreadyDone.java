package io.habitcoach.jooq.habits.internal;

import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;

/** The day is already done: the entry is the answer, nothing is written, no event raised. */
record AlreadyDone(HabitCompletionsRecord entry) implements CompletionPlan {
}
