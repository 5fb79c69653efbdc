package io.habitcoach.spring.boot;

import java.util.List;

/**
 * Thrown while the auto-configured {@code HabitCoach} bean is created when the application context
 * cannot give it one {@code DataSource}: none, or several without a {@code @Primary} one. The starter
 * fails the startup instead of silently not defining the bean; {@link HabitCoachStartupFailureAnalyzer}
 * turns it into Spring Boot's "APPLICATION FAILED TO START" report with what to do.
 */
public class HabitCoachStartupException extends RuntimeException {

    private final List<String> dataSourceBeans;

    HabitCoachStartupException(List<String> dataSourceBeans) {
        super(dataSourceBeans.isEmpty()
                ? "Habit Coach needs a DataSource, but the application context has no DataSource bean"
                : "Habit Coach needs one DataSource, but the application context has " + dataSourceBeans.size()
                        + " DataSource beans and none of them is @Primary: " + String.join(", ", dataSourceBeans));
        this.dataSourceBeans = List.copyOf(dataSourceBeans);
    }

    /** The names of the {@code DataSource} beans found: empty when there was none. */
    public List<String> dataSourceBeans() {
        return dataSourceBeans;
    }
}
