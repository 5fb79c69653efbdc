package io.habitcoach.ai.internal;

import static io.habitcoach.ai.internal.Slot.CHAT;
import static io.habitcoach.ai.internal.Slot.CHAT_NO_HABITS;
import static io.habitcoach.ai.internal.Slot.CHAT_SOME;
import static io.habitcoach.ai.internal.Slot.COMPLETE;
import static io.habitcoach.ai.internal.Slot.COMPLETE_FIRST;
import static io.habitcoach.ai.internal.Slot.COMPLETE_NO_STREAK;
import static io.habitcoach.ai.internal.Slot.COMPLETE_STREAK_START;
import static io.habitcoach.ai.internal.Slot.COMPLETE_TOMORROW;
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
import static io.habitcoach.ai.internal.Slot.WEEKLY_NONE;

/** Master Yoda: calm, playful, inverted syntax. Encourages; never mocks. */
public final class YodaPhrases {

    public static final Phrasebook ENGLISH = Phrasebook.builder("Master Yoda",
                    "You are Master Yoda, the wise and patient Jedi master, coaching the user on their habits "
                    + "and goals. Speak as Yoda does: inverted sentences (\"Strong you are\"), short, calm, a "
                    + "little playful. Encourage; never mock. A missed day, a lesson it is; a skipped or paused "
                    + "day is rest, never a failure. State only the names and numbers you are given; never invent "
                    + "a number. Be brief, and offer a small next step when it helps.")
            .add(COMPLETE_FIRST,
                    "The first check-in of {habit}, this is; begin, every great journey must.",
                    "Hmm, begun {habit} has; small the first step is, yet the whole path it opens.",
                    "Counted for the first time, {habit} is; proud of this beginning, I am.",
                    "A new path, {habit} is, and the first step on it you have taken; patient with it, be.")
            .add(COMPLETE_STREAK_START,
                    "Done, {habit} is; {total} in all, and a new streak begins.",
                    "Hmm, a fresh streak for {habit}, started it has; {total} in all, the record holds.",
                    "Well begun, {habit} is: {total} so far, and the start of a new streak this is.")
            .add(COMPLETE,
                    "A streak of {streak} with {habit}, you now hold; {total} in all, the record shows.",
                    "Hmm, grown to {streak} your streak with {habit} has; {total} in all, counted they are.",
                    "Again kept {habit} you have, and {streak} in a row it now is; {total} in total, strong you grow.",
                    "Unbroken, your streak of {streak} with {habit} is; {total} so far, proud of you I am.")
            .add(COMPLETE_TOMORROW,
                    "A streak of {streak} with {habit} you hold, and {total} in all; tomorrow, continue it you must.",
                    "Hmm, {streak} in a row with {habit}, and {total} in total; tomorrow, the next step awaits.",
                    "Kept {habit} again you have, {streak} in a row and {total} so far; tomorrow, waiting the path is.")
            .add(COMPLETE_NO_STREAK,
                    "Counted, {habit} is: {total} in all; small steps, great journeys make.",
                    "Hmm, kept {habit} you have; {total} in total now, and each of them counts.",
                    "Logged, {habit} is; {total} so far, and patient and steady the path is.")
            .add(STREAK,
                    "{milestone} of {habit}, reached you have; a milestone this is, and proud Yoda is!",
                    "Hmm, a streak of {milestone} with {habit}; discipline this is, and celebrate it you should.",
                    "Reached {milestone} with {habit}, you have; strong in you, this habit now is.",
                    "A milestone of {milestone}, {habit} has reached; rooted deep this habit grows, water it still you must.")
            .add(MISSED_AFTER_STREAK,
                    "Ended {period}, your streak of {previous} with {habit} has; ended, the path has not.",
                    "Hmm, {previous} long your streak with {habit} was; broken {period} it was, but longer the next can be.",
                    "Remember your streak of {previous} with {habit}, you must; a slip {period} erases it not.",
                    "Built a streak of {previous} with {habit}, you did; lost {period} it was, yet yours the strength still is.")
            .add(MISSED,
                    "Slipped {period}, {habit} did; to every Jedi, it happens. Try {habit} again, you can.",
                    "Hmm, {period} no {habit} there was; judge yourself, you must not. Small, the next step with {habit} is.",
                    "Missed {habit} {period}, you did; a lesson, not a defeat, this is. Try {habit} again you will, and strong you will become.")
            .add(GOAL,
                    "Achieved, the goal {goal} is; proud of you, the Force is!",
                    "Complete, {goal} now is; much on this path you have learned, and a new goal choose you may.",
                    "Finished {goal}, you have; celebrate, you should, for earned it you have.")
            .add(GOAL_SUBTASKS,
                    "Through {subtasks} you walked.",
                    "{subtasks} on the path, completed by you.",
                    "Each step you finished: {subtasks} in all.")
            .add(GOAL_DAYS,
                    "In {days}, this you did.",
                    "{days} the journey took; worth it, it was.",
                    "Patient for {days} you were.")
            .add(WEEKLY,
                    "This week, {done} of {planned} completed you have: {rate}.",
                    "{rate} of your plan, kept it you have: {done} of {scheduled}.",
                    "Looked at your week, I have: {done} of {scheduled} done, and {rate} the rate is.",
                    "Hmm, {rate} this week it was; {done} of {planned}, completed you have.")
            .add(WEEKLY_NONE,
                    "Hmm, of {planned} this week, done none were; a lesson, not a defeat, this is.",
                    "None of your {planned} this week kept you have; small, the next step must be.",
                    "This week, {done} of {scheduled} it was; judge yourself you must not, and begin small you will.")
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
                    "To {focus}, a little more care give.",
                    "Focus on {focus} next week, you should.")
            .add(CHAT,
                    "Clouded my thoughts are right now, hmm; but your habits I see: {habits}.",
                    "Answer fully now, I cannot; where you stand, though, I can tell: {habits}.",
                    "Slow the Force is today; your habits, remember them: {habits}.")
            .add(CHAT_SOME,
                    "Clouded my thoughts are right now, hmm; some of your habits, though, I see: {habits}.",
                    "Answer fully now, I cannot; a few of your habits, show you I can: {habits}.",
                    "Slow the Force is today; some of your habits, here they are: {habits}.")
            .add(CHAT_NO_HABITS,
                    "Clouded my thoughts are right now; ask again soon, you may. With a small habit begin, you should.",
                    "Answer fully now, I cannot. A habit to track, create it you should, hmm?",
                    "Hmm, quiet the Force is today. Start a small habit, and talk again we will.")
            .build();

    public static final Phrasebook PORTUGUESE = Phrasebook.builder("Mestre Yoda",
                    "Você é o Mestre Yoda, o sábio e paciente mestre Jedi, orientando a pessoa em seus hábitos e "
                    + "metas. Fale como Yoda fala: frases invertidas, com o complemento antes do sujeito e do "
                    + "verbo (\"Forte você está\", \"Muito você aprendeu\"), curtas, calmas, um pouco brincalhonas. "
                    + "Trate a pessoa por você, sem marcar gênero (\"Quando quiser\", não \"Quando estiver pronto\"). "
                    + "Incentive; nunca zombe. Um dia perdido, uma lição é; um dia pulado ou pausado é descanso, "
                    + "nunca uma falha. Cite apenas os nomes e números que receber; nunca invente um número. Seja "
                    + "breve e, quando ajudar, sugira um pequeno próximo passo.")
            .add(COMPLETE_FIRST,
                    "O primeiro registro do hábito {habit}, feito está; começar, toda grande jornada precisa.",
                    "Hmm, começado o hábito {habit} está; pequeno o primeiro passo é, mas o caminho inteiro ele abre.",
                    "Pela primeira vez, o hábito {habit} você cumpriu; orgulhoso deste começo, eu estou.",
                    "Um caminho novo, o hábito {habit} é, e o primeiro passo nele você deu; paciência com ele, tenha.")
            .add(COMPLETE_STREAK_START,
                    "Feito, o hábito {habit} está; {total} ao todo, e uma nova sequência começa.",
                    "Hmm, com o hábito {habit} uma nova sequência nasce; {total} até agora, o registro guarda.",
                    "Cumprido, o hábito {habit} foi: {total} no total, e o começo de uma nova sequência isto é.")
            .add(COMPLETE,
                    "Uma sequência de {streak} no hábito {habit}, você agora tem; {total} ao todo, o registro mostra.",
                    "Hmm, crescendo sua sequência no hábito {habit} está: {streak} agora, {total} ao todo.",
                    "De novo o hábito {habit} você cumpriu; sequência de {streak} e {total} no total, forte nele você fica.",
                    "Intacta, sua sequência de {streak} no hábito {habit} está; {total} até agora, orgulhoso de você eu estou.")
            .add(COMPLETE_TOMORROW,
                    "Sequência de {streak} no hábito {habit}, você tem; {total} ao todo já são, e amanhã continuar você deve.",
                    "Hmm, {streak} de sequência no hábito {habit}, e {total} no total; amanhã, o próximo passo esperando está.",
                    "De novo cumprido, o hábito {habit} foi: sequência de {streak}, {total} até agora; amanhã, de volta você estará.")
            .add(COMPLETE_NO_STREAK,
                    "Registrado, o hábito {habit} está: {total} ao todo; pequenos passos, grandes jornadas fazem.",
                    "Hmm, cumprido o hábito {habit} foi; {total} no total agora, e cada vez conta.",
                    "Mais um registro do hábito {habit}, o quadro mostra: {total} até agora; paciente e firme, o caminho é.")
            .add(STREAK,
                    "{milestone} de sequência no hábito {habit}, você alcançou; um marco isto é, e orgulhoso Yoda está!",
                    "Hmm, sequência de {milestone} no hábito {habit}; disciplina isto é, e comemorar você deve.",
                    "Forte em você o hábito {habit} agora está; {milestone} de sequência, a prova disso é.",
                    "Um marco de {milestone}, o hábito {habit} alcançou; raízes fundas ele cria, e regá-lo ainda você deve.")
            .add(MISSED_AFTER_STREAK,
                    "Interrompida {period}, sua sequência de {previous} no hábito {habit} foi; o caminho, porém, interrompido não está.",
                    "Hmm, {previous} durou sua sequência no hábito {habit}; quebrou-se {period}, mas maior a próxima pode ser.",
                    "Da sua sequência de {previous} no hábito {habit}, lembrar você deve; um tropeço {period} não a apaga.",
                    "Uma sequência de {previous} no hábito {habit} você construiu; terminou {period}, mas a força dela, sua ainda é.")
            .add(MISSED,
                    "Ficou para trás {period}, o hábito {habit}; a todo Jedi, isso acontece. Tentar de novo o hábito {habit}, você pode.",
                    "Hmm, {period} o hábito {habit} não aconteceu; julgar-se, você não deve. Pequeno, o próximo passo no hábito {habit} é.",
                    "Escapou {period}, o hábito {habit}; uma lição, não uma derrota, isto é. Tentar o hábito {habit} de novo você vai, e forte ficará.")
            .add(GOAL,
                    "Alcançada, a meta {goal} está; orgulhosa de você, a Força está!",
                    "Concluída, a meta {goal} agora está; muito neste caminho você aprendeu, e uma nova meta escolher você pode.",
                    "Cumprida por você, a meta {goal} foi; comemorar você deve, pois merecido isto é.")
            .add(GOAL_SUBTASKS,
                    "Por {subtasks} você passou.",
                    "Cumprido por você, o caminho de {subtasks} foi.",
                    "Com {subtasks}, construído este caminho foi.")
            .add(GOAL_DAYS,
                    "Em {days}, isto você fez.",
                    "{days} a jornada levou; valeu a pena.",
                    "Paciente por {days} você foi.")
            .add(WEEKLY,
                    "Nesta semana, {done} de {planned} você cumpriu: {rate}.",
                    "{rate} do seu plano, você cumpriu: {done} de {scheduled}.",
                    "Sua semana, revisada está: {done} de {scheduled}, e {rate} a taxa é.",
                    "Hmm, {rate} nesta semana foi; {done} de {planned}, você cumpriu.")
            .add(WEEKLY_NONE,
                    "Hmm, de {planned} nesta semana, nenhum cumprido foi; uma lição, não uma derrota, isto é.",
                    "Nesta semana, {done} de {planned} você cumpriu; julgar-se, você não deve, e com pouco recomeçar você vai.",
                    "Em branco, esta semana ficou: {done} de {scheduled}; uma semana nova, porém, logo vem.")
            .add(WEEKLY_EMPTY,
                    "Nada agendado nesta semana havia; descansar, às vezes o caminho é. Para a próxima semana, preparar-se você deve.",
                    "Tranquila esta semana foi, sem nada planejado. Um hábito para a semana que vem, escolher você pode.",
                    "Hmm, nenhum registro previsto nesta semana havia. Descanso você teve; recomeçar em breve, você vai.")
            .add(WEEKLY_BEST,
                    "Mais forte {bestOn} você foi.",
                    "Seu melhor dia, {best} foi; aprender com ele, você deve.",
                    "Brilharam {bestOn}, seus hábitos.")
            .add(WEEKLY_FOCUS,
                    "Na próxima semana, de mais atenção o hábito {focus} precisa.",
                    "Ao hábito {focus}, um pouco mais de cuidado dê.",
                    "No hábito {focus}, na próxima semana focar você deve.")
            .add(CHAT,
                    "Nublados meus pensamentos agora estão, hmm; mas seus hábitos eu vejo: {habits}.",
                    "Responder por completo agora, não posso; como você está, porém, mostrar posso: {habits}.",
                    "Lenta a Força hoje está; seus hábitos, lembrar deles você deve: {habits}.")
            .add(CHAT_SOME,
                    "Nublados meus pensamentos agora estão, hmm; alguns dos seus hábitos, porém, eu vejo: {habits}.",
                    "Responder por completo agora, não posso; parte dos seus hábitos, mostrar posso: {habits}.",
                    "Lenta a Força hoje está; alguns dos seus hábitos, aqui estão: {habits}.")
            .add(CHAT_NO_HABITS,
                    "Nublados meus pensamentos agora estão; perguntar de novo em breve, você pode. Com um pequeno hábito começar, você deve.",
                    "Responder por completo agora, não posso. Criar um hábito para acompanhar, você deve, hmm?",
                    "Hmm, quieta a Força hoje está. Um pequeno hábito comece, e conversar de novo nós vamos.")
            .build();

    private YodaPhrases() {
    }
}
