package io.habitcoach.jooq.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SQL function {@code habitcoach_local_instant} (migration V4), which places a reminder's wall-clock
 * time on the time line, agrees with java.time on every DST transition of 2024-2028 in zones with
 * one-hour, half-hour and 45-minute offsets and switches, both hemispheres: a time that exists once is
 * that instant, a time in a gap is the transition (the first instant after the gap), a repeated time
 * is its first occurrence.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class ReminderInstantTest {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Europe/London",
            "Australia/Sydney", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "America/Sao_Paulo",
            "Asia/Kolkata");

    /** The rule, in java.time terms. */
    static Instant expected(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        // an overlap: ZonedDateTime.ofLocal keeps the earlier offset, i.e. the first occurrence
        return local.atZone(zone).toInstant();
    }

    @Test
    void agreesWithJavaTimeAroundEveryTransition(DataSource dataSource) {
        List<LocalDateTime> locals = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        for (String id : ZONES) {
            ZoneRules rules = ZoneId.of(id).getRules();
            ZoneOffsetTransition t = rules.nextTransition(Instant.parse("2024-01-01T00:00:00Z"));
            while (t != null && t.getInstant().isBefore(Instant.parse("2029-01-01T00:00:00Z"))) {
                LocalDateTime before = t.getDateTimeBefore();
                LocalDateTime after = t.getDateTimeAfter();
                LocalDateTime first = before.isBefore(after) ? before : after;
                LocalDateTime last = before.isBefore(after) ? after : before;
                for (LocalDateTime local = first.minusMinutes(61); !local.isAfter(last.plusMinutes(61));
                        local = local.plusMinutes(1)) {
                    locals.add(local);
                    zones.add(id);
                }
                t = rules.nextTransition(t.getInstant());
            }
            locals.add(LocalDateTime.parse("2026-07-01T12:34"));   // zones without DST, and ordinary days
            zones.add(id);
        }
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        var rows = dsl.resultQuery("""
                        SELECT t.local_time, habitcoach_local_instant(t.local_time, t.zone)
                        FROM unnest({0}, {1}) AS t (local_time, zone)""",
                        DSL.val(locals.toArray(LocalDateTime[]::new), SQLDataType.LOCALDATETIME.getArrayDataType()),
                        DSL.val(zones.toArray(String[]::new), SQLDataType.CLOB.getArrayDataType()))
                .coerce(DSL.field("local_time", LocalDateTime.class), DSL.field("i", OffsetDateTime.class))
                .fetch();
        assertThat(rows).hasSize(locals.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Record2<LocalDateTime, OffsetDateTime> row = rows.get(i);
            Instant want = expected(locals.get(i), ZoneId.of(zones.get(i)));
            if (!row.value2().toInstant().equals(want)) {
                mismatches.add(zones.get(i) + " " + locals.get(i) + ": " + row.value2().toInstant() + ", want " + want);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(locals.size()).isGreaterThan(5_000);
    }

    @Test
    void theIssuesBerlinExamples(DataSource dataSource) {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        assertThat(instant(dsl, "2026-03-29T02:30", "Europe/Berlin")).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(instant(dsl, "2026-10-25T02:30", "Europe/Berlin")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        // PostgreSQL's own reading differs in both cases: that is why the function exists
        assertThat(postgres(dsl, "2026-03-29 02:30")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(postgres(dsl, "2026-10-25 02:30")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    private static Instant postgres(DSLContext dsl, String berlinLocal) {
        return dsl.resultQuery("SELECT CAST({0} AS timestamp) AT TIME ZONE 'Europe/Berlin'", DSL.val(berlinLocal))
                .fetchSingle().get(0, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(DSLContext dsl, String local, String zone) {
        return dsl.select(DSL.field("habitcoach_local_instant({0}, {1})", OffsetDateTime.class,
                DSL.val(LocalDateTime.parse(local)), DSL.val(zone))).fetchSingle().value1().toInstant();
    }
}
