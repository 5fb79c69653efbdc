package io.habitcoach.core.coach;

import io.habitcoach.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The personalities a user may choose: those found with {@link ServiceLoader} plus those registered
 * explicitly (an explicit one replaces a discovered one with the same id). Immutable once built.
 *
 * <pre>{@code
 * CoachPersonalities personalities = CoachPersonalities.builder()
 *         .register(new PiratePersonality())      // optional: also found via META-INF/services
 *         .build();
 * personalities.require("pirate");               // choosing: unknown id -> InvalidInputException
 * personalities.resolveOrDefault(storedId);      // reading: unknown id -> default, with a warning
 * }</pre>
 *
 * <p>The default is the builder's {@link Builder#defaultId}, else {@value #PREFERRED_DEFAULT_ID} when
 * present, else the first of {@link #all()}. When nothing is registered or discovered (the
 * {@code habitcoach-ai} module is not on the class path), a plain built-in personality with id
 * {@value #NEUTRAL_ID} is the only one, so the template coach always answers.
 */
public final class CoachPersonalities {

    /** The seed's {@code users.selected_personality} default. */
    public static final String PREFERRED_DEFAULT_ID = "yoda";

    /** The id of the plain personality used when no other is available. */
    public static final String NEUTRAL_ID = "neutral";

    public static final int MAX_ID_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(CoachPersonalities.class);

    // Caps the ids remembered for "warn once", so a table full of odd values cannot grow it unbounded.
    private static final int MAX_WARNED_IDS = 256;
    private static final int MAX_DISCOVERY_ERRORS = 32;

    private final Map<String, CoachPersonality> byId;
    private final CoachPersonality defaultPersonality;
    private final Set<String> warnedIds = ConcurrentHashMap.newKeySet();

    private CoachPersonalities(Map<String, CoachPersonality> byId, CoachPersonality defaultPersonality) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.defaultPersonality = defaultPersonality;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The personalities found with {@code ServiceLoader} on the thread's context class loader. */
    public static CoachPersonalities discover() {
        return builder().build();
    }

    /** The personality with this id, if registered. */
    public Optional<CoachPersonality> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    /**
     * The personality with this id, for a user choosing one.
     *
     * @throws InvalidInputException (field {@code personality}) naming the registered ids
     */
    public CoachPersonality require(String id) {
        return get(id).orElseThrow(() -> new InvalidInputException("personality", describeIds() + ", got " + id));
    }

    /**
     * The personality with a stored id, or the default when that id is no longer registered (a host
     * removed a personality). Logs a warning the first time an id falls back.
     */
    public CoachPersonality resolveOrDefault(String storedId) {
        CoachPersonality found = storedId == null ? null : byId.get(storedId);
        if (found != null) {
            return found;
        }
        boolean firstTime = warnedIds.size() < MAX_WARNED_IDS && warnedIds.add(String.valueOf(storedId));
        LOG.atLevel(firstTime ? Level.WARN : Level.DEBUG)
                .log("Coach personality '{}' is not registered; using '{}'. Registered: {}",
                        storedId, defaultPersonality.id(), byId.keySet());
        return defaultPersonality;
    }

    public CoachPersonality defaultPersonality() {
        return defaultPersonality;
    }

    /** All personalities: registered ones in registration order, then discovered ones by id. */
    public List<CoachPersonality> all() {
        return List.copyOf(byId.values());
    }

    /** The registered ids, in the order of {@link #all()}. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** "one of yoda, general, mentor": what {@link #require} accepts, for error messages. */
    public String describeIds() {
        return "one of " + String.join(", ", byId.keySet());
    }

    @Override
    public String toString() {
        return "CoachPersonalities" + byId.keySet() + " default=" + defaultPersonality.id();
    }

    static void validateId(String id, String source) {
        boolean valid = id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH
                && id.codePoints().noneMatch(Character::isWhitespace);
        InvalidInputException.require(valid, "personality.id",
                "non-blank, no whitespace, at most " + MAX_ID_LENGTH + " characters; got '" + id + "' from " + source);
    }

    /** Configures discovery and explicit registrations. Not thread-safe; the built registry is. */
    public static final class Builder {

        private final Map<String, CoachPersonality> registered = new LinkedHashMap<>();
        private ClassLoader classLoader;
        private boolean discover = true;
        private String defaultId;

        private Builder() {
        }

        /**
         * The class loader that {@code ServiceLoader} searches; default: the thread's context class loader,
         * or this library's when there is none.
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /** Whether to look for personalities with {@code ServiceLoader}; default {@code true}. */
        public Builder discover(boolean enabled) {
            this.discover = enabled;
            return this;
        }

        /** Adds a personality; it replaces a discovered one with the same id. */
        public Builder register(CoachPersonality personality) {
            Objects.requireNonNull(personality, "personality");
            String id = personality.id();
            validateId(id, personality.getClass().getName());
            InvalidInputException.require(!registered.containsKey(id), "personality.id",
                    "unique among registered personalities; '" + id + "' was registered twice");
            registered.put(id, personality);
            return this;
        }

        /** The personality used for unknown stored ids; must be registered or discovered. */
        public Builder defaultId(String id) {
            this.defaultId = Objects.requireNonNull(id, "defaultId");
            return this;
        }

        public CoachPersonalities build() {
            Map<String, CoachPersonality> byId = new LinkedHashMap<>(registered);
            if (discover) {
                for (CoachPersonality found : discovered()) {
                    byId.putIfAbsent(found.id(), found);
                }
            }
            if (byId.isEmpty()) {
                CoachPersonality neutral = new NeutralCoachPersonality();
                byId.put(neutral.id(), neutral);
            }
            CoachPersonality chosenDefault;
            if (defaultId != null) {
                chosenDefault = byId.get(defaultId);
                InvalidInputException.require(chosenDefault != null, "defaultId",
                        "one of " + String.join(", ", byId.keySet()) + ", got " + defaultId);
            } else {
                chosenDefault = byId.getOrDefault(PREFERRED_DEFAULT_ID, byId.values().iterator().next());
            }
            return new CoachPersonalities(byId, chosenDefault);
        }

        private List<CoachPersonality> discovered() {
            ClassLoader loader = classLoader;
            if (loader == null) {
                loader = Thread.currentThread().getContextClassLoader();
            }
            if (loader == null) {
                loader = CoachPersonalities.class.getClassLoader();
            }
            List<CoachPersonality> found = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Iterator<CoachPersonality> iterator = ServiceLoader.load(CoachPersonality.class, loader).iterator();
            int errors = 0;
            // The lazy iterator goes on after a broken entry (best effort); the cap guards against an
            // iterator that keeps failing on the same entry.
            while (errors < MAX_DISCOVERY_ERRORS) {
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    CoachPersonality personality = iterator.next();
                    validateId(personality.id(), personality.getClass().getName());
                    if (seen.add(personality.id())) {
                        found.add(personality);
                    } else {
                        LOG.warn("Two coach personalities with id '{}'; ignoring {}",
                                personality.id(), personality.getClass().getName());
                    }
                } catch (ServiceConfigurationError | RuntimeException e) {
                    // One broken provider on the class path must not take the whole coach down.
                    errors++;
                    LOG.warn("Skipping a coach personality that failed to load", e);
                }
            }
            found.sort(Comparator.comparing(CoachPersonality::id));
            return found;
        }
    }
}
