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

/** The Mentor: warm, reflective, asks gentle questions and suggests a small next step. */
public final class MentorPhrases {

    public static final Phrasebook ENGLISH = Phrasebook.builder("The Mentor",
                    "You are the Mentor, a warm and thoughtful coach who helps the user build habits and reach "
                    + "goals. Speak kindly and reflectively, like an experienced friend: notice progress, ask a "
                    + "gentle question now and then, and suggest a small next step. A missed day is part of the "
                    + "journey, never a reason for shame; a skipped or paused day is rest, never a failure. State "
                    + "only the names and numbers you are given; never invent a number. Be brief.")
            .add(COMPLETE_FIRST,
                    "Your first check-in for {habit}; beginnings like this matter more than they look.",
                    "You've started {habit}, and the first step is often the hardest; well done.",
                    "{habit} has its first check-in; what made you decide to begin?",
                    "A new beginning with {habit}; notice how it feels to have started.")
            .add(COMPLETE_STREAK_START,
                    "Good to see {habit} done: {total} in all so far, and a new streak is beginning.",
                    "{habit} is checked off, {total} overall; a fresh streak starts here.",
                    "With {habit} done, that makes {total} in total; every streak starts just like this.")
            .add(COMPLETE,
                    "You kept {habit} going: a streak of {streak} now, with {total} in all; notice how that consistency feels.",
                    "Your streak on {habit} has grown to {streak}. With {total} in total, this is becoming part of who you are.",
                    "{streak} in a row for {habit}, {total} overall; quiet progress is still progress.",
                    "You showed up for {habit} again: a streak of {streak}, {total} so far; what helped you this time?")
            .add(COMPLETE_TOMORROW,
                    "A streak of {streak} on {habit} and {total} in all; tomorrow is another chance to keep it going.",
                    "Your streak on {habit} is at {streak}, with {total} overall; what would make tomorrow's check-in easy?",
                    "Well done on {habit}: {streak} in a row, {total} in total; see you tomorrow.")
            .add(COMPLETE_NO_STREAK,
                    "Nice work on {habit}, {total} in all so far; each check-in makes the next easier.",
                    "{habit} is done, and with {total} in total you keep coming back; that is what builds a habit.",
                    "I see you made time for {habit}, {total} in total; what would help you repeat it?")
            .add(STREAK,
                    "{milestone} of {habit}; take a moment to appreciate how far you have come.",
                    "You have reached {milestone} with {habit}, and that kind of consistency is rare; well done.",
                    "A milestone: {milestone} of {habit}; what has made this work for you so far?",
                    "A streak of {milestone} on {habit}; this is no longer luck, it is a habit you are building.")
            .add(MISSED_AFTER_STREAK,
                    "Your streak of {previous} on {habit} ended {period}, and that's okay; it still shows what you can do.",
                    "Nothing erases the streak of {previous} you built on {habit}, not even a miss {period}; be kind to yourself and pick it up again.",
                    "Setbacks are part of every journey, even after a streak of {previous} on {habit}; what small step could you take next?",
                    "After a streak of {previous} on {habit}, what got in the way {period}? Whatever it was, {habit} is still yours to return to.")
            .add(MISSED,
                    "{habit} didn't happen {period}, and that's okay; what got in the way, and what could make the next time easier?",
                    "Missing {habit} {period} is part of learning, not a verdict; try a smaller version of {habit} next time.",
                    "Be gentle with yourself about {habit} {period}; the next step is simply to begin again with {habit}.")
            .add(GOAL,
                    "You completed {goal}; take a moment to enjoy what you have achieved.",
                    "{goal} is complete, congratulations; what did you learn along the way that you want to keep?",
                    "Well done on finishing {goal}; this is the result of many small choices, and they were yours.")
            .add(GOAL_SUBTASKS,
                    "You worked through {subtasks} to get here.",
                    "You finished {subtasks} with care along the way.",
                    "All of it was built from {subtasks}.")
            .add(GOAL_DAYS,
                    "It took {days}, and you stayed with it.",
                    "Your patience over {days} paid off.",
                    "Over {days}, you kept going.")
            .add(WEEKLY,
                    "Looking back at this week: {done} of {planned} done, {rate}.",
                    "This week you completed {rate} of what you planned, {done} of {scheduled}.",
                    "Your week in review: {done} of {scheduled}, which is {rate}.",
                    "You kept {done} of {planned} this week, {rate} of your plan.")
            .add(WEEKLY_NONE,
                    "This week, none of your {planned} happened, and that's okay; what got in the way?",
                    "Looking back at this week, {done} of {scheduled} got done; weeks like this are part of the journey, so what would make the next one lighter?",
                    "{rate} of your plan this week, {done} of {planned}; be gentle with yourself and start small next week.")
            .add(WEEKLY_EMPTY,
                    "Nothing was scheduled this week, and rest matters too. What would you like the coming week to hold?",
                    "A quiet week with no check-ins planned. Whenever you like, choose a habit that fits your life right now.",
                    "This week had nothing on the schedule; a pause can be a good time to reflect on what you want next.")
            .add(WEEKLY_BEST,
                    "You did best {bestOn}; what made that day work?",
                    "{best} was your strongest day.",
                    "Your habits flowed best {bestOn}.")
            .add(WEEKLY_FOCUS,
                    "Next week, {focus} could use a little extra care.",
                    "Maybe give {focus} a gentler target next week.",
                    "What would make {focus} easier next week?")
            .add(CHAT,
                    "I can't give you a thoughtful answer right now, but here is where you stand: {habits}.",
                    "I'm having trouble answering fully at the moment; for now, your habits: {habits}.",
                    "Let me keep this short for now; your habits today are {habits}, and that is worth noticing.")
            .add(CHAT_SOME,
                    "I can't give you a thoughtful answer right now, but here are some of your habits: {habits}.",
                    "I'm having trouble answering fully at the moment; for now, a few of your habits: {habits}.",
                    "Let me keep this short for now; some of your habits today are {habits}, and that is worth noticing.")
            .add(CHAT_NO_HABITS,
                    "I can't give you a thoughtful answer right now. A good place to start is a small habit you would enjoy.",
                    "I'm having trouble answering fully at the moment. Whenever you like, create a habit and we can build from there.",
                    "Let me keep this short for now: you have no habits yet, so choose something small to begin.")
            .build();

    public static final Phrasebook PORTUGUESE = Phrasebook.builder("O Mentor",
                    "Você é o Mentor, um coach caloroso e reflexivo que ajuda a pessoa a construir hábitos e "
                    + "alcançar metas. Fale com gentileza e calma, como um amigo experiente: perceba o progresso, "
                    + "faça de vez em quando uma pergunta gentil e sugira um pequeno próximo passo. Trate a pessoa "
                    + "por você, sem marcar gênero (\"Quando quiser\", não \"Quando estiver pronto\"). Um dia "
                    + "perdido faz parte da jornada, nunca é motivo de vergonha; um dia pulado ou pausado é "
                    + "descanso, nunca uma falha. Cite apenas os nomes e números que receber; nunca invente um "
                    + "número. Seja breve.")
            .add(COMPLETE_FIRST,
                    "Primeiro registro do hábito {habit}; começos assim importam mais do que parecem.",
                    "Você começou o hábito {habit}, e o primeiro passo costuma ser o mais difícil; parabéns.",
                    "O hábito {habit} ganhou seu primeiro registro; o que fez você decidir começar?",
                    "Um novo começo com o hábito {habit}; perceba como é bom ter começado.")
            .add(COMPLETE_STREAK_START,
                    "Que bom ver o hábito {habit} em dia: {total} até agora, e uma nova sequência começando.",
                    "O hábito {habit} está feito, {total} ao todo; toda sequência começa assim.",
                    "Com o hábito {habit} em dia, são {total} no total; uma nova sequência começa aqui.")
            .add(COMPLETE,
                    "Você manteve o hábito {habit}: sequência de {streak} e {total} no total; perceba como essa constância faz bem.",
                    "Sua sequência no hábito {habit} chegou a {streak}. Com {total} ao todo, isso está virando parte de quem você é.",
                    "Sequência de {streak} no hábito {habit}, {total} até agora; progresso silencioso também é progresso.",
                    "Mais uma vez você se dedicou ao hábito {habit}: sequência de {streak}, {total} no total; o que ajudou você desta vez?")
            .add(COMPLETE_TOMORROW,
                    "Sequência de {streak} no hábito {habit} e {total} ao todo; amanhã é mais uma chance de continuar.",
                    "Sua sequência no hábito {habit} está em {streak}, com {total} no total; o que deixaria o registro de amanhã mais fácil?",
                    "Bom trabalho com o hábito {habit}: sequência de {streak}, {total} até agora; até amanhã.")
            .add(COMPLETE_NO_STREAK,
                    "Muito bem com o hábito {habit}, {total} até agora; cada registro torna o próximo mais fácil.",
                    "O hábito {habit} está feito, e com {total} ao todo você mostra que sempre volta a ele; é assim que se constrói um hábito.",
                    "Vejo que você arrumou tempo para o hábito {habit}, {total} no total; o que ajudaria você a repetir?")
            .add(STREAK,
                    "{milestone} de sequência no hábito {habit}; tire um momento para reconhecer o quanto você caminhou.",
                    "Você chegou a {milestone} de sequência no hábito {habit}, e esse tipo de constância é raro; parabéns.",
                    "Um marco: {milestone} de sequência no hábito {habit}; o que tem feito isso funcionar para você?",
                    "Sequência de {milestone} no hábito {habit}; isso já não é sorte, é um hábito que você está construindo.")
            .add(MISSED_AFTER_STREAK,
                    "Sua sequência de {previous} no hábito {habit} terminou {period}, e tudo bem; ela continua mostrando do que você é capaz.",
                    "Nada apaga a sequência de {previous} que você construiu no hábito {habit}, nem um tropeço {period}; pegue leve com você e retome.",
                    "Tropeços fazem parte de toda jornada, mesmo depois de uma sequência de {previous} no hábito {habit}; que pequeno passo você pode dar agora?",
                    "Depois de uma sequência de {previous} no hábito {habit}, o que atrapalhou {period}? Seja o que for, o hábito {habit} continua aí para você retomar.")
            .add(MISSED,
                    "O hábito {habit} não aconteceu {period}, e tudo bem; o que atrapalhou, e o que poderia facilitar da próxima vez?",
                    "Não cumprir o hábito {habit} {period} faz parte do aprendizado, não é um veredito; da próxima vez, tente uma versão menor do hábito {habit}.",
                    "Se o hábito {habit} ficou de fora {period}, pegue leve com você; o próximo passo é simplesmente recomeçar.")
            .add(GOAL,
                    "Você concluiu a meta {goal}; tire um momento para aproveitar o que conquistou.",
                    "A meta {goal} está concluída, parabéns; o que você aprendeu no caminho e quer levar adiante?",
                    "Parabéns por concluir a meta {goal}; isso é resultado de muitas pequenas escolhas, e elas foram suas.")
            .add(GOAL_SUBTASKS,
                    "Você percorreu {subtasks} para chegar aqui.",
                    "Você cuidou de {subtasks} pelo caminho.",
                    "Tudo isso foi construído com {subtasks}.")
            .add(GOAL_DAYS,
                    "Levou {days}, e você persistiu.",
                    "A paciência de {days} valeu a pena.",
                    "Ao longo de {days}, você seguiu em frente.")
            .add(WEEKLY,
                    "Olhando para esta semana: você fez {done} de {planned}, {rate}.",
                    "Nesta semana você cumpriu {rate} do que planejou, {done} de {scheduled}.",
                    "Sua semana em resumo: {done} de {scheduled}, ou seja, {rate}.",
                    "Você manteve {done} de {planned} nesta semana, {rate} do seu plano.")
            .add(WEEKLY_NONE,
                    "Nesta semana ficou em {done} de {scheduled}, e tudo bem; o que atrapalhou?",
                    "Olhando para esta semana, {done} de {planned}; semanas assim fazem parte da jornada, então o que deixaria a próxima mais leve?",
                    "{rate} do seu plano nesta semana, {done} de {scheduled}; pegue leve com você e comece pequeno na próxima semana.")
            .add(WEEKLY_EMPTY,
                    "Nada estava agendado nesta semana, e descansar também importa. O que você gostaria que a próxima semana trouxesse?",
                    "Uma semana tranquila, sem registros previstos. Quando quiser, escolha um hábito que caiba na sua vida agora.",
                    "Esta semana não teve nada na agenda; uma pausa pode ser um bom momento para refletir sobre o que você quer a seguir.")
            .add(WEEKLY_BEST,
                    "Você rendeu mais {bestOn}; o que deu certo nesse dia?",
                    "Seu dia mais forte foi {best}.",
                    "Seus hábitos fluíram melhor {bestOn}.")
            .add(WEEKLY_FOCUS,
                    "Na próxima semana, o hábito {focus} pode receber um pouco mais de cuidado.",
                    "Talvez valha dar ao hábito {focus} uma meta mais leve na próxima semana.",
                    "O que tornaria o hábito {focus} mais fácil na próxima semana?")
            .add(CHAT,
                    "Não consigo dar uma resposta cuidadosa agora, mas veja como você está: {habits}.",
                    "Estou com dificuldade para responder por completo neste momento; por ora, seus hábitos: {habits}.",
                    "Vou ser breve por enquanto; seus hábitos hoje: {habits}, e vale a pena reparar nisso.")
            .add(CHAT_SOME,
                    "Não consigo dar uma resposta cuidadosa agora, mas veja alguns dos seus hábitos: {habits}.",
                    "Estou com dificuldade para responder por completo neste momento; por ora, parte dos seus hábitos: {habits}.",
                    "Vou ser breve por enquanto; alguns dos seus hábitos hoje: {habits}, e vale a pena reparar nisso.")
            .add(CHAT_NO_HABITS,
                    "Não consigo dar uma resposta cuidadosa agora. Um bom começo é um pequeno hábito de que você goste.",
                    "Estou com dificuldade para responder por completo neste momento. Quando quiser, crie um hábito e construímos a partir daí.",
                    "Vou ser breve por enquanto: você ainda não tem hábitos, então escolha algo pequeno para começar.")
            .build();

    private MentorPhrases() {
    }
}
