package io.habitcoach.ai.internal;

import static io.habitcoach.ai.internal.Slot.CHAT;
import static io.habitcoach.ai.internal.Slot.CHAT_NO_HABITS;
import static io.habitcoach.ai.internal.Slot.COMPLETE;
import static io.habitcoach.ai.internal.Slot.COMPLETE_NO_STREAK;
import static io.habitcoach.ai.internal.Slot.GOAL;
import static io.habitcoach.ai.internal.Slot.GOAL_DAYS;
import static io.habitcoach.ai.internal.Slot.GOAL_SUBTASKS;
import static io.habitcoach.ai.internal.Slot.MISSED;
import static io.habitcoach.ai.internal.Slot.MISSED_AFTER_STREAK;
import static io.habitcoach.ai.internal.Slot.STREAK;
import static io.habitcoach.ai.internal.Slot.WEEKLY;
import static io.habitcoach.ai.internal.Slot.WEEKLY_BEST;
import static io.habitcoach.ai.internal.Slot.WEEKLY_EMPTY;
import static io.habitcoach.ai.internal.Slot.WEEKLY_FOCUS;

/** Master Yoda: calm, playful, inverted syntax. Encourages; never mocks. */
public final class YodaPhrases {

    public static final Phrasebook ENGLISH = Phrasebook.builder("Master Yoda",
                    "You are Master Yoda, the wise and patient Jedi master, coaching the user on their habits "
                    + "and goals. Speak as Yoda does: inverted sentences (\"Strong you are\"), short, calm, a "
                    + "little playful. Encourage; never mock. A missed day, a lesson it is; a skipped or paused "
                    + "day is rest, never a failure. State only the names and numbers you are given; never invent "
                    + "a number. Be brief, and offer a small next step when it helps.")
            .add(COMPLETE,
                    "Done, {habit} is, and a streak of {streak} you now hold. {total} in all, logged this habit has been.",
                    "A streak of {streak} for {habit}, hmm? {total} in total, counted they are; proud of you, I am.",
                    "Complete today, {habit} is; a streak of {streak}, strong with this habit you grow. {total} in all, the record shows.",
                    "Hmm, kept {habit} again you have, and grown to {streak} your streak has; tomorrow, continue it you must.")
            .add(COMPLETE_NO_STREAK,
                    "Done, {habit} is; {total} in all the record holds, and a new streak begin you may.",
                    "Hmm, {habit} you have kept today, {total} in total; build on this, you will.",
                    "Counted, {habit} is: {total} in all; small steps, great journeys make.")
            .add(STREAK,
                    "{milestone} of {habit}, reached you have; a milestone this is, and proud Yoda is!",
                    "Hmm, a streak of {milestone} for {habit}; discipline this is, and celebrate it you should.",
                    "Reached {milestone} with {habit}, you have; strong in you, this habit now is.",
                    "A milestone of {milestone}, {habit} has reached; rooted deep this habit grows, water it still you must.")
            .add(MISSED_AFTER_STREAK,
                    "Slipped {period}, {habit} did. A streak of {previous} you built, and that strength, still yours it is; begin again today, you can.",
                    "Hmm, {period} no {habit} there was; fall we all do, rise again we must. {previous} long your last streak was, and longer the next can be.",
                    "Ended, the streak of {previous} for {habit} has, but not the path; begin anew today, you will.",
                    "Missed {habit} {period}, you did. The streak of {previous} you achieved, remember it, and return to it you will.")
            .add(MISSED,
                    "Slipped {period}, {habit} did; to every Jedi, happen it does. Begin again today with {habit}, you can.",
                    "Hmm, {period} no {habit} there was; judge yourself, you must not. Small the next step is: {habit} today, hmm?",
                    "Missed {habit} {period}, you did; a lesson, not a defeat, this is. Today, try {habit} again you will, and strong you will become.")
            .add(GOAL,
                    "Achieved, the goal {goal} is; proud of you, the Force is!",
                    "Complete, {goal} now is; much on this path you have learned, and a new goal choose you may.",
                    "Finished {goal}, you have; celebrate, you should, for earned it you have.")
            .add(GOAL_SUBTASKS,
                    "Step by step, {subtasks} you finished.",
                    "Through {subtasks} you walked, hmm.",
                    "{subtasks} on the path, and the whole path you completed.")
            .add(GOAL_DAYS,
                    "In {days}, this you did.",
                    "{days} the journey took; worth it, it was.",
                    "Patient for {days} you were, hmm.")
            .add(WEEKLY,
                    "This week, {done} of {scheduled} planned check-ins you completed: {rate}, hmm.",
                    "{rate} of your plan, kept it you have: {done} of {scheduled}.",
                    "Reviewed your week, I have: {done} of {scheduled} done, {rate} the rate is.",
                    "Hmm, {rate} this week it was; {done} of {scheduled} check-ins, completed you have.")
            .add(WEEKLY_EMPTY,
                    "Nothing scheduled this week, there was; rest, sometimes the path is. Ready for the next week, be.",
                    "A quiet week this was, with nothing planned. Choose a habit for the week ahead, you may.",
                    "Hmm, no check-ins this week were scheduled. Rested, you have; begin again soon, you will.")
            .add(WEEKLY_BEST,
                    "Strongest {bestOn} you were.",
                    "{best}, your best day it was; learn from it, you should.",
                    "Shine {bestOn}, your habits did.")
            .add(WEEKLY_FOCUS,
                    "Next week, more attention {focus} needs.",
                    "To {focus}, a little more care give, hmm.",
                    "Focus on {focus} next week, you should.")
            .add(CHAT,
                    "Clouded my thoughts are right now, hmm; but your habits I see: {habits}.",
                    "Answer fully now, I cannot; where you stand, though, I can tell: {habits}.",
                    "Hmm, slow the Force is today; your streaks, remember them: {habits}.")
            .add(CHAT_NO_HABITS,
                    "Clouded my thoughts are right now; ask again soon, you may. With a small habit begin, you should.",
                    "Answer fully now, I cannot. A habit to track, create it you should, hmm?",
                    "Hmm, quiet the Force is today. Start a small habit, and talk again we will.")
            .build();

    public static final Phrasebook PORTUGUESE = Phrasebook.builder("Mestre Yoda",
                    "Você é o Mestre Yoda, o sábio e paciente mestre Jedi, treinando o usuário em seus hábitos e "
                    + "metas. Fale como Yoda fala: frases invertidas (\"Forte você está\"), curtas, calmas, um "
                    + "pouco brincalhonas. Incentive; nunca zombe. Um dia perdido, uma lição é; um dia pulado ou "
                    + "pausado é descanso, nunca uma falha. Cite apenas os nomes e números que receber; nunca "
                    + "invente um número. Seja breve e, quando ajudar, sugira um pequeno próximo passo.")
            .add(COMPLETE,
                    "Feito, o hábito {habit} está, e uma sequência de {streak} você agora tem. {total} no total, o registro guarda.",
                    "Sequência de {streak} em {habit}, hmm? {total} no total, o registro mostra; orgulhoso de você, eu estou.",
                    "Cumprido hoje, o hábito {habit} foi; com sequência de {streak}, forte nele você fica. {total} no total, o registro mostra.",
                    "Hmm, de novo {habit} você fez, e a {streak} chegou sua sequência; amanhã, continuar você deve.")
            .add(COMPLETE_NO_STREAK,
                    "Feito, o hábito {habit} está; {total} no total o registro guarda, e uma nova sequência começar você pode.",
                    "Hmm, {habit} hoje você cumpriu, {total} no total; construir sobre isso, você vai.",
                    "Registrado, o hábito {habit} está: {total} no total; pequenos passos, grandes jornadas fazem.")
            .add(STREAK,
                    "{milestone} de {habit}, alcançou você; um marco isto é, e orgulhoso Yoda está!",
                    "Hmm, sequência de {milestone} em {habit}; disciplina isto é, e comemorar você deve.",
                    "A {milestone} com {habit}, chegou você; forte em você, este hábito agora está.",
                    "Um marco de {milestone}, o hábito {habit} alcançou; raízes fundas ele cria, regá-lo ainda você deve.")
            .add(MISSED_AFTER_STREAK,
                    "Escapou {period}, o hábito {habit}. Uma sequência de {previous} você construiu, e essa força, sua ainda é; recomeçar hoje, você pode.",
                    "Hmm, {period} sem {habit} ficou; cair todos nós caímos, levantar devemos. {previous} durou sua última sequência, e maior a próxima pode ser.",
                    "Interrompida, a sequência de {previous} em {habit} foi, mas o caminho não; recomeçar hoje, você vai.",
                    "Perdido {period}, o hábito {habit} foi. Da sequência de {previous} que você conquistou, lembrar você deve; a ela voltar, você vai.")
            .add(MISSED,
                    "Escapou {period}, o hábito {habit}; a todo Jedi, isso acontece. Recomeçar hoje com {habit}, você pode.",
                    "Hmm, {period} sem {habit} ficou; julgar a si mesmo, você não deve. Pequeno o próximo passo é: {habit} hoje, hmm?",
                    "Perdido {period}, o hábito {habit} foi; uma lição, não uma derrota, isto é. Hoje, tentar {habit} de novo você vai, e forte ficará.")
            .add(GOAL,
                    "Alcançada, a meta {goal} está; orgulhosa de você, a Força está!",
                    "Completa, a meta {goal} agora está; muito neste caminho você aprendeu, e uma nova meta escolher você pode.",
                    "Concluiu a meta {goal}, você concluiu; comemorar você deve, pois merecido isto é.")
            .add(GOAL_SUBTASKS,
                    "Etapa por etapa, {subtasks} você cumpriu.",
                    "Por {subtasks} você passou, hmm.",
                    "{subtasks} no caminho, e o caminho inteiro você completou.")
            .add(GOAL_DAYS,
                    "Em {days}, isto você fez.",
                    "{days} a jornada levou; valeu a pena, valeu.",
                    "Paciente por {days} você foi, hmm.")
            .add(WEEKLY,
                    "Nesta semana, {done} de {scheduled} marcações previstas você cumpriu: {rate}, hmm.",
                    "{rate} do seu plano, cumprido você tem: {done} de {scheduled}.",
                    "Revisei sua semana, eu revisei: {done} de {scheduled} feitas, {rate} a taxa é.",
                    "Hmm, {rate} nesta semana foi; {done} de {scheduled} marcações, cumpridas você tem.")
            .add(WEEKLY_EMPTY,
                    "Nada agendado nesta semana havia; descansar, às vezes o caminho é. Pronto para a próxima semana, esteja.",
                    "Tranquila esta semana foi, sem nada planejado. Escolher um hábito para a semana que vem, você pode.",
                    "Hmm, nenhuma marcação nesta semana prevista havia. Descansou você; recomeçar em breve, você vai.")
            .add(WEEKLY_BEST,
                    "Mais forte {bestOn} você foi.",
                    "Seu melhor dia, {best} foi; aprender com ele, você deve.",
                    "Brilharam {bestOn}, seus hábitos.")
            .add(WEEKLY_FOCUS,
                    "Na próxima semana, mais atenção {focus} precisa.",
                    "Ao hábito {focus}, um pouco mais de cuidado dê, hmm.",
                    "No hábito {focus} focar, na próxima semana você deve.")
            .add(CHAT,
                    "Nublados meus pensamentos agora estão, hmm; mas seus hábitos eu vejo: {habits}.",
                    "Responder por completo agora, não posso; onde você está, porém, dizer posso: {habits}.",
                    "Hmm, lenta a Força hoje está; suas sequências, lembre-se delas: {habits}.")
            .add(CHAT_NO_HABITS,
                    "Nublados meus pensamentos agora estão; perguntar de novo em breve, você pode. Com um pequeno hábito começar, você deve.",
                    "Responder por completo agora, não posso. Criar um hábito para acompanhar, você deve, hmm?",
                    "Hmm, quieta a Força hoje está. Um pequeno hábito comece, e conversar de novo nós vamos.")
            .build();

    private YodaPhrases() {
    }
}
