package io.habitcoach.spring.boot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The read replica's connection pool the starter builds from {@code habitcoach.read-datasource.*}.
 * Not a {@code DataSource} bean itself, so the application's own {@code DataSource} (and Spring
 * Boot's auto-configured one) stays the only candidate for everything else; closed with the context.
 */
public final class HabitCoachReadDataSource implements AutoCloseable {

    private final HikariDataSource pool;

    HabitCoachReadDataSource(HabitCoachProperties.ReadDataSource properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("habitcoach-read");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.maximumPoolSize());
        config.setReadOnly(true);
        // a replica that is down must not stop the context: the reads fall back to the primary
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
