package io.habitcoach.jooq.internal.converter;

import java.time.DayOfWeek;
import org.jooq.Converter;

/** {@code users.first_day_of_week}: ISO-8601 day numbers (1 = Monday) to {@link DayOfWeek}. */
public final class IsoDayOfWeekConverter implements Converter<Short, DayOfWeek> {

    private static final long serialVersionUID = 1L;

    private IsoDayOfWeekConverter() {
    }

    /** For the generated tables (the forced type's {@code <converter>} in habitcoach-jooq's pom.xml). */
    public static IsoDayOfWeekConverter create() {
        return new IsoDayOfWeekConverter();
    }

    @Override
    public DayOfWeek from(Short number) {
        return number == null ? null : DayOfWeek.of(number);
    }

    @Override
    public Short to(DayOfWeek day) {
        return day == null ? null : (short) day.getValue();
    }

    @Override
    public Class<Short> fromType() {
        return Short.class;
    }

    @Override
    public Class<DayOfWeek> toType() {
        return DayOfWeek.class;
    }
}
