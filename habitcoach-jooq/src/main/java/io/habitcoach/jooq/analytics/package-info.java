/** Analytics events: record, and count by name and UTC day. Start from {@code HabitCoach#analytics()}. */
package io.habitcoach.jooq.analytics;
