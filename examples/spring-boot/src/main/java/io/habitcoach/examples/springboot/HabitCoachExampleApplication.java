package io.habitcoach.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small REST API over Habit Coach. The whole coach comes from habitcoach-spring-boot-starter: it
 * builds a {@code HabitCoach} bean from the application's {@code DataSource} and migrates the database
 * on start; the controllers in {@code api} only translate HTTP to the library's calls.
 *
 * <p>Run it with {@code mvn -B -q -pl examples/spring-boot -am verify -DskipTests -Dexample.run} from the
 * repository root: without {@code spring.datasource.url} it starts an embedded PostgreSQL.
 */
@SpringBootApplication
public class HabitCoachExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(HabitCoachExampleApplication.class, args);
    }
}
