package io.habitcoach.core.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits messages into normalized sentences, for the rule "no sentence twice among the last ten".
 *
 * <p>A sentence ends at whitespace that follows {@code . ! ?} or {@code …}, and at line breaks; it
 * is normalized by stripping, collapsing whitespace runs to one space and lower-casing. This is the
 * split {@code (?<=[.!?…])\s+|\R+} followed by {@code strip()}, {@code \s+ -> " "} and
 * {@code toLowerCase(Locale.ROOT)}, written as one pass over the characters: it runs for each of the
 * ten recent messages on every coach event, inside the completion's transaction, where the regular
 * expressions cost more than the rest of the message.
 */
final class Sentences {

    private Sentences() {
    }

    /** The sentences of {@code text}, trimmed, whitespace collapsed, lower-cased; blank ones dropped. */
    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>(4);
        split(text, true, sentences);
        return sentences;
    }

    /** The raw (not normalized, only stripped) sentences of {@code text}, for rebuilding a text without some of them. */
    static List<String> raw(String text) {
        List<String> sentences = new ArrayList<>(4);
        split(text, false, sentences);
        return sentences;
    }

    static String normalize(String sentence) {
        String stripped = sentence.strip();
        int n = stripped.length();
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = stripped.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || i + 1 < n && isRegexSpace(stripped.charAt(i + 1)))) {
                // a run that is not already a single space: rebuild from here
                if (out == null) {
                    out = new StringBuilder(n).append(stripped, 0, i);
                }
                out.append(' ');
                while (i + 1 < n && isRegexSpace(stripped.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return (out == null ? stripped : out.toString()).toLowerCase(Locale.ROOT);
    }

    private static void split(String text, boolean normalized, List<String> into) {
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end = -1;
            int next = i;
            if (isLineBreak(c)) {
                end = i;
                next = i + 1;
                while (next < n && isLineBreak(text.charAt(next))) {
                    next++;
                }
            } else if (isRegexSpace(c) && i > 0 && isTerminal(text.charAt(i - 1))) {
                end = i;
                next = i + 1;
                while (next < n && isRegexSpace(text.charAt(next))) {
                    next++;
                }
                // \s+ is greedy and \R+ is the other alternative: a run of spaces ending in line
                // breaks was consumed whole by \s+ (line breaks are \s too), so nothing is left over
            }
            if (end >= 0) {
                add(text.substring(start, end), normalized, into);
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        add(text.substring(start), normalized, into);
    }

    private static void add(String part, boolean normalized, List<String> into) {
        if (normalized) {
            String sentence = normalize(part);
            if (!sentence.isEmpty()) {
                into.add(sentence);
            }
        } else if (!part.isBlank()) {
            into.add(part.strip());
        }
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The single characters of {@code \R} ({@code \r\n} is two of them, and {@code \R+} takes both). */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }
}
