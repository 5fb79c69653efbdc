package io.habitcoach.core.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits messages into normalized sentences, for the rule "no sentence twice among the last ten". */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?\u2026])\\s+|\\R+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Sentences() {
    }

    /** The sentences of {@code text}, trimmed, whitespace collapsed, lower-cased; blank ones dropped. */
    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text)) {
            String normalized = normalize(part);
            if (!normalized.isEmpty()) {
                sentences.add(normalized);
            }
        }
        return sentences;
    }

    /** The raw (not normalized) sentences of {@code text}, for rebuilding a text without some of them. */
    static List<String> raw(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text)) {
            if (!part.isBlank()) {
                sentences.add(part.strip());
            }
        }
        return sentences;
    }

    static String normalize(String sentence) {
        return SPACES.matcher(sentence.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
