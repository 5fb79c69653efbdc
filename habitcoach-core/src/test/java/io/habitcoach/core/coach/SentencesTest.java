package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** The one-pass splitter against the regular expressions that define it. */
class SentencesTest {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?\u2026])\\s+|\\R+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static List<String> referenceOf(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text)) {
            String normalized = referenceNormalize(part);
            if (!normalized.isEmpty()) {
                sentences.add(normalized);
            }
        }
        return sentences;
    }

    private static List<String> referenceRaw(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text)) {
            if (!part.isBlank()) {
                sentences.add(part.strip());
            }
        }
        return sentences;
    }

    private static String referenceNormalize(String sentence) {
        return SPACES.matcher(sentence.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    @Provide
    Arbitrary<String> messages() {
        // the characters where splitting and normalizing differ: terminals, \s, \R, Unicode spaces, letters
        return Arbitraries.strings()
                .withChars(".!?\u2026 \t\n\u000B\f\r\u0085\u2028\u2029\u00A0\u2003\u001CaBçÉİ1,")
                .ofMaxLength(40);
    }

    @Property(tries = 3000)
    void splitsLikeTheRegularExpressions(@ForAll("messages") String text) {
        assertThat(Sentences.of(text)).isEqualTo(referenceOf(text));
        assertThat(Sentences.raw(text)).isEqualTo(referenceRaw(text));
    }

    @Property(tries = 1000)
    void splitsArbitraryTextLikeTheRegularExpressions(@ForAll String text) {
        assertThat(Sentences.of(text)).isEqualTo(referenceOf(text));
        assertThat(Sentences.raw(text)).isEqualTo(referenceRaw(text));
    }

    @Property(tries = 2000)
    void normalizesLikeTheRegularExpressions(@ForAll("messages") String text) {
        assertThat(Sentences.normalize(text)).isEqualTo(referenceNormalize(text));
    }

    @Example
    void splitsAtTerminalsAndLineBreaks() {
        assertThat(Sentences.of("Well done!  Keep   GOING.\nSee you… tomorrow? yes"))
                .containsExactly("well done!", "keep going.", "see you…", "tomorrow?", "yes");
        assertThat(Sentences.of("3.5 km. Done")).containsExactly("3.5 km.", "done");
        assertThat(Sentences.raw("  One.\r\n\r\nTwo  ")).containsExactly("One.", "Two");
    }
}
