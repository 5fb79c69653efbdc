/** JMH benchmarks of the core rules: streaks (full and incremental) and habit strength. */
package io.habitcoach.benchmarks.core;
