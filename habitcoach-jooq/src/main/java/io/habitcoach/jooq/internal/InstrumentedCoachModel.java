package io.habitcoach.jooq.internal;

import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPrompt;
import java.util.Optional;

/**
 * The host's {@link CoachModel}, each call observed as {@link Meters#MODEL} (outcome ok, empty, error).
 * Remembers on the calling thread whether the model replied, so the caller can tell a reply the grounding
 * check refused from no reply ({@link #repliedOnThisThread()}).
 */
public final class InstrumentedCoachModel implements CoachModel {

    private static final ThreadLocal<Boolean> REPLIED = new ThreadLocal<>();

    private final CoachModel model;
    private final Instrumentation instrumentation;

    private InstrumentedCoachModel(CoachModel model, Instrumentation instrumentation) {
        this.model = model;
        this.instrumentation = instrumentation;
    }

    /** {@code model}, timed and counted through {@code instrumentation}. */
    public static InstrumentedCoachModel create(CoachModel model, Instrumentation instrumentation) {
        return new InstrumentedCoachModel(model, instrumentation);
    }

    @Override
    public Optional<String> reply(CoachPrompt prompt) {
        REPLIED.remove();
        Instrumentation.Timing timing = instrumentation.start(Meters.MODEL);
        try {
            Optional<String> reply = model.reply(prompt);
            boolean replied = reply != null && reply.isPresent();
            timing.stop(replied ? "ok" : "empty");
            if (replied) {
                REPLIED.set(Boolean.TRUE);
            }
            return reply;
        } catch (RuntimeException | Error e) {
            timing.error(e, "error");
            throw e;
        }
    }

    /** Whether the last model call on this thread gave a reply (and clears it). */
    public static boolean repliedOnThisThread() {
        boolean replied = REPLIED.get() != null;
        REPLIED.remove();
        return replied;
    }

    @Override
    public String toString() {
        return model.toString();
    }

    /** Counts a coach message by source, and a model reply the grounding check refused, on this thread. */
    public static void countMessage(Instrumentation instrumentation, CoachMessage message, String kind) {
        boolean replied = repliedOnThisThread();
        instrumentation.count(Meters.COACH_MESSAGES, "kind", kind,
                "source", message.source() == CoachMessage.Source.MODEL ? "model" : "template");
        if (replied && message.source() != CoachMessage.Source.MODEL) {
            instrumentation.count(Meters.MODEL_REJECTED, "kind", kind);
        }
    }
}
