package io.habitcoach.jooq.internal;

import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import org.jooq.DSLContext;

/** Turns coach events raised inside a service's transaction into stored coach messages. */
public interface CoachRecorder {

    void goalCompleted(DSLContext tx, UsersRecord user, GoalsRecord goal);
}
