package io.habitcoach.core.coach;

import java.util.Objects;
import java.util.regex.Pattern;

/** The title of a chat conversation, taken from its first user message. */
public final class ConversationTitle {

    /** The longest title, in characters, ellipsis included. */
    public static final int MAX_CHARS = 60;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ConversationTitle() {
    }

    /**
     * The message on one line, whitespace collapsed, cut at a word boundary to at most
     * {@value #MAX_CHARS} characters with an ellipsis when cut.
     */
    public static String fromFirstMessage(String firstMessage) {
        Objects.requireNonNull(firstMessage, "firstMessage");
        String line = WHITESPACE.matcher(firstMessage.strip()).replaceAll(" ");
        if (line.length() <= MAX_CHARS) {
            return line;
        }
        int cut = MAX_CHARS - 1;
        if (Character.isLowSurrogate(line.charAt(cut))) {
            cut--;
        }
        int space = line.lastIndexOf(' ', cut);
        // Cut at the last word boundary unless that throws away most of the title (one long word).
        if (space >= MAX_CHARS / 2) {
            cut = space;
        }
        return line.substring(0, cut).stripTrailing() + "\u2026";
    }
}
