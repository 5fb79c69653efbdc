package io.habitcoach.ai.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One personality's words in one language: display name, system prompt and the phrasings of every
 * {@link Slot}. Validated when built, so a typo in a placeholder fails at class initialization (and in
 * the tests), not in front of a user.
 */
public final class Phrasebook {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final String displayName;
    private final String systemPrompt;
    private final Map<Slot, List<String>> phrasings;

    private Phrasebook(String displayName, String systemPrompt, Map<Slot, List<String>> phrasings) {
        this.displayName = displayName;
        this.systemPrompt = systemPrompt;
        this.phrasings = Collections.unmodifiableMap(new EnumMap<>(phrasings));
    }

    public static Builder builder(String displayName, String systemPrompt) {
        return new Builder(displayName, systemPrompt);
    }

    public String displayName() {
        return displayName;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public List<String> phrasings(Slot slot) {
        return phrasings.get(slot);
    }

    /**
     * Fills the placeholders of {@code phrasing} in one pass, so a value is never read as a placeholder. A
     * value that opens a sentence starts with a capital letter ("orar" gives "Orar: ...", after any opening
     * quote), so no sentence starts in lower case whatever the user typed.
     */
    public static String render(String phrasing, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(phrasing);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} in: " + phrasing);
            }
            if (opensSentence(phrasing, matcher.start())) {
                value = capitalized(value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean opensSentence(String phrasing, int at) {
        int i = at - 1;
        if (i < 0) {
            return true;
        }
        if (!Character.isWhitespace(phrasing.charAt(i))) {
            return false;
        }
        while (i >= 0 && Character.isWhitespace(phrasing.charAt(i))) {
            i--;
        }
        return i >= 0 && ".!?".indexOf(phrasing.charAt(i)) >= 0;
    }

    /** {@code value} with its first letter (after any opening quotes) in upper case. */
    static String capitalized(String value) {
        int at = 0;
        while (at < value.length() && "\"'“‘«".indexOf(value.charAt(at)) >= 0) {
            at++;
        }
        if (at >= value.length()) {
            return value;
        }
        int first = value.codePointAt(at);
        int next = at + Character.charCount(first);
        if (!Character.isLowerCase(first)) {
            return value;
        }
        return new StringBuilder().append(value, 0, at).appendCodePoint(Character.toTitleCase(first))
                .append(value, next, value.length()).toString();
    }

    /** The placeholders a phrasing uses. */
    public static List<String> placeholders(String phrasing) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(phrasing);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Collects and checks phrasings. */
    public static final class Builder {

        private final String displayName;
        private final String systemPrompt;
        private final Map<Slot, List<String>> phrasings = new EnumMap<>(Slot.class);

        private Builder(String displayName, String systemPrompt) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
        }

        public Builder add(Slot slot, String... texts) {
            if (phrasings.containsKey(slot)) {
                throw new IllegalStateException("slot given twice: " + slot);
            }
            if (texts.length < Slot.MIN_PHRASINGS) {
                throw new IllegalStateException(slot + " needs at least " + Slot.MIN_PHRASINGS + " phrasings");
            }
            for (String text : texts) {
                check(slot, text);
            }
            phrasings.put(slot, List.of(texts));
            return this;
        }

        public Phrasebook build() {
            for (Slot slot : Slot.values()) {
                if (!phrasings.containsKey(slot)) {
                    throw new IllegalStateException("missing slot " + slot + " in " + displayName);
                }
            }
            return new Phrasebook(displayName, systemPrompt, phrasings);
        }

        private static void check(Slot slot, String text) {
            List<String> used = placeholders(text);
            if (!slot.allowed().containsAll(used)) {
                throw new IllegalStateException(slot + " allows " + slot.allowed() + ": " + text);
            }
            for (Set<String> oneOf : slot.required()) {
                if (used.stream().noneMatch(oneOf::contains)) {
                    throw new IllegalStateException(slot + " needs one of " + oneOf + ": " + text);
                }
            }
            if (text.chars().anyMatch(Character::isDigit)) {
                throw new IllegalStateException("a phrasing may state numbers only through placeholders: " + text);
            }
            if (!slot.inEverySentence().isEmpty()) {
                for (String sentence : SENTENCE_END.split(text.strip())) {
                    if (placeholders(sentence).stream().noneMatch(slot.inEverySentence()::contains)) {
                        throw new IllegalStateException("sentence without one of " + slot.inEverySentence()
                                + " in " + slot + ": " + sentence);
                    }
                }
            }
        }
    }
}
