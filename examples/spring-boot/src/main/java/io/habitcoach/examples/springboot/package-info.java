/**
 * Habit Coach in a Spring Boot application through habitcoach-spring-boot-starter.
 */
package io.habitcoach.examples.springboot;
