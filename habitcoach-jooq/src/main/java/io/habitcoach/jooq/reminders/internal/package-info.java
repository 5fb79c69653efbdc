/** Implementation of {@code io.habitcoach.jooq.reminders}. Not API: anything here may change without notice. */
package io.habitcoach.jooq.reminders.internal;
