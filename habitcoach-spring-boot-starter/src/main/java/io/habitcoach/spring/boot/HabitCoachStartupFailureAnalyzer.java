package io.habitcoach.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link HabitCoachStartupException} in Spring Boot's startup failure report. */
class HabitCoachStartupFailureAnalyzer extends AbstractFailureAnalyzer<HabitCoachStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HabitCoachStartupException cause) {
        if (cause.dataSourceBeans().isEmpty()) {
            return new FailureAnalysis(
                    "Habit Coach needs a PostgreSQL DataSource (15 or newer), and the application has none.",
                    "Set spring.datasource.url (with spring-boot-starter-jdbc, which the starter brings, Spring Boot "
                            + "then creates the DataSource), or declare a DataSource bean. To run without Habit Coach, "
                            + "set habitcoach.enabled=false.",
                    cause);
        }
        return new FailureAnalysis(
                "Habit Coach needs one PostgreSQL DataSource, and the application has "
                        + cause.dataSourceBeans().size() + " with none marked @Primary: "
                        + String.join(", ", cause.dataSourceBeans()) + ".",
                "Mark the DataSource Habit Coach should use with @Primary, or declare the HabitCoach bean yourself "
                        + "(HabitCoach.configure().dataSource(...).load()) and migrate it; or set "
                        + "habitcoach.enabled=false.",
                cause);
    }
}
