package io.habitcoach.jooq.internal.converter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.habitcoach.core.InvalidInputException;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jooq.Converter;
import org.jooq.JSONB;

/**
 * {@code habits.specific_days}: a JSON array of English day names ({@code ["Monday","Friday"]}, as
 * the seed stores them) to an unmodifiable {@code Set<DayOfWeek>}. Written in week order.
 */
public final class DayOfWeekSetConverter implements Converter<JSONB, Set<DayOfWeek>> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DayOfWeekSetConverter() {
    }

    /** For the generated tables (the forced type's {@code <converter>} in habitcoach-jooq's pom.xml). */
    public static DayOfWeekSetConverter create() {
        return new DayOfWeekSetConverter();
    }

    @Override
    public Set<DayOfWeek> from(JSONB json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json.data());
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (JsonNode day : node) {
                days.add(parse(day.asText()));
            }
            return Collections.unmodifiableSet(days);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("specificDays", "a JSON array of day names, got " + json.data());
        }
    }

    @Override
    public JSONB to(Set<DayOfWeek> days) {
        if (days == null) {
            return null;
        }
        ArrayNode array = MAPPER.createArrayNode();
        EnumSet.copyOf(days).forEach(day -> array.add(displayName(day)));
        return JSONB.valueOf(array.toString());
    }

    /** {@code MONDAY} as the seed writes it: {@code Monday}. */
    public static String displayName(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek parse(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("specificDays", "English day names such as Monday, got " + name);
        }
    }

    @Override
    public Class<JSONB> fromType() {
        return JSONB.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public Class<Set<DayOfWeek>> toType() {
        return (Class) Set.class;
    }
}
