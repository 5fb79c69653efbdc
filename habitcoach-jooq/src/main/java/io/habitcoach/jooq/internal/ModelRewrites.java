package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachWriter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.habitcoach.core.coach.CoachEventType;
import java.time.Duration;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coach event messages written by the language model, after commit. The event's template message
 * is stored inside the service's transaction as always, so a message exists whatever the model
 * does; once that transaction has committed, the model is asked (on the executor, never while a
 * row is locked) and its grounded reply replaces the template text of that row. A model that
 * fails, times out or states a number that is not among the facts leaves the template in place,
 * and so does a full executor queue or a crash before the rewrite: best effort by design.
 *
 * <p>Model cost is bounded per user (issue 20): a habit's completion message is rewritten only if
 * it is the first of that habit and completion date (completing and undoing one day 25 times asked
 * the model 25 times), and at most {@code dailyLimit} event messages of a user are rewritten in
 * any 24 hours; past that, messages keep their template text. The budget is counted from the
 * stored messages before each call, so rewrites of one user running at the same moment may exceed
 * it by at most the executor's thread count (two by default).
 */
public final class ModelRewrites {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRewrites.class);

    private final Context ctx;
    private final CoachWriter writer;
    private final Executor executor;
    private final int dailyLimit;

    /** The default of {@code coachEventsByModelDailyLimit}: event messages rewritten per user per 24 hours. */
    public static final int DEFAULT_DAILY_LIMIT = 20;

    private ModelRewrites(Context ctx, CoachWriter writer, int dailyLimit, Executor executor) {
        this.ctx = ctx;
        this.writer = writer;
        this.dailyLimit = dailyLimit;
        this.executor = executor;
    }

    /** Rewrites with {@code writer}'s model on {@code executor}, at most {@code dailyLimit} per user per 24 hours. */
    public static ModelRewrites create(Context ctx, CoachWriter writer, int dailyLimit, Executor executor) {
        return new ModelRewrites(ctx, writer, dailyLimit, executor);
    }

    /**
     * Whether the model may rewrite this message: it is still the template's, it is not a repeated
     * completion of a habit and day, and its user has budget left in the last 24 hours.
     */
    private boolean allowed(String messageId, CoachEvent event) {
        if (dailyLimit == 0) {
            return false;
        }
        var m = AI_MESSAGES.as("m");
        var e = AI_MESSAGES.as("e");
        var b = AI_MESSAGES.as("b");
        Field<Boolean> repeated = event instanceof CoachEvent.HabitCompleted
                ? DSL.field(DSL.exists(DSL.selectOne().from(e).where(e.USER_ID.eq(m.USER_ID))
                        .and(e.HABIT_ID.eq(m.HABIT_ID)).and(e.MESSAGE_TYPE.eq(m.MESSAGE_TYPE))
                        .and(DSL.condition("{0} ->> 'date' = {1} ->> 'date'", e.FACTS, m.FACTS))
                        .and(DSL.row(e.CREATED_AT, e.ID).lt(DSL.row(m.CREATED_AT, m.ID)))))
                : DSL.inline(false);
        Field<Integer> used = DSL.field(DSL.selectCount().from(b).where(b.USER_ID.eq(m.USER_ID))
                .and(b.SOURCE.eq("model")).and(b.MESSAGE_TYPE.ne(CoachEventType.CHAT))
                .and(b.CREATED_AT.gt(ctx.now().minus(Duration.ofHours(24)))));
        var row = ctx.db().read(dsl -> dsl.select(repeated, used).from(m)
                .where(m.ID.eq(messageId)).and(m.SOURCE.eq("template")).fetchOne());
        return row != null && !row.value1() && row.value2() < dailyLimit;
    }

    /**
     * Registers the rewrite of a message the running transaction inserted; nothing happens if that
     * transaction rolls back. A message that was not inserted after all (a keyed event stored
     * before) is not touched: the rewrite updates by id.
     */
    public void afterCommit(String messageId, String personalityId, String language, List<String> recentNewestFirst,
            CoachEvent event) {
        List<String> recent = List.copyOf(recentNewestFirst);
        ctx.db().afterCommit(() -> {
            try {
                executor.execute(() -> rewrite(messageId, personalityId, language, recent, event));
            } catch (RejectedExecutionException e) {
                LOG.debug("coach model queue full; message {} keeps its template text",
                        messageId);
            }
        });
    }

    private void rewrite(String messageId, String personalityId, String language, List<String> recent,
            CoachEvent event) {
        try {
            if (!allowed(messageId, event)) {
                LOG.debug("message {} keeps its template text: a repeated completion or the user's model budget",
                        messageId);
                return;
            }
            CoachContext context = CoachContext.forLanguageTag(language).withSeed(messageId.hashCode())
                    .withRecentMessages(recent);
            CoachMessage message = writer.write(personalityId, event, context);
            InstrumentedCoachModel.countMessage(ctx.instrumentation(), message, "event");
            if (!message.fromModel()) {
                return;
            }
            ctx.db().tx(cfg -> DSL.using(cfg).update(AI_MESSAGES)
                    .set(AI_MESSAGES.MESSAGE, message.text())
                    .set(AI_MESSAGES.SOURCE, "model")
                    .where(AI_MESSAGES.ID.eq(messageId)).and(AI_MESSAGES.SOURCE.eq("template"))
                    .execute());
        } catch (RuntimeException e) {
            LOG.warn("coach model rewrite of message {} failed; it keeps its template text", messageId, e);
        }
    }

    /**
     * The default executor: two daemon threads (idle ones end after 30 s) and a queue of 1,000
     * rewrites; beyond that, messages keep their template text.
     */
    public static ExecutorService defaultExecutor() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "habitcoach-coach-model-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
