package io.habitcoach.jooq.goals.internal;

import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_VERSIONS;

import io.habitcoach.jooq.goals.GoalVersion;
import io.habitcoach.jooq.schema.tables.records.GoalVersionsRecord;
import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes and reads {@code goal_versions}: the goal service calls {@link #record} in the transaction of
 * every change of a goal's title, description, category, dates or status.
 */
public final class GoalVersions {

    private GoalVersions() {
    }

    /** The first version of a goal just inserted, copied from its row. */
    public static void created(DSLContext dsl, String userId, String goalId, OffsetDateTime now) {
        dsl.insertInto(GOAL_VERSIONS, GOAL_VERSIONS.USER_ID, GOAL_VERSIONS.GOAL_ID, GOAL_VERSIONS.VERSION,
                        GOAL_VERSIONS.VALID_FROM, GOAL_VERSIONS.TITLE, GOAL_VERSIONS.DESCRIPTION, GOAL_VERSIONS.CATEGORY,
                        GOAL_VERSIONS.START_DATE, GOAL_VERSIONS.DEADLINE, GOAL_VERSIONS.STATUS,
                        GOAL_VERSIONS.COMPLETED_AT)
                .select(DSL.select(GOALS.USER_ID, GOALS.ID, DSL.val(1), DSL.val(now), GOALS.TITLE, GOALS.DESCRIPTION,
                                GOALS.CATEGORY, GOALS.START_DATE, GOALS.DEADLINE, GOALS.STATUS, GOALS.COMPLETED_AT)
                        .from(GOALS).where(GOALS.USER_ID.eq(userId)).and(GOALS.ID.eq(goalId)))
                .execute();
    }

    /** Closes the open version and writes the row's values as the next one, unless they are unchanged. */
    public static void record(DSLContext dsl, GoalsRecord g, OffsetDateTime now) {
        GoalVersionsRecord open = dsl.selectFrom(GOAL_VERSIONS).where(GOAL_VERSIONS.USER_ID.eq(g.getUserId()))
                .and(GOAL_VERSIONS.GOAL_ID.eq(g.getId())).and(GOAL_VERSIONS.VALID_TO.isNull()).fetchOne();
        if (open != null && Objects.equals(open.getTitle(), g.getTitle())
                && Objects.equals(open.getDescription(), g.getDescription()) && open.getCategory() == g.getCategory()
                && Objects.equals(open.getStartDate(), g.getStartDate())
                && Objects.equals(open.getDeadline(), g.getDeadline()) && open.getStatus() == g.getStatus()
                && Objects.equals(open.getCompletedAt(), g.getCompletedAt())) {
            return;
        }
        if (open != null) {
            dsl.update(GOAL_VERSIONS).set(GOAL_VERSIONS.VALID_TO, now)
                    .where(GOAL_VERSIONS.USER_ID.eq(g.getUserId())).and(GOAL_VERSIONS.GOAL_ID.eq(g.getId()))
                    .and(GOAL_VERSIONS.VERSION.eq(open.getVersion())).execute();
        }
        dsl.insertInto(GOAL_VERSIONS)
                .set(GOAL_VERSIONS.USER_ID, g.getUserId()).set(GOAL_VERSIONS.GOAL_ID, g.getId())
                .set(GOAL_VERSIONS.VERSION, open == null ? 1 : open.getVersion() + 1)
                .set(GOAL_VERSIONS.VALID_FROM, now)
                .set(GOAL_VERSIONS.TITLE, g.getTitle()).set(GOAL_VERSIONS.DESCRIPTION, g.getDescription())
                .set(GOAL_VERSIONS.CATEGORY, g.getCategory()).set(GOAL_VERSIONS.START_DATE, g.getStartDate())
                .set(GOAL_VERSIONS.DEADLINE, g.getDeadline()).set(GOAL_VERSIONS.STATUS, g.getStatus())
                .set(GOAL_VERSIONS.COMPLETED_AT, g.getCompletedAt())
                .execute();
    }

    /** The goal's versions, oldest first. */
    public static List<GoalVersion> all(DSLContext dsl, String userId, String goalId) {
        return dsl.selectFrom(GOAL_VERSIONS).where(GOAL_VERSIONS.USER_ID.eq(userId))
                .and(GOAL_VERSIONS.GOAL_ID.eq(goalId)).orderBy(GOAL_VERSIONS.VERSION)
                .fetch(GoalVersions::toVersion);
    }

    /** The version in force at {@code at}, or null before the goal was created. */
    public static GoalVersion asOf(DSLContext dsl, String userId, String goalId, OffsetDateTime at) {
        return dsl.selectFrom(GOAL_VERSIONS).where(GOAL_VERSIONS.USER_ID.eq(userId))
                .and(GOAL_VERSIONS.GOAL_ID.eq(goalId)).and(GOAL_VERSIONS.VALID_FROM.le(at))
                .and(GOAL_VERSIONS.VALID_TO.isNull().or(GOAL_VERSIONS.VALID_TO.gt(at)))
                .orderBy(GOAL_VERSIONS.VERSION.desc()).limit(1)
                .fetchOne(GoalVersions::toVersion);
    }

    private static GoalVersion toVersion(GoalVersionsRecord v) {
        return new GoalVersion(v.getGoalId(), v.getVersion(), v.getTitle(), v.getDescription(), v.getCategory(),
                v.getStartDate(), v.getDeadline(), v.getStatus(), v.getCompletedAt(), v.getValidFrom(),
                v.getValidTo());
    }
}
