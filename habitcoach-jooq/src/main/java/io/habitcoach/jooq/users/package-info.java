/** Users: create, read, update preferences (zone, day start, language, personality), soft delete. Start from {@code HabitCoach#users()}. */
package io.habitcoach.jooq.users;
