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
 */
public final class ModelRewrites {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRewrites.class);

    private final Context ctx;
    private final CoachWriter writer;
    private final Executor executor;

    public ModelRewrites(Context ctx, CoachWriter writer, Executor executor) {
        this.ctx = ctx;
        this.writer = writer;
        this.executor = executor;
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
            CoachContext context = CoachContext.forLanguageTag(language).withSeed(messageId.hashCode())
                    .withRecentMessages(recent);
            CoachMessage message = writer.write(personalityId, event, context);
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
