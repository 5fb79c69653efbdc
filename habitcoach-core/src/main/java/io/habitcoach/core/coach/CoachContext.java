package io.habitcoach.core.coach;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a personality needs besides the event: the user's language, a seed that varies the phrasing, and
 * the user's most recent coach messages so that a sentence is not repeated among the last
 * {@value #RECENT_MESSAGES_CONSIDERED}.
 *
 * @param locale         the user's language ({@code users.language}); templates fall back as documented by
 *                       each personality, a model is asked to reply in exactly this language
 * @param seed           varies the phrasing; the same event facts, seed and recent messages always give the
 *                       same message (a good seed: a hash of the user's id)
 * @param recentMessages the user's latest coach messages, newest first; only the first
 *                       {@value #RECENT_MESSAGES_CONSIDERED} are considered
 */
public record CoachContext(Locale locale, long seed, List<String> recentMessages) {

    /** How many recent coach messages the no-repeat rule looks at. */
    public static final int RECENT_MESSAGES_CONSIDERED = 10;

    /** The language of the seed's {@code users.language} default. */
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("pt-BR");

    // Parsing a tag costs more than writing a templated message; users share a handful of tags.
    private static final int MAX_CACHED_LOCALES = 256;
    private static final ConcurrentMap<String, Locale> LOCALES = new ConcurrentHashMap<>();

    public CoachContext {
        Objects.requireNonNull(locale, "locale");
        recentMessages = List.copyOf(Objects.requireNonNull(recentMessages, "recentMessages"));
    }

    /** A context with seed 0 and no recent messages. */
    public static CoachContext of(Locale locale) {
        return new CoachContext(locale, 0L, List.of());
    }

    /**
     * A context for a stored {@code users.language} tag such as {@code pt-BR} or {@code en}; a
     * {@code null}, blank or undefined tag gives {@link #DEFAULT_LOCALE}.
     */
    public static CoachContext forLanguageTag(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return of(DEFAULT_LOCALE);
        }
        Locale locale = LOCALES.get(languageTag);
        if (locale == null) {
            Locale parsed = Locale.forLanguageTag(languageTag.strip());
            locale = parsed.getLanguage().isEmpty() ? DEFAULT_LOCALE : parsed;
            if (LOCALES.size() < MAX_CACHED_LOCALES) {
                LOCALES.putIfAbsent(languageTag, locale);
            }
        }
        return of(locale);
    }

    public CoachContext withSeed(long newSeed) {
        return new CoachContext(locale, newSeed, recentMessages);
    }

    /** @param newestFirst the user's latest coach messages, newest first */
    public CoachContext withRecentMessages(List<String> newestFirst) {
        return new CoachContext(locale, seed, newestFirst);
    }

    /**
     * Picks one of {@code phrasings} (already filled in with the event's facts) deterministically from the
     * facts and the seed, skipping any phrasing that shares a sentence with the recent messages. If every
     * phrasing does, it takes the one whose repeat lies furthest back. A helper for personalities:
     * {@code return context.choose(event, List.of("Arr, " + name + "...", ...));}
     */
    public String choose(CoachEvent event, List<String> phrasings) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(phrasings, "phrasings");
        if (phrasings.isEmpty()) {
            throw new IllegalArgumentException("phrasings must not be empty");
        }
        int count = phrasings.size();
        int start = (int) Math.floorMod(mix(event.facts().toJson().hashCode(), seed), (long) count);
        List<List<String>> recent = recentSentences();
        String leastRecentRepeat = null;
        int leastRecentRepeatAge = -1;
        for (int i = 0; i < count; i++) {
            String candidate = Objects.requireNonNull(phrasings.get((start + i) % count), "phrasing");
            int age = newestRepeatAge(candidate, recent);
            if (age == Integer.MAX_VALUE) {
                return candidate;
            }
            if (age > leastRecentRepeatAge) {
                leastRecentRepeatAge = age;
                leastRecentRepeat = candidate;
            }
        }
        return leastRecentRepeat;
    }

    /** Every normalized sentence of the considered recent messages. */
    Set<String> recentSentenceSet() {
        Set<String> set = new HashSet<>();
        recentSentences().forEach(set::addAll);
        return set;
    }

    private List<List<String>> recentSentences() {
        int n = Math.min(recentMessages.size(), RECENT_MESSAGES_CONSIDERED);
        List<List<String>> sentences = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sentences.add(Sentences.of(recentMessages.get(i)));
        }
        return sentences;
    }

    /** Index of the newest recent message sharing a sentence with the candidate; MAX_VALUE if none. */
    private static int newestRepeatAge(String candidate, List<List<String>> recent) {
        List<String> sentences = Sentences.of(candidate);
        for (int age = 0; age < recent.size(); age++) {
            for (String sentence : sentences) {
                if (recent.get(age).contains(sentence)) {
                    return age;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    // SplitMix64's finalizer: spreads the facts' hash and the seed over all bits, so neighbouring seeds
    // pick unrelated phrasings.
    private static long mix(int factsHash, long seed) {
        long z = seed + 0x9E3779B97F4A7C15L * (factsHash + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
