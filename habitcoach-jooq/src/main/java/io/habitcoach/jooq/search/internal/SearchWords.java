package io.habitcoach.jooq.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits what a user typed into a search box into words: maximal runs of letters, combining marks and
 * digits (after NFC normalization). Everything else (spaces, punctuation, quotes, the tsquery
 * operators {@code & | ! ( ) < > : *}, backslashes) only separates words, so no input can become query
 * syntax; the SQL side quotes each word on top of that.
 */
public final class SearchWords {

    private SearchWords() {
    }

    /** At most {@code max} words of {@code text}, in order; extra words are ignored. */
    public static List<String> of(String text, int max) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length() && words.size() < max) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty() && words.size() < max) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
