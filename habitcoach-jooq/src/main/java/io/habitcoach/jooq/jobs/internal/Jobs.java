package io.habitcoach.jooq.jobs.internal;

import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.HabitRows;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.jooq.HabitCoachDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the coach jobs share. */
public final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** Attempts per batch: a deadlock or serialization failure is retried, anything else is not. */
    static final int ATTEMPTS = 3;

    /**
     * Users per chunk, by default: each job walks the users table in primary-key ranges of this many
     * users and finds the due work of one range with one statement, so no statement scans the whole
     * table and the total work grows linearly with the table.
     */
    public static final int USERS_PER_CHUNK = 2_000;

    /**
     * The habit columns the jobs read: identity, schedule and the streak state ({@link HabitRows#state},
     * {@link HabitRows#schedule}), not the texts a job never shows.
     */
    static final List<Field<?>> HABIT_FIELDS = List.of(HABITS.ID, HABITS.USER_ID, HABITS.NAME, HABITS.FREQUENCY,
            HABITS.SPECIFIC_DAYS, HABITS.TIMES_PER_WEEK, HABITS.STATUS, HABITS.CREATED_AT, HABITS.CURRENT_STREAK,
            HABITS.LONGEST_STREAK, HABITS.TOTAL_COMPLETED, HABITS.COMPLETED_LAST_AT, HABITS.STREAK_RUN_LENGTH,
            HABITS.STREAK_RUN_START, HABITS.STREAK_RUN_END, HABITS.STREAK_NEXT_DUE, HABITS.STREAK_PREVIOUS_RUN_LENGTH,
            HABITS.STREAK_PREVIOUS_RUN_END, HABITS.STREAK_LAST_UNMET_WEEK, HABITS.STREAK_LAST_UNMET_WEEK_DONE,
            HABITS.STREAK_EXCUSED_THROUGH);

    private Jobs() {
    }

    /**
     * The last user id of the chunk of {@code size} users that follows {@code after} (null: from the
     * start), or null when fewer remain (the chunk is open-ended). An index-only scan.
     */
    static String chunkEnd(Context ctx, String after, int size) {
        return ctx.db().read(dsl -> dsl.select(USERS.ID).from(USERS)
                .where(after == null ? DSL.noCondition() : USERS.ID.gt(after))
                .orderBy(USERS.ID).offset(size - 1).limit(1)
                .fetchOne(USERS.ID));
    }

    /** {@code users.id} in the chunk {@code (after, last]}; either bound may be null (open). */
    static Condition inChunk(String after, String last) {
        return (after == null ? DSL.noCondition() : USERS.ID.gt(after))
                .and(last == null ? DSL.noCondition() : USERS.ID.le(last));
    }

    /**
     * Locks the habits (user id, habit id), in that order, for the rest of the transaction
     * ({@code FOR NO KEY UPDATE}): one statement on one server; on Citus, which locks rows only in
     * router queries, one statement per user, each on the user's shard (the same global order, so
     * overlapping runs still queue instead of deadlocking). docs/scale-out.md.
     */
    static void lockHabits(Context ctx, DSLContext dsl, List<Record2<String, String>> ids) {
        if (!ctx.db().citus()) {
            dsl.select(HABITS.ID).from(HABITS).where(HABITS.ID.in(ids.stream().map(Record2::value2).toList()))
                    .orderBy(HABITS.USER_ID, HABITS.ID).forNoKeyUpdate().fetch();
            return;
        }
        java.util.Map<String, List<String>> byUser = new java.util.TreeMap<>();
        for (Record2<String, String> id : ids) {
            byUser.computeIfAbsent(id.value1(), u -> new ArrayList<>()).add(id.value2());
        }
        byUser.forEach((user, habits) -> dsl.select(HABITS.ID).from(HABITS)
                .where(HABITS.USER_ID.eq(user)).and(HABITS.ID.in(habits))
                .orderBy(HABITS.ID).forNoKeyUpdate().fetch());
    }

    /** {@code list} cut into consecutive pieces of at most {@code size}. */
    static <T> List<List<T>> batches(List<T> list, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            batches.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return batches;
    }

    /**
     * Runs one batch's transaction, again after a transient failure (deadlock, serialization failure,
     * lost connection). A retried batch re-checks everything, so a retry never doubles an event.
     */
    static <T> T withRetry(String job, Supplier<T> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return batch.get();
            } catch (HabitCoachDataException e) {
                if (!e.isRetryable() || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warn("{}: a batch failed transiently (attempt {} of {}), retrying: {}", job, attempt, ATTEMPTS,
                        e.getMessage());
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
