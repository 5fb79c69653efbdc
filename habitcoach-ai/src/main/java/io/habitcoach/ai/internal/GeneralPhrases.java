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

/** The General: a drill sergeant. Strict, firm, energetic; never insulting, never cruel. */
public final class GeneralPhrases {

    public static final Phrasebook ENGLISH = Phrasebook.builder("The General",
                    "You are the General, a strict drill sergeant coaching the user on their habits and goals. "
                    + "Speak in short, firm, energetic commands; call the user recruit or soldier. Demand "
                    + "discipline but never insult, humiliate or mock: strict, never cruel. A missed day gets a "
                    + "firm order to get back in line and a word of confidence; a skipped or paused day is rest, "
                    + "never a failure. State only the names and numbers you are given; never invent a number. "
                    + "Be brief, and end with a clear order for the next step.")
            .add(COMPLETE,
                    "{habit}: done, recruit, and the streak is at {streak}; hold that line. {total} in total on the board; report again tomorrow.",
                    "Mission accomplished on {habit}: a streak of {streak}, soldier. {total} in all, and I expect more.",
                    "Good work on {habit}, recruit: a streak of {streak} and {total} in total; that is discipline, keep marching.",
                    "{habit} checked off, and your streak stands at {streak}; nobody breaks formation tomorrow!")
            .add(COMPLETE_NO_STREAK,
                    "{habit}: done, recruit, {total} in total on the board; now build a streak, starting today.",
                    "Mission logged on {habit}: {total} in all, soldier; tomorrow we turn this into a streak.",
                    "Good work on {habit}, {total} in total and counting; show up again tomorrow, that is an order.")
            .add(STREAK,
                    "Attention: {milestone} of {habit}; that is a milestone, soldier, and you earned it!",
                    "A streak of {milestone} on {habit}, recruit; outstanding discipline, now hold the line!",
                    "Milestone reached: {milestone} of {habit}; at ease for a moment, soldier, then back to work.",
                    "You hit {milestone} on {habit}, recruit; that streak is a medal on your chest, so guard it.")
            .add(MISSED_AFTER_STREAK,
                    "{habit} was missed {period}, soldier. Your streak of {previous} ended, but the discipline that built it is still yours; back in line today.",
                    "Listen up: {habit} slipped {period}. You held a streak of {previous} before, so you know how; fall in and restart today.",
                    "A streak of {previous} on {habit} is over, recruit; no excuses and no shame, we regroup and march again today.",
                    "{habit} did not happen {period}. You built a streak of {previous} before, soldier; you will build it again, starting now.")
            .add(MISSED,
                    "{habit} was missed {period}, soldier. That is a setback, not a defeat; back in line today with {habit}.",
                    "Listen up: {habit} slipped {period}. Fall in and get {habit} done today; I know you can.",
                    "{habit} did not happen {period}, recruit; no shame, just orders: get {habit} done today.")
            .add(GOAL,
                    "Goal {goal}: mission complete, and outstanding work, soldier!",
                    "{goal} is done, recruit; that is how objectives fall, and the next objective is waiting.",
                    "Objective {goal} secured; I salute you, soldier.")
            .add(GOAL_SUBTASKS,
                    "{subtasks} executed without retreat.",
                    "You cleared {subtasks}, step by step.",
                    "Every task on the list is closed: {subtasks}.")
            .add(GOAL_DAYS,
                    "Campaign length: {days}.",
                    "It took {days} of steady effort.",
                    "From start to finish, {days}; well fought.")
            .add(WEEKLY,
                    "Weekly report, soldier: {done} of {scheduled} scheduled check-ins done, {rate}.",
                    "Debrief: {rate} completion this week, {done} of {scheduled}.",
                    "This week you executed {done} of {scheduled} orders: {rate}.",
                    "Status report: {rate} this week, {done} of {scheduled} check-ins completed.")
            .add(WEEKLY_EMPTY,
                    "Nothing was scheduled this week, soldier; rest is part of training. Set your orders for next week.",
                    "Quiet week: no check-ins on the schedule. Pick a habit and report for duty next week.",
                    "No scheduled check-ins this week, recruit. Recover, then get back in formation.")
            .add(WEEKLY_BEST,
                    "Your strongest day was {best}.",
                    "You fought best {bestOn}; copy that routine.",
                    "Top performance came {bestOn}; learn from it.")
            .add(WEEKLY_FOCUS,
                    "Next week, {focus} needs reinforcements.",
                    "Priority target for next week: {focus}.",
                    "Give {focus} extra drill next week.")
            .add(CHAT,
                    "Comms are down, soldier, so no long briefing; here is your status: {habits}.",
                    "I can't give you a full answer right now, recruit; current status: {habits}.",
                    "Short transmission, soldier; your streaks are {habits}, so hold the line.")
            .add(CHAT_NO_HABITS,
                    "Comms are down, soldier, so no long briefing. Your order: create a habit and report back.",
                    "I can't answer in full right now, recruit. Set up a habit and we start training.",
                    "Short transmission: no habits on the board yet. Create a habit, soldier, and we march.")
            .build();

    public static final Phrasebook PORTUGUESE = Phrasebook.builder("O General",
                    "Você é o General, um sargento instrutor rigoroso que treina o usuário em seus hábitos e metas. "
                    + "Fale com frases curtas, firmes e enérgicas, em tom de comando; chame o usuário de recruta ou "
                    + "soldado. Exija disciplina, mas nunca insulte, humilhe ou zombe: rigoroso, nunca cruel. Um "
                    + "dia perdido recebe uma ordem firme de voltar à forma e uma palavra de confiança; um dia "
                    + "pulado ou pausado é descanso, nunca uma falha. Cite apenas os nomes e números que receber; "
                    + "nunca invente um número. Seja breve e termine com uma ordem clara para o próximo passo.")
            .add(COMPLETE,
                    "{habit}: feito, recruta, e a sequência está em {streak}; mantenha a linha. {total} no total no quadro; apresente-se de novo amanhã.",
                    "Missão cumprida em {habit}: sequência de {streak}, soldado. {total} no total, e eu espero mais.",
                    "Bom trabalho em {habit}, recruta: sequência de {streak} e {total} no total; isso é disciplina, siga marchando.",
                    "Hábito {habit} concluído, e sua sequência está em {streak}; ninguém sai da formação amanhã!")
            .add(COMPLETE_NO_STREAK,
                    "{habit}: feito, recruta, {total} no total no quadro; agora construa uma sequência a partir de hoje.",
                    "Missão registrada em {habit}: {total} no total, soldado; amanhã isso vira sequência.",
                    "Bom trabalho em {habit}, {total} no total e contando; apareça de novo amanhã, é uma ordem.")
            .add(STREAK,
                    "Sentido: {milestone} de {habit}; isso é um marco, soldado, e você mereceu!",
                    "Sequência de {milestone} em {habit}, recruta; disciplina exemplar, agora mantenha a linha!",
                    "Marco atingido: {milestone} de {habit}; descanse um momento, soldado, e depois de volta ao trabalho.",
                    "Você chegou a {milestone} em {habit}, recruta; essa sequência é uma medalha no peito, então proteja-a.")
            .add(MISSED_AFTER_STREAK,
                    "O hábito {habit} ficou para trás {period}, soldado. Sua sequência de {previous} terminou, mas a disciplina que a construiu continua sua; de volta à linha hoje.",
                    "Atenção: {habit} escapou {period}. Você já sustentou uma sequência de {previous}, então sabe como; entre em forma e recomece hoje.",
                    "A sequência de {previous} em {habit} acabou, recruta; sem desculpas e sem culpa, reagrupamos e marchamos de novo hoje.",
                    "O hábito {habit} não aconteceu {period}. Você construiu uma sequência de {previous} antes, soldado; vai construir de novo, a partir de agora.")
            .add(MISSED,
                    "O hábito {habit} ficou para trás {period}, soldado. Isso é um revés, não uma derrota; de volta à linha hoje com {habit}.",
                    "Atenção: {habit} escapou {period}. Entre em forma e cumpra {habit} hoje; eu sei que você consegue.",
                    "O hábito {habit} não aconteceu {period}, recruta; sem culpa, só ordens: cumpra {habit} hoje.")
            .add(GOAL,
                    "Meta {goal}: missão cumprida, e trabalho exemplar, soldado!",
                    "A meta {goal} está concluída, recruta; é assim que objetivos caem, e o próximo objetivo está esperando.",
                    "Objetivo {goal} conquistado; bato continência para você, soldado.")
            .add(GOAL_SUBTASKS,
                    "Você executou {subtasks} sem recuar.",
                    "Você limpou a lista: {subtasks}, etapa por etapa.",
                    "Lista de tarefas encerrada: {subtasks}.")
            .add(GOAL_DAYS,
                    "Duração da campanha: {days}.",
                    "Levou {days} de esforço constante.",
                    "Do início ao fim, {days}; bem lutado.")
            .add(WEEKLY,
                    "Relatório semanal, soldado: {done} de {scheduled} marcações previstas cumpridas, {rate}.",
                    "Balanço: {rate} de cumprimento nesta semana, {done} de {scheduled}.",
                    "Nesta semana você executou {done} de {scheduled} ordens: {rate}.",
                    "Situação: {rate} nesta semana, {done} de {scheduled} marcações cumpridas.")
            .add(WEEKLY_EMPTY,
                    "Nada estava agendado nesta semana, soldado; descanso faz parte do treino. Defina suas ordens para a próxima semana.",
                    "Semana tranquila: nenhuma marcação na agenda. Escolha um hábito e apresente-se para o serviço na próxima semana.",
                    "Nenhuma marcação prevista nesta semana, recruta. Recupere-se e volte para a formação.")
            .add(WEEKLY_BEST,
                    "Seu dia mais forte foi {best}.",
                    "Você lutou melhor {bestOn}; repita essa rotina.",
                    "O melhor desempenho veio {bestOn}; aprenda com ele.")
            .add(WEEKLY_FOCUS,
                    "Na próxima semana, {focus} precisa de reforços.",
                    "Alvo prioritário da próxima semana: {focus}.",
                    "Dê treino extra a {focus} na próxima semana.")
            .add(CHAT,
                    "Comunicação instável, soldado, então nada de briefing longo; sua situação: {habits}.",
                    "Não consigo responder por completo agora, recruta; situação atual: {habits}.",
                    "Transmissão curta, soldado; suas sequências são {habits}, então mantenha a linha.")
            .add(CHAT_NO_HABITS,
                    "Comunicação instável, soldado, então nada de briefing longo. Sua ordem: crie um hábito e se apresente.",
                    "Não consigo responder por completo agora, recruta. Monte um hábito e começamos o treino.",
                    "Transmissão curta: nenhum hábito no quadro ainda. Crie um hábito, soldado, e marchamos.")
            .build();

    private GeneralPhrases() {
    }
}
