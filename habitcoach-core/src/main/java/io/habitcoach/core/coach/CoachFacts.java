package io.habitcoach.core.coach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a coach message may state about an event: names (user-written texts such as a habit's name)
 * and counts, computed in code. A language model sees them as JSON data; {@link Grounding} accepts a reply
 * only if every number in it is one of {@link #numbers()}.
 *
 * <p>Values are {@code String} (a name), {@code Integer} (a count, a streak, a percentage),
 * {@code Boolean} (a yes/no fact such as whether a habit is due tomorrow), {@code LocalDate},
 * {@code DayOfWeek}, or a list of nested facts (one entry per habit). Dates are context
 * for the model, not numbers a message may state: their components are not in {@link #numbers()}.
 * Keys keep their insertion order, so {@link #toJson()} is stable and can seed a deterministic choice.
 */
public final class CoachFacts {

    private final Map<String, Object> values;

    private CoachFacts(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The facts in insertion order; nested lists hold {@code CoachFacts}. Unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    /** Every count among the facts, nested ones included: the numbers a message may state. */
    public Set<Long> numbers() {
        Set<Long> numbers = new LinkedHashSet<>();
        collectNumbers(numbers);
        return Collections.unmodifiableSet(numbers);
    }

    /** Every name among the facts, nested ones included (habit names, goal titles): user-written text. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        collectNames(names);
        return Collections.unmodifiableList(names);
    }

    private void collectNumbers(Set<Long> into) {
        for (Object value : values.values()) {
            if (value instanceof Integer i) {
                into.add(i.longValue());
            } else if (value instanceof List<?> list) {
                for (Object nested : list) {
                    ((CoachFacts) nested).collectNumbers(into);
                }
            }
        }
    }

    private void collectNames(List<String> into) {
        for (Object value : values.values()) {
            if (value instanceof String s) {
                into.add(s);
            } else if (value instanceof List<?> list) {
                for (Object nested : list) {
                    ((CoachFacts) nested).collectNames(into);
                }
            }
        }
    }

    /**
     * The facts as one JSON object. Names are escaped JSON strings, so a habit named like an instruction
     * stays data; dates are ISO-8601, weekdays English upper-case names ({@code TUESDAY}).
     */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        appendJson(json);
        return json.toString();
    }

    private void appendJson(StringBuilder json) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, entry.getKey());
            json.append(':');
            Object value = entry.getValue();
            if (value instanceof Integer i) {
                json.append(i.intValue());
            } else if (value instanceof Boolean b) {
                json.append(b.booleanValue());
            } else if (value instanceof List<?> list) {
                json.append('[');
                for (int n = 0; n < list.size(); n++) {
                    if (n > 0) {
                        json.append(',');
                    }
                    ((CoachFacts) list.get(n)).appendJson(json);
                }
                json.append(']');
            } else {
                appendString(json, value.toString());
            }
        }
        json.append('}');
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // Control characters and the JavaScript line separators are escaped so the JSON
                    // stays on one line whatever a user named a habit.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoachFacts that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Collects facts in order. A {@code null} value is left out, so optional facts need no branch. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** A name, cut to {@link CoachPrompt#MAX_NAME_CHARS} characters (never inside a surrogate pair). */
        public Builder name(String key, String name) {
            if (name != null && name.length() > CoachPrompt.MAX_NAME_CHARS) {
                int end = CoachPrompt.MAX_NAME_CHARS;
                if (Character.isHighSurrogate(name.charAt(end - 1))) {
                    end--;
                }
                name = name.substring(0, end);
            }
            return put(key, name);
        }

        public Builder count(String key, int count) {
            return put(key, count);
        }

        /** An optional count: left out when {@code null}. */
        public Builder count(String key, Integer count) {
            return put(key, count);
        }

        /** An optional yes/no fact: left out when {@code null} (unknown). */
        public Builder flag(String key, Boolean flag) {
            return put(key, flag);
        }

        public Builder date(String key, LocalDate date) {
            return put(key, date);
        }

        public Builder weekday(String key, DayOfWeek weekday) {
            return put(key, weekday);
        }

        public Builder list(String key, List<CoachFacts> entries) {
            return put(key, entries == null ? null : List.copyOf(entries));
        }

        private Builder put(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("fact already set: " + key);
            }
            if (value != null) {
                values.put(key, value);
            }
            return this;
        }

        public CoachFacts build() {
            return new CoachFacts(values);
        }
    }
}
