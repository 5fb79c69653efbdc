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

/** The General: a drill sergeant. Strict, firm, energetic; never insulting, never cruel. */
public final class GeneralPhrases {

    public static final Phrasebook ENGLISH = Phrasebook.builder("The General",
                    "You are the General, a strict drill sergeant coaching the user on their habits and goals. "
                    + "Speak in short, firm, energetic commands; call the user recruit or soldier. Demand "
                    + "discipline but never insult, humiliate or mock: strict, never cruel. A missed day gets a "
                    + "firm order to get back in formation and a word of confidence; a skipped or paused day is "
                    + "rest, never a failure. State only the names and numbers you are given; never invent a "
                    + "number. Be brief, and end with a clear order for the next step.")
            .add(COMPLETE_FIRST,
                    "First check-in of {habit} on the board, recruit; the mission has begun.",
                    "{habit}: first mission complete, soldier; that is how every campaign starts.",
                    "Recruit, {habit} has its first check-in; that is the first step of the march.")
            .add(COMPLETE_STREAK_START,
                    "{habit}: done, recruit, {total} in total on the board; a new streak starts here.",
                    "In formation on {habit}, soldier: {total} in all, and a fresh streak is under way.",
                    "Streak under way on {habit}, recruit; that makes {total} so far.")
            .add(COMPLETE,
                    "Mission accomplished on {habit}: a streak of {streak}, soldier. {total} in all, and I expect more.",
                    "Good work on {habit}, recruit: {streak} in a row and {total} in total; that is discipline, keep marching.",
                    "{habit} checked off again, and your streak stands at {streak}; {total} in all, hold the line!",
                    "Streak at {streak} on {habit}, recruit, with {total} on the record; keep that formation tight.")
            .add(COMPLETE_TOMORROW,
                    "Outstanding, recruit: {habit} done, streak at {streak} and {total} in total on the board; report again tomorrow.",
                    "{habit} checked off, your streak stands at {streak}; nobody breaks formation tomorrow, {total} and counting!",
                    "A streak of {streak} on {habit}, soldier, {total} in all; same time tomorrow, that is an order.")
            .add(COMPLETE_NO_STREAK,
                    "{habit}: logged, recruit, {total} in total on the board; every check-in counts toward the next streak.",
                    "Mission logged on {habit}: {total} in all, soldier; keep stacking them up.",
                    "Check-in on {habit} recorded, {total} so far; stay on it, that is an order.")
            .add(STREAK,
                    "Attention: {milestone} of {habit}; that is a milestone, soldier, and you earned it!",
                    "A streak of {milestone} on {habit}, recruit; outstanding discipline, now hold the line!",
                    "Milestone reached: {milestone} of {habit}; at ease for a moment, soldier, then back to work.",
                    "You hit {milestone} on {habit}, recruit; that streak is a medal on your chest, so guard it.")
            .add(MISSED_AFTER_STREAK,
                    "Your streak of {previous} on {habit} is over, recruit; no excuses and no shame, we regroup and march again.",
                    "{previous} in a row on {habit}, then a miss {period}; the discipline that built it is still yours, soldier, so back in formation.",
                    "Streak of {previous} on {habit} broken {period}, soldier; you built it before, and you will build it again.")
            .add(MISSED,
                    "{habit} was missed {period}, soldier. That is a setback, not a defeat; back in formation with {habit}.",
                    "Listen up: {habit} slipped {period}. Fall in and get {habit} done next time; I know you can.",
                    "{habit} did not happen {period}, recruit; no shame, just orders: get {habit} done at the next call.")
            .add(GOAL,
                    "Goal {goal}: mission complete, and outstanding work, soldier!",
                    "{goal} is done, recruit; objective taken, and the next objective is waiting.",
                    "Objective {goal} secured; I salute you, soldier.")
            .add(GOAL_SUBTASKS,
                    "{subtasks} executed without retreat.",
                    "You cleared {subtasks} on the way.",
                    "Every task on the list is closed: {subtasks}.")
            .add(GOAL_DAYS,
                    "Campaign length: {days}.",
                    "It took {days} of steady effort.",
                    "From start to finish, {days}; well fought.")
            .add(WEEKLY,
                    "Weekly report, soldier: {done} of {planned} done, {rate}.",
                    "Debrief: {rate} completion this week, {done} of {scheduled}.",
                    "This week you carried out {done} of {planned}: {rate}.",
                    "Status report: {rate} this week, {done} of {scheduled} completed.")
            .add(WEEKLY_NONE,
                    "Weekly report, soldier: {done} of {planned} done; no shame, we regroup and march next week.",
                    "Debrief: {rate} this week, {done} of {scheduled}; a setback, not a defeat, and next week we start over.",
                    "Nothing on the board this week out of {planned}, recruit; pick one habit and hit it next week.")
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
                    "Short transmission, soldier: {habits}; hold the line.")
            .add(CHAT_SOME,
                    "Comms are down, soldier, so no long briefing; part of your status: {habits}.",
                    "I can't give you a full answer right now, recruit; a few of your habits: {habits}.",
                    "Short transmission, soldier, so only some of your habits: {habits}; hold the line.")
            .add(CHAT_NO_HABITS,
                    "Comms are down, soldier, so no long briefing. Your order: create a habit and report back.",
                    "I can't answer in full right now, recruit. Set up a habit and we start training.",
                    "Short transmission: no habits on the board yet. Create a habit, soldier, and we march.")
            .build();

    public static final Phrasebook PORTUGUESE = Phrasebook.builder("O General",
                    "Você é o General, um sargento instrutor rigoroso que treina a pessoa em seus hábitos e metas. "
                    + "Fale com frases curtas, firmes e enérgicas, em tom de comando; chame a pessoa de recruta ou "
                    + "soldado, sem marcar gênero de outro modo. Exija disciplina, mas nunca insulte, humilhe ou "
                    + "zombe: rigoroso, nunca cruel. Um dia perdido recebe uma ordem firme de voltar à formação e "
                    + "uma palavra de confiança; um dia pulado ou pausado é descanso, nunca uma falha. Cite apenas "
                    + "os nomes e números que receber; nunca invente um número. Seja breve e termine com uma ordem "
                    + "clara para o próximo passo.")
            .add(COMPLETE_FIRST,
                    "Primeiro registro do hábito {habit} no quadro, recruta; a missão começou.",
                    "Hábito {habit}: primeira missão cumprida, soldado; toda campanha começa assim.",
                    "Recruta, o hábito {habit} tem seu primeiro registro; é assim que a marcha começa.")
            .add(COMPLETE_STREAK_START,
                    "Hábito {habit} cumprido, recruta: {total} no quadro, e uma nova sequência começa aqui.",
                    "Em formação no hábito {habit}, soldado: {total} ao todo, e uma sequência nova já está em andamento.",
                    "Sequência iniciada no hábito {habit}, recruta; são {total} até agora.")
            .add(COMPLETE,
                    "Missão cumprida no hábito {habit}: sequência de {streak}, soldado. {total} no total, e eu espero mais.",
                    "Bom trabalho no hábito {habit}, recruta: sequência de {streak} e {total} ao todo; isso é disciplina, siga marchando.",
                    "De novo na conta: hábito {habit} cumprido, sequência em {streak}; {total} no total, mantenha o ritmo!",
                    "Sequência de {streak} no hábito {habit}, recruta, com {total} no histórico; mantenha a formação.")
            .add(COMPLETE_TOMORROW,
                    "Muito bem, recruta: hábito {habit} feito, sequência em {streak} e {total} no quadro; apresente-se de novo amanhã.",
                    "Firme no hábito {habit}, sequência em {streak}; amanhã ninguém sai da formação, e já são {total}!",
                    "Sequência de {streak} no hábito {habit}, soldado, {total} até agora; amanhã, mesma hora, é uma ordem.")
            .add(COMPLETE_NO_STREAK,
                    "Anotado no quadro, recruta: hábito {habit}, {total} ao todo; cada registro conta para a próxima sequência.",
                    "Missão registrada no hábito {habit}: {total} até agora, soldado; continue somando.",
                    "Registro do hábito {habit} anotado, {total} no total; siga firme, é uma ordem.")
            .add(STREAK,
                    "Sentido: {milestone} de sequência no hábito {habit}; isso é um marco, soldado, e você mereceu!",
                    "Sequência de {milestone} no hábito {habit}, recruta; disciplina exemplar, agora mantenha o ritmo!",
                    "Marco atingido: {milestone} de sequência no hábito {habit}; à vontade por um momento, soldado, e depois de volta ao trabalho.",
                    "Você chegou a {milestone} de sequência no hábito {habit}, recruta; essa sequência é uma medalha no peito, então proteja-a.")
            .add(MISSED_AFTER_STREAK,
                    "Sua sequência de {previous} no hábito {habit} terminou {period}, soldado; a disciplina que a construiu continua sua, de volta à formação.",
                    "A sequência de {previous} no hábito {habit} acabou, recruta; sem desculpas e sem culpa, reagrupamos e marchamos de novo.",
                    "{previous} de sequência no hábito {habit}, e um tropeço {period}; você sabe como se faz, soldado: entre em forma e recomece.")
            .add(MISSED,
                    "O hábito {habit} ficou para trás {period}, soldado. Isso é um revés, não uma derrota; de volta à formação no hábito {habit}.",
                    "Atenção: o hábito {habit} escapou {period}. Entre em forma e não deixe o hábito {habit} escapar de novo; eu sei que você consegue.",
                    "O hábito {habit} não aconteceu {period}, recruta; sem culpa, só ordens: cumpra-o na próxima chamada.")
            .add(GOAL,
                    "Meta {goal}: missão cumprida, e trabalho exemplar, soldado!",
                    "A meta {goal} está concluída, recruta; objetivo conquistado, e o próximo já espera por você.",
                    "Objetivo {goal} conquistado; bato continência para você, soldado.")
            .add(GOAL_SUBTASKS,
                    "Você executou {subtasks} sem recuar.",
                    "Você zerou a lista: {subtasks}, sem deixar nenhuma para trás.",
                    "Lista de tarefas encerrada: {subtasks}.")
            .add(GOAL_DAYS,
                    "Duração da campanha: {days}.",
                    "Levou {days} de esforço constante.",
                    "Do início ao fim, {days}; missão bem executada.")
            .add(WEEKLY,
                    "Relatório semanal, soldado: você cumpriu {done} de {planned}, {rate}.",
                    "Balanço: {rate} de cumprimento nesta semana, {done} de {scheduled}.",
                    "Nesta semana você executou {done} de {planned}: {rate}.",
                    "Situação: {rate} nesta semana; de {planned}, você cumpriu {done}.")
            .add(WEEKLY_NONE,
                    "Relatório semanal, soldado: você cumpriu {done} de {planned}; sem culpa, reagrupamos e marchamos na próxima semana.",
                    "Balanço: {rate} nesta semana, {done} de {scheduled}; é um revés, não uma derrota, e na próxima semana recomeçamos.",
                    "Quadro vazio nesta semana: {done} de {planned}, recruta; escolha um hábito e cumpra-o na próxima semana.")
            .add(WEEKLY_EMPTY,
                    "Nada estava agendado nesta semana, soldado; descanso faz parte do treino. Defina suas ordens para a próxima semana.",
                    "Semana tranquila: nenhum registro na agenda. Escolha um hábito e apresente-se para o serviço na próxima semana.",
                    "Nenhum registro previsto nesta semana, recruta. Recupere-se e volte para a formação.")
            .add(WEEKLY_BEST,
                    "Seu dia mais forte foi {best}.",
                    "Você rendeu mais {bestOn}; repita essa rotina.",
                    "O melhor desempenho veio {bestOn}; aprenda com ele.")
            .add(WEEKLY_FOCUS,
                    "Na próxima semana, o hábito {focus} precisa de reforço.",
                    "Alvo prioritário da próxima semana: {focus}.",
                    "Treino extra para o hábito {focus} na próxima semana.")
            .add(CHAT,
                    "Comunicação instável, soldado, então nada de briefing longo; sua situação: {habits}.",
                    "Não consigo responder por completo agora, recruta; situação atual: {habits}.",
                    "Transmissão curta, soldado: {habits}; mantenha o ritmo.")
            .add(CHAT_SOME,
                    "Comunicação instável, soldado, então nada de briefing longo; parte da sua situação: {habits}.",
                    "Não consigo responder por completo agora, recruta; alguns dos seus hábitos: {habits}.",
                    "Transmissão curta, soldado, só com alguns dos seus hábitos: {habits}; mantenha o ritmo.")
            .add(CHAT_NO_HABITS,
                    "Comunicação instável, soldado, então nada de briefing longo. Sua ordem: crie um hábito e se apresente.",
                    "Não consigo responder por completo agora, recruta. Monte um hábito e começamos o treino.",
                    "Transmissão curta: nenhum hábito no quadro ainda. Crie um hábito, soldado, e marchamos.")
            .build();

    private GeneralPhrases() {
    }
}
