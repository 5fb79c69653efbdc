/** Converters between PostgreSQL column types and the Java types of the generated records. Internal. */
package io.habitcoach.jooq.internal.converter;
