/** Implementation of {@code io.habitcoach.jooq.habits}. Not API: anything here may change without notice. */
package io.habitcoach.jooq.habits.internal;
