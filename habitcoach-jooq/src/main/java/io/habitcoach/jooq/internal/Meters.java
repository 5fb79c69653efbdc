package io.habitcoach.jooq.internal;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.coach.CoachQuotaExceededException;
import io.habitcoach.core.model.HabitStatus;

/** The names and tags of the library's meters and observations: the table in docs/observability.md. */
public final class Meters {

    /** Observation (timer) around {@code HabitService.complete}; tag {@code outcome}. */
    public static final String COMPLETE = "habitcoach.complete";
    /** Counter of completion-cache look-ups; tag {@code result}: hit, miss. */
    public static final String COMPLETION_CACHE = "habitcoach.completion.cache";
    /** Observation (timer) around each language-model call; tags {@code outcome}: ok, empty, error. */
    public static final String MODEL = "habitcoach.model";
    /** Counter of model replies the grounding check refused (the template was used instead); tag {@code kind}. */
    public static final String MODEL_REJECTED = "habitcoach.model.rejected";
    /** Counter of coach messages by {@code source} (model, template) and {@code kind} (chat, event). */
    public static final String COACH_MESSAGES = "habitcoach.coach.messages";
    /** Observation (timer) around one run of a job; tags {@code job}, {@code outcome}. */
    public static final String JOB = "habitcoach.job";
    /** Counters of what a job run processed; tag {@code job}. */
    public static final String JOB_USERS = "habitcoach.job.users";
    public static final String JOB_EVENTS = "habitcoach.job.events";
    /** Observation (timer) around a chat request ({@code start}, {@code send}); tags {@code operation}, {@code outcome}. */
    public static final String CHAT = "habitcoach.chat";

    /** Function counter of replica-eligible reads by {@code target}: replica, primary (docs/scale-out.md). */
    public static final String REPLICA_READS = "habitcoach.replica.reads";
    /** Function counter of those reads that went to the primary, by {@code reason}: awaiting_replay, replica_down, replica_lagging. */
    public static final String REPLICA_FALLBACKS = "habitcoach.replica.fallbacks";
    /** Gauge: the replica's lag in seconds at its last check; NaN while it is unreachable. */
    public static final String REPLICA_LAG = "habitcoach.replica.lag";
    /** Gauge: 1 when the replica answered at its last check, else 0. */
    public static final String REPLICA_UP = "habitcoach.replica.up";

    private Meters() {
    }

    /** The outcome tag of a refused or failed call. */
    public static String refusal(Throwable error) {
        if (error instanceof CompletionWindowException) {
            return "refused_window";
        }
        if (error instanceof HabitNotActiveException notActive) {
            return notActive.status() == HabitStatus.PAUSED ? "refused_paused"
                    : notActive.status() == HabitStatus.ARCHIVED ? "refused_archived" : "refused_not_active";
        }
        if (error instanceof CoachQuotaExceededException) {
            return "quota_refused";
        }
        if (error instanceof NotFoundException) {
            return "not_found";
        }
        if (error instanceof InvalidInputException) {
            return "invalid";
        }
        return "error";
    }
}
