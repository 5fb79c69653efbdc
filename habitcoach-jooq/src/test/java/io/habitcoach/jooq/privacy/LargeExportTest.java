package io.habitcoach.jooq.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import java.io.Writer;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20: a user with more than 300 MB of rows is exported while the JVM has 256 MB of heap. Tagged
 * "load" (excluded from mvn verify); run once by .ci/run:
 * {@code mvn -B -Pload test -pl habitcoach-jooq -am -Dtest=LargeExportTest -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}
 */
@Tag("load")
@ExtendWith(HabitCoachDatabaseExtension.class)
class LargeExportTest {

    private static final int ROWS = 5_400;
    private static final int PAD = 60_000; // characters of event data per row: 5,400 x 60,000 = 324 MB

    @Test
    void aUserWithMoreThan300MegabytesIsExportedInBoundedMemory(DataSource dataSource) {
        HabitCoach coach = HabitCoach.configure().dataSource(dataSource).load();
        String userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        DSL.using(dataSource, SQLDialect.POSTGRES).execute("INSERT INTO analytics_events (id, user_id, event_name, "
                + "event_data) SELECT gen_random_uuid()::text, ?, 'padding', jsonb_build_object('pad', repeat('x', ?)) "
                + "FROM generate_series(1, ?)", userId, PAD, ROWS);
        long maxHeap = Runtime.getRuntime().maxMemory();

        CountingWriter out = new CountingWriter();
        coach.privacy().exportTo(userId, out);

        System.out.println("issue 20: exported " + out.chars + " characters in " + out.lines + " lines with a "
                + (maxHeap >> 20) + " MB heap");
        assertThat(out.chars).isGreaterThan(300_000_000L);
        assertThat(out.lines).isEqualTo(1 + 1 + ROWS); // header, user, events
        assertThat(maxHeap).as("run with -DargLine=-Xmx256m").isLessThanOrEqualTo(300L << 20);
    }

    /** Counts what it is given and keeps nothing. */
    private static final class CountingWriter extends Writer {
        long chars;
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void write(String text) {
            chars += text.length();
            lines += text.chars().filter(c -> c == '\n').count();
        }

        @Override
        public void write(int c) {
            chars++;
            if (c == '\n') {
                lines++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
