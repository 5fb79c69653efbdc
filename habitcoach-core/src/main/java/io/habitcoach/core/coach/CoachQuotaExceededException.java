package io.habitcoach.core.coach;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.model.Plan;
import java.util.Objects;

/**
 * The user has had all the language-model replies their plan allows today. A host can turn it into an
 * upgrade prompt; the template coach still answers events. Retrying the same day does not help.
 */
public class CoachQuotaExceededException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final Plan plan;
    private final int limit;
    private final int used;

    public CoachQuotaExceededException(Plan plan, int limit, int used) {
        super("Daily coach reply limit reached: the " + Objects.requireNonNull(plan, "plan").code()
                + " plan allows " + limit + " language-model replies a day, " + used + " used");
        this.plan = plan;
        this.limit = limit;
        this.used = used;
    }

    public Plan plan() {
        return plan;
    }

    /** The plan's daily limit. */
    public int limit() {
        return limit;
    }

    /** The replies already used today. */
    public int used() {
        return used;
    }
}
