/** Implementation of {@code io.habitcoach.jooq.jobs}. Not API: anything here may change without notice. */
package io.habitcoach.jooq.jobs.internal;
