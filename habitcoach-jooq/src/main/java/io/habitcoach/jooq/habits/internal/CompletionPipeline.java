package io.habitcoach.jooq.habits.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.Db;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.internal.Meters;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * {@code complete()}: three attempts over the same parts, each a {@link CompletionSnapshot}, a
 * {@link CompletionPlan} made by core's rules, and the one writer of that plan.
 * <ol>
 *   <li><b>remembered</b>: the snapshot this instance kept from its last completion of the habit;
 *       an append is then one auto-committed statement;</li>
 *   <li><b>read</b>: a fresh unlocked read, auto-committed; an append is a second statement;</li>
 *   <li><b>locked</b>: in a transaction, the read {@code FOR NO KEY UPDATE}; every plan is carried
 *       out here, the full-history one included.</li>
 * </ol>
 * An attempt gives way to the next when its snapshot may be stale (the append's write matched
 * nothing, a refusal from what was remembered) or the plan needs the lock (the full history).
 */
public final class CompletionPipeline {

    private static final Duration REMEMBERED_FOR = Duration.ofDays(30);
    /** A unique violation: an entry written by something that does not update the habit row. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The completion, and whether the day already was done (an idempotent repeat: nothing written). */
    public static final class Completed {

        private final Completion completion;
        private final boolean alreadyDone;

        private Completed(Completion completion, boolean alreadyDone) {
            this.completion = completion;
            this.alreadyDone = alreadyDone;
        }

        public Completion completion() {
            return completion;
        }

        public boolean alreadyDone() {
            return alreadyDone;
        }
    }

    /** The owner's half of a remembered snapshot: a user's settings and messages change with any of their habits. */
    private record RememberedOwner(UsersRecord owner, String version, List<String> recent, byte[] recentHash) {
    }

    private enum Attempt {
        REMEMBERED, READ, LOCKED
    }

    private final Context ctx;
    private final CoachRecorder coach;
    /** What the last completion through this instance left, per habit and per owner; null when off. */
    private final Cache<String, CompletionSnapshot> habits;
    private final Cache<String, RememberedOwner> owners;

    private CompletionPipeline(Context ctx, CoachRecorder coach, int cacheSize) {
        this.ctx = ctx;
        this.coach = coach;
        this.habits = cacheSize == 0 ? null : cache(cacheSize, ctx.clock());
        this.owners = cacheSize == 0 ? null : cache(cacheSize, ctx.clock());
    }

    /** {@code cacheSize}: how many habits (and as many owners) to remember; 0 for none. */
    public static CompletionPipeline create(Context ctx, CoachRecorder coach, int cacheSize) {
        return new CompletionPipeline(ctx, coach, cacheSize);
    }

    private static <V> Cache<String, V> cache(int size, Clock clock) {
        // Maintenance on the calling threads: a library starts no work of its own on the common pool.
        // Entries expire after 30 days (by the injected clock): a remembered row version is a 32-bit
        // transaction id, which the server hands out again only after some four billion transactions
        // (1,650 a second for those 30 days), and even then the row would have to be written by that
        // very transaction to pass for unchanged. Staleness itself needs no expiry: the write checks.
        return Caffeine.newBuilder().maximumSize(size).expireAfterWrite(REMEMBERED_FOR)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /** What an attempt ended with: the completion, or the later attempt that must decide instead. */
    private sealed interface Step permits Done, GiveWay {
    }

    private record Done(Completed completed) implements Step {
    }

    private record GiveWay(Attempt to) implements Step {
    }

    /** Completes {@code date} of the user's habit: see {@code HabitService#complete}. */
    public Completed complete(String userId, String habitId, LocalDate date, String note) {
        if (userId == null || habitId == null) {
            throw new NotFoundException("habit", String.valueOf(habitId));
        }
        CompletionSnapshot remembered = remembered(userId, habitId);
        Attempt attempt = remembered != null ? Attempt.REMEMBERED : Attempt.READ;
        while (true) {   // each attempt decides or gives way to a later one; the locked one always decides
            Attempt current = attempt;
            Step step = switch (current) {
                case REMEMBERED -> ctx.db().autocommit(dsl -> {
                    Db.wroteFor(userId);
                    return attempt(dsl, current, remembered, date, note);
                });
                case READ -> ctx.db().autocommit(dsl -> {
                    Db.wroteFor(userId);
                    return attempt(dsl, current, read(dsl, userId, habitId, date, false), date, note);
                });
                case LOCKED -> ctx.db().tx(cfg -> {
                    DSLContext dsl = DSL.using(cfg);
                    Db.wroteFor(userId);
                    return attempt(dsl, current, read(dsl, userId, habitId, date, true), date, note);
                });
            };
            if (step instanceof Done done) {
                return done.completed();
            }
            attempt = ((GiveWay) step).to();
            if (current == Attempt.REMEMBERED && attempt == Attempt.READ) {
                habits.invalidate(habitId);   // what it remembered was stale
                owners.invalidate(userId);
            }
        }
    }

    private static CompletionSnapshot read(DSLContext dsl, String userId, String habitId, LocalDate date, boolean lock) {
        CompletionSnapshot s = CompletionSnapshot.read(dsl, userId, habitId, date, lock);
        if (s == null) {
            throw new NotFoundException("habit", habitId);
        }
        return s;
    }

    /** The snapshot this instance remembers for the habit and its owner, or null. */
    private CompletionSnapshot remembered(String userId, String habitId) {
        if (habits == null) {
            return null;
        }
        CompletionSnapshot habit = habits.getIfPresent(habitId);
        RememberedOwner owner = owners.getIfPresent(userId);
        boolean hit = habit != null && owner != null && habit.userId().equals(userId);
        ctx.instrumentation().count(Meters.COMPLETION_CACHE, "result", hit ? "hit" : "miss");
        return hit ? habit.withOwner(owner.owner, owner.version, owner.recent, owner.recentHash) : null;
    }

    /** One attempt: plans from {@code s} and carries the plan out, or gives way to a later attempt. */
    private Step attempt(DSLContext dsl, Attempt attempt, CompletionSnapshot s, LocalDate date, String note) {
        LocalDate today = Days.today(ctx.clock(), s.owner());
        CompletionPlan plan = CompletionPlan.of(s, date, today);
        boolean locked = attempt == Attempt.LOCKED;
        if (plan instanceof Refused refused) {
            if (attempt == Attempt.REMEMBERED) {
                return new GiveWay(Attempt.READ);   // what this instance remembered may be stale; a read is the truth
            }
            throw refused.reason();
        }
        if (plan instanceof AlreadyDone already) {
            return new Done(new Completed(HabitRows.toCompletion(already.entry()), true));
        }
        if (plan instanceof Append append) {
            Optional<Completed> appended = append(dsl, !locked, s, date, note, append);
            if (appended.isPresent()) {
                return new Done(appended.get());
            }
            if (!locked) {
                return new GiveWay(attempt == Attempt.REMEMBERED ? Attempt.READ : Attempt.LOCKED);
            }
            // under the lock the snapshot is current: only an entry written without the lock is news
        } else if (!locked) {
            return new GiveWay(Attempt.LOCKED);   // the full history is recomputed under the lock
        }
        HistoryWriter.Result written = HistoryWriter.write(dsl, coach, s, date, note, today, ctx.ids().next(), ctx.now());
        return new Done(new Completed(HabitRows.toCompletion(written.entry()), written.alreadyDone()));
    }

    private Optional<Completed> append(DSLContext dsl, boolean autoCommitted, CompletionSnapshot s, LocalDate date,
            String note, Append plan) {
        List<CoachRecorder.Rendered> messages = coach.renderAll(s.owner().getSelectedPersonality(),
                s.owner().getLanguage(), s.recent(), plan.events());
        List<String> messageIds = new ArrayList<>(messages.size());
        for (int m = 0; m < messages.size(); m++) {
            messageIds.add(ctx.ids().next());
        }
        OffsetDateTime now = ctx.now();
        AppendWriter.Rows rows = new AppendWriter.Rows(ctx.ids().next(), note, now, messageIds, messages);
        AppendWriter.Written written;
        try {
            written = AppendWriter.write(dsl, ctx.db().citus(dsl), autoCommitted, s, date, plan, rows);
        } catch (DataAccessException e) {
            if (autoCommitted && UNIQUE_VIOLATION.equals(e.sqlState())) {
                return Optional.empty();   // an entry written by something that did not update the habit row
            }
            throw e;
        }
        if (written == null) {
            return Optional.empty();
        }
        for (int m = 0; m < messages.size(); m++) {
            coach.rewriteAfterCommit(messageIds.get(m), messages.get(m).personalityId(), s.owner().getLanguage(),
                    s.recent(), plan.events().get(m).event());
        }
        remember(s, plan, written);
        return Optional.of(new Completed(new Completion(rows.entryId(), s.habitId(), date, EntryKind.DONE, note, now),
                false));
    }

    /** Keeps what the append left for the habit's next completion, once committed (a rollback leaves versions that never were). */
    private void remember(CompletionSnapshot s, Append plan, AppendWriter.Written written) {
        if (habits == null) {
            return;
        }
        CompletionSnapshot next = s.afterAppend(plan.after(), plan.summary(), written.version(), written.recent(),
                written.recentHash());
        RememberedOwner owner = new RememberedOwner(s.owner(), s.ownerVersion(), written.recent(), written.recentHash());
        // When the model rewrites the message just written, the owner's last messages will have
        // changed by the next completion: reading them then costs less than a write that fails.
        boolean rewritten = coach.rewritesMessages();
        ctx.db().afterCommit(() -> {
            habits.put(s.habitId(), next);
            if (rewritten) {
                owners.invalidate(s.userId());
            } else {
                owners.put(s.userId(), owner);
            }
        });
    }
}
