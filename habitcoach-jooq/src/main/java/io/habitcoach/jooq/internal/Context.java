package io.habitcoach.jooq.internal;

import io.habitcoach.jooq.Limits;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** What every service shares: the database, the clock, id generation, the settings and the instrumentation. */
public final class Context {

    private final Db db;
    private final Clock clock;
    private final Ids ids;
    private final CoachSettings settings;
    private final Instrumentation instrumentation;

    private Context(Db db, Clock clock, Ids ids, CoachSettings settings, Instrumentation instrumentation) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.instrumentation = instrumentation;
    }

    /**
     * The context of one {@code HabitCoach}: its {@link Db} on {@code dsl} (reads routed by {@code replica},
     * null when there is none), ids from {@code clock}, and the builder's settings.
     */
    public static Context create(DSLContext dsl, ReplicaRouter replica, Clock clock, boolean autoCompleteGoals,
            Limits limits, Instrumentation instrumentation) {
        return new Context(new Db(dsl, replica), clock, new Ids(clock), new CoachSettings(autoCompleteGoals, limits),
                instrumentation);
    }

    public Db db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public Ids ids() {
        return ids;
    }

    public CoachSettings settings() {
        return settings;
    }

    public Instrumentation instrumentation() {
        return instrumentation;
    }

    /** Now, from the injected clock, as the database stores instants. */
    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
