package io.habitcoach.jooq.internal;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.UserDay;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Validation and normalization of user profile fields. */
public final class UserRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final LocalTime LATEST_DAY_START = LocalTime.NOON;

    private UserRules() {
    }

    /** Trimmed and lower-cased, so that uniqueness is case-insensitive. */
    public static String email(String email) {
        String value = Texts.required("email", email, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(value).matches()) {
            throw new InvalidInputException("email", "an address like name@example.com, got " + email);
        }
        return value;
    }

    /** An IANA region id; fixed offsets such as {@code +03:00} are refused since they know no DST. */
    public static ZoneId timezone(String timezone) {
        return UserDay.parseZone(Texts.required("timezone", timezone, 64));
    }

    /** A BCP 47 tag, returned in canonical form ({@code pt-br} becomes {@code pt-BR}). */
    public static String language(String language) {
        String value = Texts.required("language", language, 35);
        Locale locale = Locale.forLanguageTag(value);
        if (locale.getLanguage().isEmpty() || !value.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw new InvalidInputException("language", "a BCP 47 language tag such as pt-BR or en, got " + value);
        }
        return locale.toLanguageTag();
    }

    public static String personality(String personality, Predicate<String> registered, String known) {
        String value = Texts.required("personality", personality, 64);
        if (!registered.test(value)) {
            throw new InvalidInputException("personality", "one of the registered personalities (" + known + "), got "
                    + value);
        }
        return value;
    }

    public static LocalTime dayStart(LocalTime dayStart) {
        InvalidInputException.requirePresent(dayStart, "dayStart");
        if (dayStart.isAfter(LATEST_DAY_START)) {
            throw new InvalidInputException("dayStart", "a time from 00:00 to 12:00, got " + dayStart);
        }
        return dayStart.withSecond(0).withNano(0);
    }
}
