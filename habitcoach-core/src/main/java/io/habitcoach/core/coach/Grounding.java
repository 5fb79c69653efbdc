package io.habitcoach.core.coach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a message states no number it was not given: rules.md section 6, "every number in a
 * message is a fact computed in code". {@link CoachWriter} replaces a language model's reply that fails
 * this check with the personality's template message.
 *
 * <p>How numbers are read: every run of decimal digits (any script), with {@code .} or {@code ,}
 * between digit groups read as one number. A number is grounded when its value is one of
 * {@link CoachFacts#numbers()}: {@code 71%} matches the fact 71, {@code 1,000} and {@code 1.000} match
 * 1000, {@code 5.0} matches 5, but {@code 71.4} or {@code 3,5} match nothing. Digits inside the event's
 * names (a habit called "Run 5k") are ignored. Dates are not facts a message may state. For a chat
 * reply, the numbers the user wrote in their own message may be echoed back.
 */
public final class Grounding {

    /** The default longest reply accepted. */
    public static final int DEFAULT_MAX_CHARS = 1000;

    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,]\\p{Nd}+)*");
    private static final int MAX_DIGITS = 18;

    private Grounding() {
    }

    /** {@link #check(String, CoachEvent, int)} with {@link #DEFAULT_MAX_CHARS}. */
    public static boolean check(String reply, CoachEvent event) {
        return check(reply, event, DEFAULT_MAX_CHARS);
    }

    /** Whether {@code reply} is non-blank, at most {@code maxChars} long, and states only fact numbers. */
    public static boolean check(String reply, CoachEvent event, int maxChars) {
        Objects.requireNonNull(event, "event");
        if (reply == null || reply.isBlank() || reply.strip().length() > maxChars) {
            return false;
        }
        return ungroundedNumbers(reply, event).isEmpty();
    }

    /** The numbers in {@code text}, as written, that are not among the event's facts. */
    public static List<String> ungroundedNumbers(String text, CoachEvent event) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(event, "event");
        CoachFacts facts = event.facts();
        Set<Long> allowed = new HashSet<>(facts.numbers());
        if (event instanceof CoachEvent.ChatReply chat) {
            // Echoing the user's own number ("you ran 5 km") invents nothing.
            for (String token : tokens(chat.userText())) {
                allowed.addAll(readings(token));
            }
        }
        List<String> ungrounded = new ArrayList<>();
        for (String token : tokens(withoutNames(text, facts.names()))) {
            if (readings(token).stream().noneMatch(allowed::contains)) {
                ungrounded.add(token);
            }
        }
        return ungrounded;
    }

    /**
     * The text with the event's names blanked, so that digits inside a name ("Run 5k") are not read
     * as numbers. Only names that hold a digit matter, and a reply without digits needs nothing. The
     * names left go into one pattern, matched in one pass over the reply (issue 20: one regex per
     * habit name made the check grow with the number of habits); the event carries at most
     * {@link CoachPrompt#MAX_HABITS} habits, with names of at most {@link CoachPrompt#MAX_NAME_CHARS}.
     */
    private static String withoutNames(String text, List<String> names) {
        if (!NUMBER.matcher(text).find()) {
            return text;
        }
        List<String> withDigits = new ArrayList<>();
        for (String name : names) {
            if (!name.isEmpty() && NUMBER.matcher(name).find()) {
                withDigits.add(name);
            }
        }
        if (withDigits.isEmpty()) {
            return text;
        }
        withDigits.sort(Comparator.comparingInt(String::length).reversed()); // the longest name wins
        StringBuilder alternation = new StringBuilder();
        for (String name : withDigits) {
            alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(name));
        }
        return Pattern.compile(alternation.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(" ");
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /**
     * The values a token may mean: plain digits; digit groups of three after a separator read as
     * thousands ({@code 1,000}); or the integer part when only zeros follow a separator ({@code 5.0}).
     * Anything else ({@code 0.71}, {@code 3,5}) has no reading and so is never grounded.
     */
    private static Set<Long> readings(String token) {
        Set<Long> values = new HashSet<>();
        String[] groups = token.split("[.,]");
        if (groups.length == 1) {
            addIfReadable(values, groups[0]);
            return values;
        }
        boolean thousands = groups[0].length() <= 3 && asciiDigits(groups[0]).charAt(0) != '0';
        boolean zerosAfterFirst = true;
        StringBuilder all = new StringBuilder(groups[0]);
        for (int i = 1; i < groups.length; i++) {
            thousands &= groups[i].length() == 3;
            zerosAfterFirst &= asciiDigits(groups[i]).chars().allMatch(c -> c == '0');
            all.append(groups[i]);
        }
        if (thousands) {
            addIfReadable(values, all.toString());
        }
        if (zerosAfterFirst && groups.length == 2) {
            addIfReadable(values, groups[0]);
        }
        return values;
    }

    private static void addIfReadable(Set<Long> values, String digits) {
        String ascii = asciiDigits(digits);
        String significant = ascii.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() <= MAX_DIGITS) {
            values.add(Long.parseLong(significant));
        }
    }

    private static String asciiDigits(String digits) {
        StringBuilder ascii = new StringBuilder(digits.length());
        digits.codePoints().forEach(cp -> ascii.append((char) ('0' + Character.digit(cp, 10))));
        return ascii.toString();
    }
}
