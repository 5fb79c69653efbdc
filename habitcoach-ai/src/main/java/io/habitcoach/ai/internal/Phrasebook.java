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

    /** Fills the placeholders of {@code phrasing} in one pass, so a value is never read as a placeholder. */
    public static String render(String phrasing, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(phrasing);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} in: " + phrasing);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
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
