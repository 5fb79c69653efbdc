package io.habitcoach.core;

import java.util.Objects;

/**
 * A per-user cap was reached: the user already has as many of {@link #what()} as the host allows
 * ({@link #limit()}), so the next one was refused and nothing was written. Not retryable: the same
 * call succeeds only after the user removes something or the host raises the limit. A host can map it
 * to HTTP 409 or 422 with the message.
 */
public class LimitExceededException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final int limit;

    /**
     * @param what  what was counted, e.g. {@code habits}, {@code goals}, {@code subtasks of a goal},
     *              {@code conversations}
     * @param limit the cap that was reached
     */
    public LimitExceededException(String what, int limit) {
        super("limit reached: at most " + limit + " " + Objects.requireNonNull(what, "what") + " allowed");
        this.what = what;
        this.limit = limit;
    }

    /** What the cap counts: {@code habits}, {@code goals}, {@code subtasks of a goal} or {@code conversations}. */
    public String what() {
        return what;
    }

    /** The cap that was reached. */
    public int limit() {
        return limit;
    }
}
