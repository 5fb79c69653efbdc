/**
 * Habit Coach in a plain Java program: start with {@link io.habitcoach.examples.plainjava.PlainJavaExample}.
 */
package io.habitcoach.examples.plainjava;
