/** Implementation of the Habit Coach services. Not API: anything here may change without notice. */
package io.habitcoach.jooq.internal;
