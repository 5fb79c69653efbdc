package io.habitcoach.jooq;

import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.CoachSettings;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Db;
import io.habitcoach.jooq.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The entry point of Habit Coach on PostgreSQL: one instance per application, thread-safe.
 *
 * <pre>{@code
 * HabitCoach coach = HabitCoach.configure()
 *         .dataSource(dataSource)
 *         .clock(clock)
 *         .load();
 * coach.migrate();
 * }</pre>
 */
public final class HabitCoach {

    /** Where the migrations live on the class path: not {@code db/migration}, so a host's Flyway never runs them. */
    public static final String MIGRATIONS_LOCATION = "classpath:db/habitcoach";

    /** Flyway's history table for our migrations, apart from a host's own {@code flyway_schema_history}. */
    public static final String SCHEMA_HISTORY_TABLE = "habitcoach_schema_history";

    private final DataSource dataSource;
    private final Clock clock;
    private final DSLContext dsl;
    private final Context context;
    private final UserService users;
    private final GoalService goals;

    private HabitCoach(Builder builder) {
        this.dataSource = builder.dataSource;
        this.clock = builder.clock;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false));
        this.context = new Context(new Db(dsl), clock, new Ids(clock), new CoachSettings(builder.autoCompleteGoals));
        CoachRecorder coach = (tx, user, goal) -> { };
        this.users = new UserService(context, id -> true, () -> "any");
        this.goals = new GoalService(context, coach);
    }

    /** Users: create, read, update preferences, soft delete. */
    public UserService users() {
        return users;
    }

    /** Goals and their subtasks. */
    public GoalService goals() {
        return goals;
    }

    /** Starts the configuration of a new instance. */
    public static Builder configure() {
        return new Builder();
    }

    /**
     * Applies the Habit Coach migrations to the data source's current schema. Safe to call on every
     * start: applied migrations are skipped, and concurrent callers are serialized by Flyway's lock.
     */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS_LOCATION)
                .table(SCHEMA_HISTORY_TABLE)
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }

    /** The clock every rule reads "now" from. */
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link HabitCoach}. */
    public static final class Builder {

        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private boolean autoCompleteGoals = true;

        private Builder() {
        }

        /** The PostgreSQL data source (required). Pool it: every call takes one connection. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The clock for "now" and the users' "today" (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether a goal completes itself when all its subtasks are completed (default true). */
        public Builder autoCompleteGoals(boolean autoCompleteGoals) {
            this.autoCompleteGoals = autoCompleteGoals;
            return this;
        }

        public HabitCoach load() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required: HabitCoach.configure().dataSource(...)");
            }
            return new HabitCoach(this);
        }
    }
}
