package io.habitcoach.ai.internal;

import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in template coaches and the rules their copy keeps, as checks that return what broke (empty:
 * nothing). Shared by {@link CopyPropertiesTest} (the edge-case table and generated facts) so the same
 * rules are read once.
 */
final class Copy {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    static final List<Locale> LOCALES = List.of(PT_BR, Locale.ENGLISH);

    record Coach(String id, String name, TemplateCoach templates) {
    }

    static final List<Coach> BUILT_INS = List.of(
            new Coach("yoda", "Master Yoda", TemplateCoach.create(YodaPhrases.ENGLISH, YodaPhrases.PORTUGUESE)),
            new Coach("general", "The General", TemplateCoach.create(GeneralPhrases.ENGLISH, GeneralPhrases.PORTUGUESE)),
            new Coach("mentor", "The Mentor", TemplateCoach.create(MentorPhrases.ENGLISH, MentorPhrases.PORTUGUESE)));

    private static final Pattern DOUBLED = Pattern.compile("[.,;:!?…][\"'”’»]?\\s*[.,;:!?…]|\\s[.,;:!?]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern TOMORROW = Pattern.compile("(?iu)\\b(tomorrow|amanhã)");
    private static final Pattern AGAIN_EN = Pattern.compile(
            "(?i)\\b(again|anew|once more|grown|grew|keep coming back|back|continue)\\b");
    private static final Pattern AGAIN_PT = Pattern.compile(
            "(?iu)(de novo|novamente|mais uma vez|outra vez|voltou|voltando|sempre volta|de volta|cresc\\p{L}*|"
                    + "continua)");
    private static final Pattern TODAY = Pattern.compile("(?iu)\\b(today|hoje)\\b");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SINGULAR_AS_PLURAL = Pattern.compile(
            "(?<![0-9.,])1 (days|weeks|times|steps|check-ins|planned check-ins|dias|semanas|vezes|etapas|registros)\\b");
    private static final Pattern HMM = Pattern.compile("(?i)\\bhmm\\b");
    private static final Pattern SOME = Pattern.compile("(?iu)\\b(some|a few|part|alguns|parte)\\b");
    /** Words that mark the person addressed as male or female in Portuguese. */
    private static final Pattern GENDERED_PT = Pattern.compile(
            "(?iu)\\b(pront[oa]s?|bem-vind[oa]|obrigad[oa]|sozinh[oa]|descansad[oa]|preparad[oa]|animad[oa]|"
                    + "cansad[oa]|motivad[oa]|focad[oa])\\b");
    /** Phrases the native review of issue 22 found wrong, so that they do not come back. */
    private static final List<String> REVIEWED_OUT = List.of("mantenha a linha", "de volta à linha",
            "objetivos caem", "limpou a lista", "bem lutado", "e contando", "isso merece atenção",
            "aqui está onde você está", "consigo sobre", "aquele dia funcionar", "apareceu para",
            "alcançou você", "chegou você", "descansou você", "perdido", "marcaç", "voltar à forma",
            "eu revisei", "você concluiu;", "valeu a pena, valeu", "in a row of", "step by step");

    private Copy() {
    }

    /** Every message the coach can write for {@code event}: one phrasing of each part, in every combination. */
    static List<String> messages(TemplateCoach coach, CoachEvent event, Locale locale) {
        List<String> messages = List.of("");
        for (TemplateCoach.Part part : coach.parts(event, locale)) {
            List<String> longer = new ArrayList<>();
            for (String prefix : messages) {
                for (String phrasing : part.phrasings()) {
                    longer.add(prefix.isEmpty() ? phrasing : prefix + " " + phrasing);
                }
            }
            messages = longer;
        }
        return messages;
    }

    /** What {@code message} gets wrong about {@code event}, one line per broken rule. */
    static List<String> problems(String message, CoachEvent event, Locale locale) {
        List<String> problems = new ArrayList<>();
        boolean english = TemplateLanguage.of(locale) == TemplateLanguage.ENGLISH;
        String withoutNames = withoutNames(message, event);
        Matcher doubled = DOUBLED.matcher(message);
        if (doubled.find()) {
            problems.add("doubled or stranded punctuation '" + doubled.group() + "'");
        }
        for (String sentence : SENTENCE_END.split(message.strip())) {
            int letter = firstLetterOrDigit(sentence);
            if (letter >= 0 && Character.isLowerCase(sentence.codePointAt(letter))) {
                problems.add("a sentence starts in lower case: " + sentence);
            }
        }
        if (!(event instanceof HabitCompleted c && Boolean.TRUE.equals(c.dueTomorrow())) && TOMORROW.matcher(message).find()) {
            problems.add("says tomorrow, but the habit is not known to be due tomorrow");
        }
        if (event instanceof HabitCompleted c) {
            if ((c.first() || c.currentStreak() == 1) && (english ? AGAIN_EN : AGAIN_PT).matcher(withoutNames).find()) {
                problems.add("says again/grown on a first completion or a streak of 1");
            }
            if (TODAY.matcher(withoutNames).find()) {
                problems.add("says today, but a completion may be for an earlier day");
            }
        }
        Matcher digits = DIGITS.matcher(withoutNames);
        while (digits.find()) {
            if (!event.facts().numbers().contains(Long.parseLong(digits.group()))) {
                problems.add("number " + digits.group() + " is not a fact");
            }
        }
        if (SINGULAR_AS_PLURAL.matcher(withoutNames).find() || withoutNames.contains("1 de 1 registros")) {
            problems.add("plural after 1");
        }
        if (event instanceof WeeklyAnalysis w && w.done() < w.scheduled() && message.contains("100%")) {
            problems.add("100% with " + w.done() + " of " + w.scheduled());
        }
        if (event instanceof WeeklyAnalysis w && w.done() > 0 && withoutNames.matches("(?s).*(?<![0-9])0%.*")) {
            problems.add("0% with " + w.done() + " done");
        }
        if (event instanceof ChatReply chat) {
            if (withoutNames.contains("(0 ")) {
                problems.add("a zero streak written as a number");
            }
            boolean some = SOME.matcher(withoutNames).find();
            if (chat.habits().size() > TemplateCoach.CHAT_HABITS_LISTED && !some) {
                problems.add("lists only some habits without saying so");
            }
        }
        Matcher hmm = HMM.matcher(message);
        int hmms = 0;
        while (hmm.find()) {
            hmms++;
        }
        if (hmms > 1) {
            problems.add(hmms + " times hmm");
        }
        if (!english) {
            Matcher gendered = GENDERED_PT.matcher(withoutNames);
            if (gendered.find()) {
                problems.add("addresses the person with a gendered word: " + gendered.group());
            }
        }
        String lower = withoutNames.toLowerCase(Locale.ROOT);
        for (String phrase : REVIEWED_OUT) {
            if (lower.contains(phrase)) {
                problems.add("a phrase the review took out: " + phrase);
            }
        }
        return problems;
    }

    /** The message without the event's names, as typed and as cleaned for a slot, so their digits and dots are not judged. */
    static String withoutNames(String message, CoachEvent event) {
        String text = message;
        for (String name : event.facts().names()) {
            String cleaned = Names.forSlot(name);
            for (String form : List.of(name, cleaned, Phrasebook.capitalized(cleaned))) {
                text = text.replace(form, "NAME");
            }
        }
        return text;
    }

    private static int firstLetterOrDigit(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            if (Character.isLetterOrDigit(sentence.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
