package io.habitcoach.jooq.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What every service shares: the database, the clock, id generation, the settings and the instrumentation. */
public record Context(Db db, Clock clock, Ids ids, CoachSettings settings, Instrumentation instrumentation) {

    public Context(Db db, Clock clock, Ids ids, CoachSettings settings) {
        this(db, clock, ids, settings, Instrumentation.NONE);
    }

    /** Now, from the injected clock, as the database stores instants. */
    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
