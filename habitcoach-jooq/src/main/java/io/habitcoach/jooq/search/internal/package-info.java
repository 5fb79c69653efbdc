/** Implementation of {@code io.habitcoach.jooq.search}. Not API: anything here may change without notice. */
package io.habitcoach.jooq.search.internal;
