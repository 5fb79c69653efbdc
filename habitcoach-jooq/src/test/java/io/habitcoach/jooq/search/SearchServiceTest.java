package io.habitcoach.jooq.search;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.HabitUpdate;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.UserUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.search.internal.SearchSql;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class SearchServiceTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private final List<String> statements = new ArrayList<>();
    private HabitCoach coach;
    private DSLContext dsl;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> statements.add(ctx.sql()))).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String user(String language) {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").language(language)
                .build()).id();
    }

    private Habit habit(String userId, String name, String description) {
        return coach.habits().create(userId, NewHabit.builder().name(name).description(description)
                .frequency(Frequency.daily()).build());
    }

    private List<String> titles(String userId, String text) {
        return coach.search().search(userId, text).stream().map(SearchHit::title).toList();
    }

    @Test
    void prefixesFindWholeWordsInOneStatement() {
        String ana = user("pt-BR");
        Habit run = habit(ana, "Corrida matinal", "5 km no parque");
        habit(ana, "Meditar", null);
        statements.clear();
        List<SearchHit> hits = coach.search().search(ana, "corr");
        assertThat(statements).hasSize(1);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(SearchHit.Kind.HABIT);
            assertThat(h.id()).isEqualTo(run.id());
            assertThat(h.title()).isEqualTo("Corrida matinal");
            assertThat(h.snippet()).isEqualTo("5 km no parque");
            assertThat(h.goalId()).isNull();
            assertThat(h.rank()).isPositive();
        });
        assertThat(titles(ana, "CORR")).containsExactly("Corrida matinal");
        assertThat(titles(ana, "med")).containsExactly("Meditar");
        // every word must match
        assertThat(titles(ana, "corr parq")).containsExactly("Corrida matinal");
        assertThat(titles(ana, "corr medit")).isEmpty();
    }

    @Test
    void accentsAreIgnoredBothWays() {
        String ana = user("pt-BR");
        habit(ana, "Leitura", "Ler antes de dormir");
        habit(ana, "Cuidar da saúde", "Beber água");
        habit(ana, "Estudar computação", null);
        assertThat(titles(ana, "leitura")).containsExactly("Leitura");
        assertThat(titles(ana, "Leitura")).containsExactly("Leitura");
        assertThat(titles(ana, "léitúra")).containsExactly("Leitura");
        assertThat(titles(ana, "saude")).containsExactly("Cuidar da saúde");
        assertThat(titles(ana, "sáude")).containsExactly("Cuidar da saúde");
        assertThat(titles(ana, "saúde")).containsExactly("Cuidar da saúde");
        assertThat(titles(ana, "agua")).containsExactly("Cuidar da saúde");
        assertThat(titles(ana, "computacao")).containsExactly("Estudar computação");
        // decomposed input (e + combining acute) is normalized first
        assertThat(titles(ana, "sau\u0301de")).containsExactly("Cuidar da saúde");
    }

    @Test
    void aTitleMatchRanksBeforeADescriptionMatch() {
        String ana = user("pt-BR");
        habit(ana, "Alongar", "Alongamento depois da meditação");
        Goal goal = coach.goals().create(ana, NewGoal.builder().title("Aprender meditação")
                .description("Um retiro de silêncio").subtask("Ler sobre respiração").build());
        habit(ana, "Meditação guiada", "Dez minutos");
        List<SearchHit> hits = coach.search().search(ana, "medit");
        assertThat(hits).extracting(SearchHit::title)
                .containsExactlyInAnyOrder("Aprender meditação", "Meditação guiada", "Alongar");
        assertThat(hits.get(2).title()).isEqualTo("Alongar");
        assertThat(hits.get(0).rank()).isGreaterThanOrEqualTo(hits.get(1).rank());
        assertThat(hits.get(1).rank()).isGreaterThan(hits.get(2).rank());
        // subtasks are found too, with their goal
        assertThat(coach.search().search(ana, "respiracao")).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(SearchHit.Kind.SUBTASK);
            assertThat(h.goalId()).isEqualTo(goal.id());
            assertThat(h.title()).isEqualTo("Ler sobre respiração");
        });
        assertThat(coach.search().search(ana, "silencio")).singleElement()
                .satisfies(h -> assertThat(h.kind()).isEqualTo(SearchHit.Kind.GOAL));
    }

    @Test
    void portugueseStemsForPortugueseUsersEnglishForEnglishNoneOtherwise() {
        String ana = user("pt-BR");
        habit(ana, "Corrida", null);
        habit(ana, "Leituras da semana", null);
        assertThat(titles(ana, "corridas")).containsExactly("Corrida");
        assertThat(titles(ana, "leitura")).containsExactly("Leituras da semana");
        String bob = user("en");
        habit(bob, "Running", null);
        habit(bob, "Read books", null);
        assertThat(titles(bob, "runs")).containsExactly("Running");
        assertThat(titles(bob, "runn")).containsExactly("Running");
        assertThat(titles(bob, "book")).containsExactly("Read books");
        String eva = user("es");
        habit(eva, "Corrida", null);
        // not stemmed for Spanish: found only as a near miss
        assertThat(coach.search().search(eva, "corridas")).singleElement()
                .satisfies(h -> assertThat(h.approximate()).isTrue());
        assertThat(coach.search().search(eva, "corr")).singleElement()
                .satisfies(h -> assertThat(h.approximate()).isFalse());
        // the language is read on every search
        coach.users().update(eva, UserUpdate.builder().language("pt-BR").build());
        assertThat(coach.search().search(eva, "corridas")).singleElement()
                .satisfies(h -> assertThat(h.approximate()).isFalse());
    }

    @Test
    void anotherUsersRowsNeverAppear() {
        String ana = user("pt-BR");
        String bia = user("pt-BR");
        habit(ana, "Corrida de Ana", "corrida");
        coach.goals().create(ana, NewGoal.builder().title("Maratona de Ana").subtask("Corrida longa").build());
        habit(bia, "Corrida de Bia", null);
        assertThat(titles(bia, "corr")).containsExactly("Corrida de Bia");
        assertThat(titles(bia, "ana")).isEmpty();
        assertThat(titles(bia, "maratona")).isEmpty();
        assertThatThrownBy(() -> coach.search().search("no-such-user", "corr")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.search().search(null, "corr")).isInstanceOf(NotFoundException.class);
        coach.users().delete(ana);
        assertThatThrownBy(() -> coach.search().search(ana, "corr")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.search().search(ana, "")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTypoFindsTheRowWhenNothingMatchesExactly() {
        String eva = user("es");   // no stemming: what matches exactly is plain to see
        habit(eva, "Corrida matinal", "5 km no parque");
        habit(eva, "Corridda", "a name with a typo of its own");
        habit(eva, "Leitura", null);
        coach.goals().create(eva, NewGoal.builder().title("Maratona").subtask("Treino de pilates").build());
        String bob = user("en");
        habit(bob, "Running", null);

        statements.clear();
        List<SearchHit> hits = coach.search().search(eva, "corrrida");
        assertThat(statements).as("still one statement").hasSize(1);
        assertThat(hits).extracting(SearchHit::title).containsExactlyInAnyOrder("Corrida matinal", "Corridda");
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.approximate()).isTrue();
            assertThat(h.rank()).isBetween(SearchSql.TYPO_CLOSENESS, 1.0);
        });
        assertThat(titles(eva, "corida")).contains("Corrida matinal");               // a letter left out
        assertThat(titles(eva, "leitrua")).containsExactly("Leitura");                // letters swapped
        assertThat(titles(eva, "pilatos")).containsExactly("Treino de pilates");      // subtasks too
        assertThat(titles(eva, "parqe")).containsExactly("Corrida matinal");          // descriptions too
        assertThat(titles(bob, "rnning")).containsExactly("Running");
        // an exact match hides the near misses: "Corridda" is not added to "Corrida matinal"
        assertThat(coach.search().search(eva, "corrida")).singleElement().satisfies(h -> {
            assertThat(h.title()).isEqualTo("Corrida matinal");
            assertThat(h.approximate()).isFalse();
        });
        assertThat(coach.search().search(eva, "maraton")).singleElement()
                .satisfies(h -> assertThat(h.approximate()).isFalse());              // a prefix is exact
        // every word must come close, in the same row; a word under four letters must start a word
        assertThat(titles(eva, "corrrida parqe")).containsExactly("Corrida matinal");
        assertThat(titles(eva, "corrrida km")).containsExactly("Corrida matinal");
        assertThat(titles(eva, "corrrida leitrua")).isEmpty();
        assertThat(titles(eva, "corrrida xy")).isEmpty();
        assertThat(titles(eva, "lia")).isEmpty();                                     // too short to be a typo
        assertThat(titles(eva, "yoga")).isEmpty();
        // never another user's rows
        assertThat(titles(bob, "corrrida")).isEmpty();
        assertThat(titles(eva, "rnning")).isEmpty();
    }

    @Test
    void hostileTextIsSearchedAsTextAndNeverFails() {
        String ana = user("pt-BR");
        habit(ana, "Corrida", "a e b");
        habit(ana, "Leitura", null);
        List<String> hostile = List.of("a & !b", "'", "''", ":*", "corr:*", "!", "&", "|", "(", ")", "<->", "<2>",
                "\\", "\\'", "'corr'", "corr' | 'leit", "'; DROP TABLE habits; --", "%", "_", "*", "a:b",
                "\u02BC", "\u02BCcorr\u02BC", "\u2019", "\u00BD", "\u2474", "\u249C", "\u2474 corrrida",
                "\u00BD \u2474 \u249C xy", "\u0000", "corr\u0000", "😀", "e", "de",
                " ".repeat(200), "x".repeat(200), "a ".repeat(100), "\uD800");
        for (String text : hostile) {
            assertThatCode(() -> coach.search().search(ana, text)).as(text).doesNotThrowAnyException();
        }
        assertThat(titles(ana, "'")).isEmpty();
        assertThat(titles(ana, ":*")).isEmpty();
        assertThat(titles(ana, "corr:*")).containsExactly("Corrida");
        assertThat(titles(ana, "corr' | 'leit")).isEmpty();             // both words must match
        assertThat(titles(ana, "!corr")).containsExactly("Corrida");    // not a negation
        assertThat(titles(ana, "\u02BCcorr\u02BC")).containsExactly("Corrida");
        assertThat(dsl.fetchCount(DSL.table("habits"))).isPositive();
    }

    @Test
    void theIndexesAreKeptByTheDatabase() {
        String ana = user("pt-BR");
        Habit habit = habit(ana, "Yoga", null);
        assertThat(titles(ana, "pilates")).isEmpty();
        coach.habits().update(ana, habit.id(), HabitUpdate.builder().name("Pilates").build());
        assertThat(titles(ana, "pilates")).containsExactly("Pilates");
        assertThat(titles(ana, "yoga")).isEmpty();
        dsl.execute("UPDATE habits SET description = 'alongamento' WHERE id = ?", habit.id());
        assertThat(titles(ana, "along")).containsExactly("Pilates");
        assertThat(dsl.resultQuery("""
                SELECT count(*) FROM pg_indexes
                WHERE schemaname = current_schema() AND indexname IN ('habits_search_idx', 'goals_search_idx', 'goal_subtasks_search_idx')
                  AND indexdef LIKE '%USING gin (search_document)%'""").fetchSingle().get(0, Integer.class))
                .isEqualTo(3);
    }

    @Test
    void limitsAndInvalidInput() {
        String ana = user("pt-BR");
        for (int i = 0; i < 25; i++) {
            habit(ana, "Hábito " + i, null);
        }
        assertThat(coach.search().search(ana, "habito")).hasSize(SearchService.DEFAULT_LIMIT);
        assertThat(coach.search().search(ana, "habito", 100)).hasSize(25);
        assertThat(coach.search().search(ana, "habito", 3)).hasSize(3);
        assertThat(coach.search().search(ana, "  ")).isEmpty();
        assertThatThrownBy(() -> coach.search().search(ana, "habito", 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.search().search(ana, "habito", 101)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.search().search(ana, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.search().search(ana, "x".repeat(201))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void snippetsAreCutAtAWord() {
        assertThat(SearchService.snippet(null)).isNull();
        assertThat(SearchService.snippet("  ")).isNull();
        assertThat(SearchService.snippet(" a\n b ")).isEqualTo("a b");
        String longText = "palavra ".repeat(40);
        String snippet = SearchService.snippet(longText);
        assertThat(snippet).endsWith("palavra…").hasSizeLessThanOrEqualTo(SearchService.SNIPPET_LENGTH + 1);
    }
}
