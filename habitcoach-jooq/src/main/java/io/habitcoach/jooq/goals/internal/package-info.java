/** Implementation of {@code io.habitcoach.jooq.goals}. Not API: anything here may change without notice. */
package io.habitcoach.jooq.goals.internal;
