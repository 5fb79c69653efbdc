/** LGPD/GDPR: export and purge a user's data, and the retention job. Start from {@code HabitCoach#privacy()}. */
package io.habitcoach.jooq.privacy;
