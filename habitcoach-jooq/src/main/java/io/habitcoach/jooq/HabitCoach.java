package io.habitcoach.jooq;

import io.habitcoach.jooq.accounts.AccountService;
import io.habitcoach.jooq.accounts.AesGcmTokenCipher;
import io.habitcoach.jooq.accounts.BcryptPasswordHasher;
import io.habitcoach.jooq.accounts.CredentialService;
import io.habitcoach.jooq.accounts.PasswordHasher;
import io.habitcoach.jooq.accounts.SessionService;
import io.habitcoach.jooq.accounts.TokenCipher;
import io.habitcoach.jooq.accounts.TokenCipherException;
import io.habitcoach.jooq.analytics.AnalyticsService;
import io.habitcoach.jooq.chat.ChatService;
import io.habitcoach.jooq.dashboards.DashboardService;
import io.habitcoach.jooq.goals.GoalService;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.HabitService;
import io.habitcoach.jooq.jobs.CoachJobs;
import io.habitcoach.jooq.privacy.PrivacyService;
import io.habitcoach.jooq.reminders.ReminderService;
import io.habitcoach.jooq.search.SearchService;
import io.habitcoach.jooq.users.UserService;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPersonalities;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.CoachQuota;
import io.habitcoach.core.coach.CoachWriter;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.InstrumentedCoachModel;
import io.habitcoach.jooq.internal.Instrumentation;
import io.habitcoach.jooq.internal.metrics.MicrometerInstrumentation;
import io.habitcoach.jooq.internal.metrics.ReplicaMeters;
import io.habitcoach.jooq.internal.ModelRewrites;
import io.habitcoach.jooq.internal.ReplicaRouter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.NestedCollectionEmulation;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The entry point of Habit Coach on PostgreSQL: one instance per application, thread-safe.
 *
 * <pre>{@code
 * HabitCoach coach = HabitCoach.configure()
 *         .dataSource(dataSource)
 *         .clock(clock)
 *         .load();
 * coach.migrate();
 * }</pre>
 */
public final class HabitCoach implements AutoCloseable {

    /** Where the migrations live on the class path: not {@code db/migration}, so a host's Flyway never runs them. */
    public static final String MIGRATIONS_LOCATION = "classpath:db/habitcoach";

    /** Flyway's history table for our migrations, apart from a host's own {@code flyway_schema_history}. */
    public static final String SCHEMA_HISTORY_TABLE = "habitcoach_schema_history";

    private final DataSource dataSource;
    /** The coach-model executor this instance made itself (none when the host gave one): closed by {@link #close()}. */
    private final ExecutorService ownedExecutor;
    private final Clock clock;
    private final DSLContext dsl;
    private final Context context;
    private final CoachPersonalities personalities;
    private final UserService users;
    private final GoalService goals;
    private final HabitService habits;
    private final CoachJobs jobs;
    private final SessionService sessions;
    private final CredentialService credentials;
    private final AccountService accounts;
    private final AnalyticsService analytics;
    private final PrivacyService privacy;
    private final DashboardService dashboards;
    private final ReminderService reminders;
    private final SearchService search;
    private final ChatService chat;
    private final ReadReplica readReplica;

    private HabitCoach(Builder builder) {
        this.dataSource = builder.dataSource;
        this.clock = builder.clock;
        this.dsl = dsl(dataSource, builder);
        ReplicaRouter router = builder.readDataSource == null ? null
                : ReplicaRouter.create(dsl, dsl(builder.readDataSource, builder), builder.replicaMaxLag,
                        builder.replicaCheckInterval, builder.readYourWritesUsers);
        this.readReplica = new ReadReplica(router);
        // Micrometer's classes are loaded only here, and only when the host gave a registry (optional dependency).
        Instrumentation instrumentation = builder.meterRegistry == null && builder.observationRegistry == null
                ? Instrumentation.NONE
                : MicrometerInstrumentation.of(builder.meterRegistry, builder.observationRegistry);
        if (router != null && builder.meterRegistry != null) {
            ReplicaMeters.register(builder.meterRegistry, router);
        }
        this.context = Context.create(dsl, router, clock, builder.autoCompleteGoals, builder.limits, instrumentation);
        this.personalities = builder.personalities();
        CoachWriter writer = CoachWriter.builder().personalities(personalities)
                .model(builder.coachModel == null ? CoachModel.none()
                        : instrumentation == Instrumentation.NONE ? builder.coachModel
                        : InstrumentedCoachModel.create(builder.coachModel, instrumentation)).build();
        this.ownedExecutor = builder.coachEventsByModel && builder.coachExecutor == null
                ? ModelRewrites.defaultExecutor() : null;
        ModelRewrites rewrites = builder.coachEventsByModel ? ModelRewrites.create(context, writer, builder.coachEventsByModelDailyLimit,
                ownedExecutor != null ? ownedExecutor : builder.coachExecutor) : null;
        CoachRecorder coach = CoachRecorder.create(context, personalities, rewrites);
        this.users = new UserService(context, personalities::contains, personalities::describeIds,
                () -> personalities.defaultPersonality().id());
        this.goals = new GoalService(context, coach);
        this.habits = new HabitService(context, coach, builder.completionCacheSize);
        this.jobs = new CoachJobs(context, coach);
        this.sessions = new SessionService(context, builder.sessionIdleTimeout);
        this.credentials = new CredentialService(context, builder.passwordHasher);
        this.accounts = new AccountService(context, builder.tokenCipher);
        this.analytics = new AnalyticsService(context);
        this.privacy = new PrivacyService(context);
        this.dashboards = new DashboardService(context);
        this.reminders = new ReminderService(context);
        this.search = new SearchService(context);
        this.chat = new ChatService(context, writer, builder.coachModel != null, builder.coachQuota,
                builder.chatHistoryMessages);
    }

    private static DSLContext dsl(DataSource dataSource, Builder builder) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dataSource);
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new Settings().withExecuteLogging(false).withRenderSchema(false)
                // MULTISET as json_agg, not jsonb_agg: the server skips building binary JSONB only to print it
                .withEmulateMultiset(NestedCollectionEmulation.JSON));
        if (!builder.executeListeners.isEmpty()) {
            configuration.set(builder.executeListeners.toArray(ExecuteListener[]::new));
        }
        return DSL.using(configuration);
    }

    /**
     * The read replica configured with {@link Builder#readDataSource}: read-your-writes tokens for
     * hosts with several instances, and counters of where reads went. See {@code docs/scale-out.md}.
     */
    public ReadReplica readReplica() {
        return readReplica;
    }

    /** Users: create, read, update preferences, soft delete. */
    public UserService users() {
        return users;
    }

    /** Habits and their entries: create, complete, skip, undo, pause, resume, archive. */
    public HabitService habits() {
        return habits;
    }

    /**
     * The periodic coach jobs (missed periods, weekly analyses): call them from any scheduler, on any
     * number of nodes; each event is stored once. See {@code docs/jobs.md}.
     */
    public CoachJobs jobs() {
        return jobs;
    }

    /** Chat with the coach: conversations, messages, replies through the configured language model. */
    public ChatService chat() {
        return chat;
    }

    /** The home-screen reads: the dashboard and the weekly summary, one SQL statement each. */
    public DashboardService dashboards() {
        return dashboards;
    }

    /**
     * Habit reminders due in a time window, for a push-notification worker (one statement for all
     * users). See {@code docs/reminders-and-search.md}.
     */
    public ReminderService reminders() {
        return reminders;
    }

    /** Full-text search over a user's habits, goals and subtasks: ranked, by prefix, accent-insensitive. */
    public SearchService search() {
        return search;
    }

    /** Goals and their subtasks. */
    public GoalService goals() {
        return goals;
    }

    /** Login sessions: create, validate, touch, revoke, clean up. Only token hashes are stored. */
    public SessionService sessions() {
        return sessions;
    }

    /** Passwords: set, and log in by email and password through the configured {@link PasswordHasher}. */
    public CredentialService credentials() {
        return credentials;
    }

    /** OAuth accounts: link, unlink, find a user; tokens encrypted with the configured {@link TokenCipher}. */
    public AccountService accounts() {
        return accounts;
    }

    /** Analytics events: record, and count by name and UTC day. */
    public AnalyticsService analytics() {
        return analytics;
    }

    /** LGPD/GDPR: export a user's data, purge a user, and the retention job. */
    public PrivacyService privacy() {
        return privacy;
    }

    /** Starts the configuration of a new instance. */
    public static Builder configure() {
        return new Builder();
    }

    /**
     * Applies the Habit Coach migrations to the data source's current schema. Safe to call on every
     * start: applied migrations are skipped, and concurrent callers are serialized by Flyway's lock.
     */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS_LOCATION)
                .table(SCHEMA_HISTORY_TABLE)
                // A schema that already holds a host's tables (or Spring Boot's Flyway history) but
                // not ours is baselined below V1, so every Habit Coach migration still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        // The partitions of habit_completions around the clock's today (V8 made those around the
        // server's; a test clock or a host's may be elsewhere). The jobs keep them ahead from then on.
        jobs.ensureCompletionPartitions();
    }

    /**
     * The versions of the library's migrations not yet applied to the database, oldest first: empty when
     * the schema is at this library's latest migration. Reads the history table (one connection, no
     * change), e.g. for a health check; {@link #migrate()} applies them.
     */
    public java.util.List<String> pendingMigrations() {
        return java.util.Arrays.stream(Flyway.configure()
                        .dataSource(dataSource)
                        .locations(MIGRATIONS_LOCATION)
                        .table(SCHEMA_HISTORY_TABLE)
                        .load()
                        .info()
                        .pending())
                .map(migration -> migration.getVersion() == null ? migration.getDescription()
                        : migration.getVersion().getVersion())
                .toList();
    }

    /**
     * Stops what this instance owns: the executor of model-written event messages, if it made one
     * (rewrites already queued finish within five seconds or keep their template text). The
     * {@code DataSource} and any executor the host gave belong to the host and stay open.
     */
    @Override
    public void close() {
        if (ownedExecutor == null) {
            return;
        }
        ownedExecutor.shutdown();
        try {
            if (!ownedExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                ownedExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            ownedExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The coach personalities users may choose from. */
    public CoachPersonalities personalities() {
        return personalities;
    }

    /** The clock every rule reads "now" from. */
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link HabitCoach}. */
    public static final class Builder {

        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private boolean autoCompleteGoals = true;
        private Limits limits = Limits.defaults();
        private PasswordHasher passwordHasher = new BcryptPasswordHasher();
        private TokenCipher tokenCipher;
        private final java.util.List<ExecuteListener> executeListeners = new java.util.ArrayList<>();
        // Object, not Micrometer's types: the Builder must load without Micrometer on the class path.
        private Object meterRegistry;
        private Object observationRegistry;
        private CoachModel coachModel;
        private boolean coachEventsByModel;
        private Executor coachExecutor;
        private CoachQuota coachQuota = CoachQuota.defaults();
        private int chatHistoryMessages = 20;
        private int completionCacheSize = 10_000;
        private java.time.Duration sessionIdleTimeout;
        private int coachEventsByModelDailyLimit = ModelRewrites.DEFAULT_DAILY_LIMIT;
        private final CoachPersonalities.Builder personalities = CoachPersonalities.builder();
        private DataSource readDataSource;
        private Duration replicaMaxLag = Duration.ofSeconds(10);
        private Duration replicaCheckInterval = Duration.ofSeconds(1);
        private int readYourWritesUsers = 100_000;

        private Builder() {
        }

        /** The PostgreSQL data source (required). Pool it: every call takes one connection. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * A read replica of {@link #dataSource} (a streaming standby): reads that may be a little stale
         * go there: dashboards, weekly summaries, analytics counts, search, exports and the jobs'
         * candidate scans. Writes, and every read inside a write's transaction, stay on the primary. A
         * user always sees their own writes: their reads go to the primary until the replica has
         * replayed their last write (its WAL position); see {@link ReadReplica} for hosts with several
         * instances. A replica that is down or lags more than {@link #replicaMaxLag} sends reads to the
         * primary, with a log line and a counter, never an error. Default: none, every read on the primary.
         */
        public Builder readDataSource(DataSource readDataSource) {
            this.readDataSource = Objects.requireNonNull(readDataSource, "readDataSource");
            return this;
        }

        /** How far the replica may lag before reads go to the primary instead (default 10 seconds). */
        public Builder replicaMaxLag(Duration maxLag) {
            Objects.requireNonNull(maxLag, "replicaMaxLag");
            if (maxLag.isNegative() || maxLag.compareTo(Duration.ofDays(1)) > 0) {
                throw new InvalidInputException("replicaMaxLag", "0 to 1 day, got " + maxLag);
            }
            this.replicaMaxLag = maxLag;
            return this;
        }

        /**
         * How often the replica's state (reachable, replayed position, lag) is checked, at most (default
         * 1 second; one small query). A read for a user whose write is ahead of the last known position
         * checks at once.
         */
        public Builder replicaCheckInterval(Duration interval) {
            Objects.requireNonNull(interval, "replicaCheckInterval");
            if (interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException("replicaCheckInterval", "0 to 1 hour, got " + interval);
            }
            this.replicaCheckInterval = interval;
            return this;
        }

        /**
         * How many users' last write positions this instance remembers for read-your-writes (default
         * 100,000; about 100 bytes each). Past it, positions the replica has replayed are dropped, then
         * all are folded into one position every user's reads wait for: stricter, never stale.
         */
        public Builder readYourWritesUsers(int users) {
            if (users < 1) {
                throw new InvalidInputException("readYourWritesUsers", "1 or more, got " + users);
            }
            this.readYourWritesUsers = users;
            return this;
        }

        /** The clock for "now" and the users' "today" (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A jOOQ listener for every statement the services run (metrics, tracing, statement counts). */
        public Builder executeListener(ExecuteListener listener) {
            executeListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Micrometer meters {@code habitcoach.*} in this registry (completions, model calls, jobs, chat, read replica,
         * cache; see docs/observability.md). Micrometer is an optional dependency: call this only with
         * micrometer-core on the class path. Without {@link #observationRegistry} the timed operations
         * are recorded through an observation registry of our own that feeds this one.
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * Observations (timers through the registry's handlers, spans with a tracing bridge) around
         * {@code complete()}, model calls, chat requests and job runs. Give the host's registry, e.g.
         * Spring Boot's; counters need {@link #meterRegistry} too.
         */
        public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "observationRegistry");
            return this;
        }

        /**
         * A language model for chat replies, e.g. {@code LangChain4jCoachModel} from habitcoach-ai or
         * {@code SpringAiCoachModel} from habitcoach-spring-ai.
         * Without one the coach answers from its templates, and no quota applies.
         */
        public Builder coachModel(CoachModel coachModel) {
            this.coachModel = Objects.requireNonNull(coachModel, "coachModel");
            return this;
        }

        /** Daily language-model replies per plan (default: free 20, pro 500). */
        public Builder coachQuota(CoachQuota coachQuota) {
            this.coachQuota = Objects.requireNonNull(coachQuota, "coachQuota");
            return this;
        }

        /** How many recent messages of a conversation are read for the model's prompt (default 20). */
        public Builder chatHistoryMessages(int messages) {
            if (messages < 0 || messages > 1_000) {
                throw new io.habitcoach.core.InvalidInputException("chatHistoryMessages", "0 to 1000, got " + messages);
            }
            this.chatHistoryMessages = messages;
            return this;
        }

        /**
         * Per-user caps on habits, goals, subtasks per goal and conversations (default
         * {@link Limits#defaults()}: 500, 200, 100 and 1,000). Creating one past its cap is refused with
         * {@link io.habitcoach.core.LimitExceededException} and writes nothing, also when calls race.
         */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Whether a goal completes itself when all its subtasks are completed (default true). */
        public Builder autoCompleteGoals(boolean autoCompleteGoals) {
            this.autoCompleteGoals = autoCompleteGoals;
            return this;
        }

        /**
         * Registers a coach personality beside those found on the class path with
         * {@link java.util.ServiceLoader} (a registered one wins over a discovered one with the same id).
         */
        public Builder personality(CoachPersonality personality) {
            personalities.register(Objects.requireNonNull(personality, "personality"));
            return this;
        }

        /**
         * The personality of users created without one, and the fallback for a stored id that is no
         * longer registered (default: {@code yoda} when registered, as the seed schema's column
         * default, else the first registered). {@link #load()} throws {@code InvalidInputException}
         * naming {@code defaultId} when no personality has this id.
         */
        public Builder defaultPersonality(String personalityId) {
            personalities.defaultId(Objects.requireNonNull(personalityId, "personalityId"));
            return this;
        }

        /** The class loader to discover personalities with (default: this library's). */
        public Builder classLoader(ClassLoader classLoader) {
            personalities.classLoader(Objects.requireNonNull(classLoader, "classLoader"));
            return this;
        }

        /**
         * Whether the language model also writes the coach's event messages (completions, milestones,
         * misses, goals, weekly analyses), not only chat replies; default {@code false}, because it
         * is a model call per event. The template message is stored in the service's transaction as
         * always; after commit the model is asked on {@link #coachExecutor} and its grounded reply
         * replaces the template text (source {@code model}). A model that fails, is slow past its
         * deadline or states a number not among the facts leaves the template. These calls do not
         * count against the users' chat quota. Requires {@link #coachModel}.
         */
        public Builder coachEventsByModel(boolean coachEventsByModel) {
            this.coachEventsByModel = coachEventsByModel;
            return this;
        }

        /**
         * Where {@link #coachEventsByModel} asks the model (default: two daemon threads and a queue of
         * 1,000; beyond that, messages keep their template text). {@code Runnable::run} asks on the
         * calling thread right after commit, which makes each call wait for the model.
         */
        public Builder coachExecutor(Executor coachExecutor) {
            this.coachExecutor = Objects.requireNonNull(coachExecutor, "coachExecutor");
            return this;
        }

        /**
         * How many habits (and as many of their owners) this instance remembers between completions,
         * default 10,000; 0 remembers none. A completion of a remembered habit is one auto-committed
         * SQL statement that writes only if the habit, its owner and the owner's last coach messages
         * are unchanged since, as the statement itself checks (their row versions and a hash); when
         * they changed, or the habit is not remembered, the call locks the habit and reads it first.
         * A habit is remembered for at most 30 days; an owner takes a few KB (the last ten coach
         * messages). See {@code docs/benchmarks.md}, "Services".
         */
        public Builder completionCacheSize(int habits) {
            if (habits < 0) {
                throw new InvalidInputException("completionCacheSize", "0 (remember none) or more, got " + habits);
            }
            this.completionCacheSize = habits;
            return this;
        }

        /** How passwords are hashed and verified (default {@link BcryptPasswordHasher} with its default cost). */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
            return this;
        }

        /**
         * How OAuth tokens are encrypted at rest, e.g. {@code new AesGcmTokenCipher(keyFromKms)}. There is
         * no default: without one, linking an account with tokens throws {@link TokenCipherException}.
         */
        public Builder tokenCipher(TokenCipher tokenCipher) {
            this.tokenCipher = Objects.requireNonNull(tokenCipher, "tokenCipher");
            return this;
        }

        /**
         * Sessions not used for this long stop validating, whatever their expiry (default: none, a
         * session lives until it expires or is revoked). From one minute (use is recorded to the
         * minute) to {@link SessionService#MAX_TTL}.
         */
        public Builder sessionIdleTimeout(java.time.Duration idle) {
            InvalidInputException.requirePresent(idle, "sessionIdleTimeout");
            InvalidInputException.require(idle.compareTo(java.time.Duration.ofMinutes(1)) >= 0
                    && idle.compareTo(SessionService.MAX_TTL) <= 0, "sessionIdleTimeout",
                    "from 1 minute to " + SessionService.MAX_TTL.toDays() + " days, got " + idle);
            this.sessionIdleTimeout = idle;
            return this;
        }

        /**
         * At most this many event messages per user are rewritten by the model in any 24 hours
         * (default {@value ModelRewrites#DEFAULT_DAILY_LIMIT}; 0: none); past it the template text
         * stays. Only with {@link #coachEventsByModel}. Apart from this budget, a habit's completion
         * message is rewritten once per habit and day, however often the day is completed and undone.
         */
        public Builder coachEventsByModelDailyLimit(int messages) {
            InvalidInputException.require(messages >= 0 && messages <= 10_000, "coachEventsByModelDailyLimit",
                    "0 to 10,000 messages per user per 24 hours, got " + messages);
            this.coachEventsByModelDailyLimit = messages;
            return this;
        }

        private CoachPersonalities personalities() {
            return personalities.build();
        }

        /**
         * Builds the instance (no connection is made). Every configuration problem it finds is an
         * {@link InvalidInputException} naming the setting and what is allowed, as the setters' are,
         * never an untyped exception; it is found before any executor is made or anything written.
         *
         * @throws InvalidInputException {@code dataSource} when none was set; {@code coachEventsByModel}
         *         without a {@link #coachModel}; {@code coachExecutor} when it is an executor service that
         *         is already shut down (every rewrite would be refused); {@code defaultId} when
         *         {@link #defaultPersonality} names no registered or discovered personality
         */
        public HabitCoach load() {
            if (dataSource == null) {
                throw new InvalidInputException("dataSource", "a PostgreSQL DataSource, set with HabitCoach.configure().dataSource(...)");
            }
            if (coachEventsByModel && coachModel == null) {
                throw new InvalidInputException("coachEventsByModel", "a coachModel(..) to write the messages with");
            }
            if (coachEventsByModel && coachExecutor instanceof ExecutorService service && service.isShutdown()) {
                throw new InvalidInputException("coachExecutor",
                        "an executor that is not shut down (a shut-down one refuses every model rewrite)");
            }
            return new HabitCoach(this);
        }
    }
}
