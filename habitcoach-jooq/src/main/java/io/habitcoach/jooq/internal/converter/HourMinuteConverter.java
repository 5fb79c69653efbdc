package io.habitcoach.jooq.internal.converter;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.jooq.Converter;

/** {@code habits.preferred_time}: the seed's {@code HH:MM} text to a {@link LocalTime}. */
public final class HourMinuteConverter implements Converter<String, LocalTime> {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private HourMinuteConverter() {
    }

    /** For the generated tables (the forced type's {@code <converter>} in habitcoach-jooq's pom.xml). */
    public static HourMinuteConverter create() {
        return new HourMinuteConverter();
    }

    @Override
    public LocalTime from(String text) {
        return text == null ? null : LocalTime.parse(text, HH_MM);
    }

    @Override
    public String to(LocalTime time) {
        return time == null ? null : time.format(HH_MM);
    }

    @Override
    public Class<String> fromType() {
        return String.class;
    }

    @Override
    public Class<LocalTime> toType() {
        return LocalTime.class;
    }
}
