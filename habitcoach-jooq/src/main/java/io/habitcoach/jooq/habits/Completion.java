package io.habitcoach.jooq.habits;

import io.habitcoach.core.model.EntryKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a habit for one local day: done, or skipped (a rest day). */
public record Completion(String id, String habitId, LocalDate date, EntryKind kind, String notes,
        OffsetDateTime createdAt) {
}
