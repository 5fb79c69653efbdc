package io.habitcoach.core.coach;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.model.Plan;
import java.util.Objects;

/**
 * How many language-model replies a user may get per day, by plan. Counting is the database layer's
 * job (the replies of the user's current day); this record holds the limits and the check. Only model
 * replies count: template messages, including every event message, are never limited.
 *
 * @param freeDailyModelReplies limit for {@link Plan#FREE}
 * @param proDailyModelReplies  limit for {@link Plan#PRO}
 */
public record CoachQuota(int freeDailyModelReplies, int proDailyModelReplies) {

    public static final int DEFAULT_FREE_DAILY_MODEL_REPLIES = 20;
    public static final int DEFAULT_PRO_DAILY_MODEL_REPLIES = 500;

    public CoachQuota {
        InvalidInputException.require(freeDailyModelReplies >= 0, "freeDailyModelReplies",
                "zero or more, got " + freeDailyModelReplies);
        InvalidInputException.require(proDailyModelReplies >= 0, "proDailyModelReplies",
                "zero or more, got " + proDailyModelReplies);
    }

    /** 20 replies a day on {@code free}, 500 on {@code pro}. */
    public static CoachQuota defaults() {
        return new CoachQuota(DEFAULT_FREE_DAILY_MODEL_REPLIES, DEFAULT_PRO_DAILY_MODEL_REPLIES);
    }

    public CoachQuota withFreeDailyModelReplies(int limit) {
        return new CoachQuota(limit, proDailyModelReplies);
    }

    public CoachQuota withProDailyModelReplies(int limit) {
        return new CoachQuota(freeDailyModelReplies, limit);
    }

    public int dailyLimit(Plan plan) {
        return switch (Objects.requireNonNull(plan, "plan")) {
            case FREE -> freeDailyModelReplies;
            case PRO -> proDailyModelReplies;
        };
    }

    /** Whether a user who already got {@code usedToday} model replies today may get another. */
    public boolean allows(Plan plan, int usedToday) {
        return usedToday < dailyLimit(plan);
    }

    /**
     * Throws unless another model reply is allowed today.
     *
     * @throws CoachQuotaExceededException with the plan, its limit and the replies used
     */
    public void check(Plan plan, int usedToday) {
        if (!allows(plan, usedToday)) {
            throw new CoachQuotaExceededException(plan, dailyLimit(plan), usedToday);
        }
    }
}
