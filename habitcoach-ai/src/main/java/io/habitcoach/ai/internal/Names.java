package io.habitcoach.ai.internal;

/**
 * A habit or goal name as it goes into a template, cleaned of what people type around it. The stored
 * name is never changed; only the copy in the message is.
 *
 * <ul>
 *   <li>whitespace runs (line breaks included) become one space, so a name cannot end a sentence early;
 *   <li>trailing sentence punctuation goes ({@code "orar."} gives {@code orar}), so "{habit}: done" never
 *       reads "orar.: done" and "... {habit}." never ends in "..";
 *   <li>a name in quotes keeps its quotes (templates never add their own) but loses punctuation just
 *       inside the closing one ({@code "Sem açúcar!"} gives {@code "Sem açúcar"});
 *   <li>a name that is nothing but punctuation stays as typed.
 * </ul>
 *
 * Starting a sentence with a lowercase name is handled where the name is placed
 * ({@link Phrasebook#render}), which capitalizes a value that opens a sentence.
 */
public final class Names {

    private static final String TRAILING = ".!?;:,…";
    private static final String OPENING_QUOTES = "\"'“‘«";
    private static final String CLOSING_QUOTES = "\"'”’»";

    private Names() {
    }

    public static String forSlot(String name) {
        String collapsed = name.strip().replaceAll("\\s+", " ");
        String cleaned = stripTrailing(collapsed);
        int last = cleaned.length() - 1;
        if (last >= 2) {
            int open = OPENING_QUOTES.indexOf(cleaned.charAt(0));
            int close = CLOSING_QUOTES.indexOf(cleaned.charAt(last));
            if (open >= 0 && open == close) {
                String inner = stripTrailing(cleaned.substring(1, last));
                if (!inner.isEmpty()) {
                    cleaned = cleaned.charAt(0) + inner + cleaned.charAt(last);
                }
            }
        }
        return cleaned.isEmpty() ? collapsed : cleaned;
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && (TRAILING.indexOf(text.charAt(end - 1)) >= 0 || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end);
    }
}
