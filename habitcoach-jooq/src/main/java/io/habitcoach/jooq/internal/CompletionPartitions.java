package io.habitcoach.jooq.internal;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps the yearly partitions of {@code habit_completions} (V8) ahead of the calendar: last year, this
 * year and next year exist after each call, so a write never lands in the DEFAULT partition in normal
 * use and a range read of recent days prunes to one or two partitions. Idempotent and safe on several
 * instances at once (the database function takes an advisory lock before it creates anything).
 */
public final class CompletionPartitions {

    /** How many years past {@code asOf}'s year are created ahead. */
    public static final int YEARS_AHEAD = 1;

    private CompletionPartitions() {
    }

    /**
     * Creates the missing partitions from the year before {@code asOf} (UTC; users' local days are at
     * most a day apart from it) to {@link #YEARS_AHEAD} after; returns how many were created.
     */
    public static int ensure(Db db, Instant asOf) {
        int year = asOf.atZone(ZoneOffset.UTC).getYear();
        Integer created = db.tx(cfg -> org.jooq.impl.DSL.using(cfg)
                .resultQuery("select habitcoach_ensure_completion_partitions(?, ?)", year - 1, year + YEARS_AHEAD)
                .fetchOne(0, Integer.class));
        return created == null ? 0 : created;
    }
}
