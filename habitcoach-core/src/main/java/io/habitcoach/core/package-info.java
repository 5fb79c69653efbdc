/** Habit Coach's root exceptions and shared contracts. Depends on the JDK only. */
package io.habitcoach.core;
