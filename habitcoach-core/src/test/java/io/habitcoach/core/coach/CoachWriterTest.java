package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachMessage.Source;
import io.habitcoach.core.testing.FixedPersonality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoachWriterTest {

    private final CoachPersonality pirate = new FixedPersonality("pirate", "Arr, Run be done.");
    private final CoachPersonalities registry = CoachPersonalities.builder().discover(false).register(pirate).build();
    private final HabitCompleted event = new HabitCompleted("Run", LocalDate.of(2025, 3, 4), 5, 9, 12, StreakUnit.DAYS);
    private final CoachContext context = CoachContext.of(Locale.ENGLISH);

    private CoachWriter writerReplying(String reply) {
        return CoachWriter.builder().personalities(registry).model(prompt -> Optional.ofNullable(reply)).build();
    }

    @Test
    void withoutAModelEveryMessageIsTheTemplate() {
        CoachMessage message = CoachWriter.builder().personalities(registry).build().write("pirate", event, context);
        assertThat(message).isEqualTo(new CoachMessage("pirate", CoachEventType.HABIT_COMPLETE, "Arr, Run be done.",
                Source.TEMPLATE));
    }

    @Test
    void aGroundedModelReplyIsKept() {
        CoachMessage message = writerReplying("  Run: 5 days strong, 12 in all.  ").write("pirate", event, context);
        assertThat(message.text()).isEqualTo("Run: 5 days strong, 12 in all.");
        assertThat(message.fromModel()).isTrue();
    }

    @Test
    void aReplyWithAnInventedNumberIsReplacedByTheTemplate() {
        CoachMessage message = writerReplying("Run: 6 days strong!").write("pirate", event, context);
        assertThat(message.source()).isEqualTo(Source.TEMPLATE);
        assertThat(message.text()).isEqualTo("Arr, Run be done.");
    }

    @Test
    void blankOverlongOrFailingModelsFallBackToTheTemplate() {
        assertThat(writerReplying("   ").write("pirate", event, context).source()).isEqualTo(Source.TEMPLATE);
        assertThat(writerReplying(null).write("pirate", event, context).source()).isEqualTo(Source.TEMPLATE);
        CoachWriter shortLimit = CoachWriter.builder().personalities(registry).maxReplyChars(10)
                .model(prompt -> Optional.of("Run went well today.")).build();
        assertThat(shortLimit.write("pirate", event, context).source()).isEqualTo(Source.TEMPLATE);
        CoachWriter throwing = CoachWriter.builder().personalities(registry).model(prompt -> {
            throw new IllegalStateException("boom");
        }).build();
        assertThat(throwing.write("pirate", event, context).source()).isEqualTo(Source.TEMPLATE);
    }

    @Test
    void sentencesTheUserJustReadAreDroppedFromAModelReply() {
        CoachContext recent = context.withRecentMessages(List.of("Keep going!"));
        assertThat(writerReplying("Run is done. Keep going!").write("pirate", event, recent).text())
                .isEqualTo("Run is done.");
        assertThat(writerReplying("keep   going!").write("pirate", event, recent).source()).isEqualTo(Source.TEMPLATE);
    }

    @Test
    void chatSendsTheUsersTextAsTheUserMessageWithTheHistory() {
        List<CoachPrompt> seen = new ArrayList<>();
        CoachWriter writer = CoachWriter.builder().personalities(registry).model(prompt -> {
            seen.add(prompt);
            return Optional.of("Ahoy! Run sits at 3 days.");
        }).build();
        ChatReply chat = new ChatReply("How is my run going?",
                List.of(new ChatReply.HabitSnapshot("Run", 3, 4, StreakUnit.DAYS)));
        CoachMessage reply = writer.chat("pirate", chat, List.of(ChatTurn.user("hi"), ChatTurn.assistant("Ahoy.")), context);
        assertThat(reply.type()).isEqualTo(CoachEventType.CHAT);
        assertThat(reply.fromModel()).isTrue();
        assertThat(seen).singleElement().satisfies(prompt -> {
            assertThat(prompt.userMessage()).isEqualTo("How is my run going?");
            assertThat(prompt.history()).hasSize(2);
            assertThat(prompt.systemPrompt()).isEqualTo("You are pirate.");
        });
    }

    @Test
    void anUnknownStoredPersonalitySpeaksWithTheDefault() {
        assertThat(writerReplying(null).template("gone", event, context).personalityId()).isEqualTo("pirate");
    }

    @Test
    void aBrokenPersonalityStillProducesAGroundedMessage() {
        CoachPersonality broken = new FixedPersonality("broken", null);
        CoachWriter writer = CoachWriter.builder()
                .personalities(CoachPersonalities.builder().discover(false).register(broken).build()).build();
        CoachMessage message = writer.template("broken", event, context);
        assertThat(message.text()).contains("Run", "5", "12");
        assertThat(Grounding.check(message.text(), event)).isTrue();
    }
}
