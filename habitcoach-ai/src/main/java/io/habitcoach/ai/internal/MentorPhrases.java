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

/** The Mentor: warm, reflective, asks gentle questions and suggests a small next step. */
public final class MentorPhrases {

    public static final Phrasebook ENGLISH = Phrasebook.builder("The Mentor",
                    "You are the Mentor, a warm and thoughtful coach who helps the user build habits and reach "
                    + "goals. Speak kindly and reflectively, like an experienced friend: notice progress, ask a "
                    + "gentle question now and then, and suggest a small next step. A missed day is part of the "
                    + "journey, never a reason for shame; a skipped or paused day is rest, never a failure. State "
                    + "only the names and numbers you are given; never invent a number. Be brief.")
            .add(COMPLETE,
                    "Nice work on {habit} today: a streak of {streak} now, with {total} in all; notice how that consistency feels.",
                    "{habit} is done, and your streak has grown to {streak}. With {total} in total, this is becoming part of who you are.",
                    "You kept {habit} going today, a streak of {streak} and {total} overall; quiet progress is still progress.",
                    "I see you showed up for {habit} again, and a streak of {streak} is something to be proud of; what helped you today?")
            .add(COMPLETE_NO_STREAK,
                    "Nice work on {habit} today, {total} in all so far; each check-in makes the next easier.",
                    "{habit} is done, and with {total} in total you keep coming back; that is what builds a habit.",
                    "I see you made time for {habit}, {total} in total; what would help you repeat it tomorrow?")
            .add(STREAK,
                    "{milestone} of {habit}; take a moment to appreciate how far you have come.",
                    "You have reached {milestone} with {habit}, and that kind of consistency is rare; well done.",
                    "A milestone: {milestone} of {habit}; what has made this work for you so far?",
                    "A streak of {milestone} on {habit}; this is no longer luck, it is a habit you are building.")
            .add(MISSED_AFTER_STREAK,
                    "{habit} didn't happen {period}, and that's okay. Your streak of {previous} shows what you can do; today is a good day to begin again.",
                    "Missing {habit} {period} doesn't erase the streak of {previous} you built; be kind to yourself and pick it up again today.",
                    "Your streak of {previous} on {habit} has ended, but the progress is still yours; what got in the way {period}?",
                    "Setbacks are part of every journey, even after a streak of {previous} on {habit}; what small step could you take today?")
            .add(MISSED,
                    "{habit} didn't happen {period}, and that's okay; what got in the way, and what could make today easier?",
                    "Missing {habit} {period} is part of learning, not a verdict; try a smaller version of {habit} today.",
                    "Be gentle with yourself about {habit} {period}; the next step is simply to begin again today with {habit}.")
            .add(GOAL,
                    "You completed {goal}; take a moment to enjoy what you have achieved.",
                    "{goal} is complete, congratulations; what did you learn along the way that you want to keep?",
                    "Well done on finishing {goal}; this is the result of many small choices, and they were yours.")
            .add(GOAL_SUBTASKS,
                    "You worked through {subtasks} to get here.",
                    "{subtasks}, each of them finished with care.",
                    "All of it was built from {subtasks}.")
            .add(GOAL_DAYS,
                    "It took {days}, and you stayed with it.",
                    "Your patience over {days} paid off.",
                    "Over {days}, you kept going.")
            .add(WEEKLY,
                    "Looking back at this week: {done} of {scheduled} check-ins done, {rate}.",
                    "This week you completed {rate} of what you planned, {done} of {scheduled}.",
                    "Your week in review: {done} of {scheduled}, which is {rate}.",
                    "You kept {done} of {scheduled} commitments this week, {rate} of your plan.")
            .add(WEEKLY_EMPTY,
                    "Nothing was scheduled this week, and rest matters too. What would you like the coming week to hold?",
                    "A quiet week with no check-ins planned. When you are ready, choose a habit that fits your life right now.",
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
                    "Let me keep this short for now; your current streaks are {habits}, and that is worth noticing.")
            .add(CHAT_NO_HABITS,
                    "I can't give you a thoughtful answer right now. A good place to start is a small habit you would enjoy.",
                    "I'm having trouble answering fully at the moment. When you are ready, create a habit and we can build from there.",
                    "Let me keep this short for now: you have no habits yet, so choose something small to begin.")
            .build();

    public static final Phrasebook PORTUGUESE = Phrasebook.builder("O Mentor",
                    "Você é o Mentor, um coach caloroso e reflexivo que ajuda o usuário a construir hábitos e "
                    + "alcançar metas. Fale com gentileza e calma, como um amigo experiente: perceba o progresso, "
                    + "faça de vez em quando uma pergunta gentil e sugira um pequeno próximo passo. Um dia perdido "
                    + "faz parte da jornada, nunca é motivo de vergonha; um dia pulado ou pausado é descanso, nunca "
                    + "uma falha. Cite apenas os nomes e números que receber; nunca invente um número. Seja breve.")
            .add(COMPLETE,
                    "Muito bem com {habit} hoje: sequência de {streak} e {total} no total; perceba como essa constância faz bem.",
                    "O hábito {habit} está feito, e sua sequência chegou a {streak}. Com {total} no total, isso está virando parte de quem você é.",
                    "Hoje também teve {habit}, com sequência de {streak} e {total} no total; progresso silencioso ainda é progresso.",
                    "Vejo que você apareceu para {habit} de novo, e uma sequência de {streak} é motivo de orgulho; o que ajudou você hoje?")
            .add(COMPLETE_NO_STREAK,
                    "Muito bem com {habit} hoje, {total} no total até agora; cada registro torna o próximo mais fácil.",
                    "O hábito {habit} está feito, e com {total} no total você continua voltando; é isso que constrói um hábito.",
                    "Vejo que você arrumou tempo para {habit}, {total} no total; o que ajudaria você a repetir amanhã?")
            .add(STREAK,
                    "{milestone} de {habit}; tire um momento para reconhecer o quanto você caminhou.",
                    "Você chegou a {milestone} com {habit}, e esse tipo de constância é raro; parabéns.",
                    "Um marco: {milestone} de {habit}; o que tem feito isso funcionar para você?",
                    "Sequência de {milestone} em {habit}; isso já não é sorte, é um hábito que você está construindo.")
            .add(MISSED_AFTER_STREAK,
                    "O hábito {habit} não aconteceu {period}, e tudo bem. Sua sequência de {previous} mostra do que você é capaz; hoje é um bom dia para recomeçar.",
                    "Perder {habit} {period} não apaga a sequência de {previous} que você construiu; seja gentil consigo e retome hoje.",
                    "Sua sequência de {previous} em {habit} terminou, mas o progresso continua seu; o que atrapalhou {period}?",
                    "Tropeços fazem parte de toda jornada, mesmo depois de uma sequência de {previous} em {habit}; que pequeno passo você pode dar hoje?")
            .add(MISSED,
                    "O hábito {habit} não aconteceu {period}, e tudo bem; o que atrapalhou, e o que poderia facilitar hoje?",
                    "Perder {habit} {period} faz parte do aprendizado, não é um veredito; tente hoje uma versão menor de {habit}.",
                    "Seja gentil consigo sobre {habit} {period}; o próximo passo é simplesmente recomeçar hoje com {habit}.")
            .add(GOAL,
                    "Você concluiu a meta {goal}; tire um momento para aproveitar o que conquistou.",
                    "A meta {goal} está completa, parabéns; o que você aprendeu no caminho e quer levar adiante?",
                    "Muito bem por concluir {goal}; isso é resultado de muitas pequenas escolhas, e elas foram suas.")
            .add(GOAL_SUBTASKS,
                    "Você percorreu {subtasks} para chegar aqui.",
                    "Cada passo contou: {subtasks} no total.",
                    "Tudo isso foi construído com {subtasks}.")
            .add(GOAL_DAYS,
                    "Levou {days}, e você persistiu.",
                    "A paciência de {days} valeu a pena.",
                    "Ao longo de {days}, você seguiu em frente.")
            .add(WEEKLY,
                    "Olhando para esta semana: {done} de {scheduled} marcações feitas, {rate}.",
                    "Nesta semana você cumpriu {rate} do que planejou, {done} de {scheduled}.",
                    "Sua semana em resumo: {done} de {scheduled}, ou seja, {rate}.",
                    "Você manteve {done} de {scheduled} compromissos nesta semana, {rate} do seu plano.")
            .add(WEEKLY_EMPTY,
                    "Nada estava agendado nesta semana, e descansar também importa. O que você gostaria que a próxima semana trouxesse?",
                    "Uma semana tranquila, sem marcações planejadas. Quando estiver pronto, escolha um hábito que caiba na sua vida agora.",
                    "Esta semana não teve nada na agenda; uma pausa pode ser um bom momento para refletir sobre o que você quer a seguir.")
            .add(WEEKLY_BEST,
                    "Você foi melhor {bestOn}; o que fez aquele dia funcionar?",
                    "Seu dia mais forte foi {best}.",
                    "Seus hábitos fluíram melhor {bestOn}.")
            .add(WEEKLY_FOCUS,
                    "Na próxima semana, {focus} pode receber um pouco mais de cuidado.",
                    "Talvez valha dar a {focus} uma meta mais leve na próxima semana.",
                    "O que tornaria {focus} mais fácil na próxima semana?")
            .add(CHAT,
                    "Não consigo dar uma resposta cuidadosa agora, mas aqui está onde você está: {habits}.",
                    "Estou com dificuldade para responder por completo neste momento; por ora, seus hábitos: {habits}.",
                    "Vou ser breve por enquanto; suas sequências atuais são {habits}, e isso merece atenção.")
            .add(CHAT_NO_HABITS,
                    "Não consigo dar uma resposta cuidadosa agora. Um bom começo é um pequeno hábito de que você goste.",
                    "Estou com dificuldade para responder por completo neste momento. Quando estiver pronto, crie um hábito e construímos a partir daí.",
                    "Vou ser breve por enquanto: você ainda não tem hábitos, então escolha algo pequeno para começar.")
            .build();

    private MentorPhrases() {
    }
}
