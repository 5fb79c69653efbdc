package io.habitcoach.jooq.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.ResultQuery;
import org.jooq.Record;

/**
 * A plain-SQL statement the DSL cannot express (an {@code INSERT} inside a {@code WITH}), with its
 * values named: {@code {user}} in the text, {@code bind("user", DSL.val(id))} at run time. Run by
 * jOOQ as a template ({@code {0}}, {@code {1}}… once parsed), so the values are typed binds, the
 * result is read by column name, and the host's execute listeners see the statement like any other.
 */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile("\\{([a-z_]+)}");

    private final String template;
    private final List<String> names;

    private NamedSql(String template, List<String> names) {
        this.template = template;
        this.names = names;
    }

    /** Parses {@code sql} once (a constant): each distinct {@code {name}} becomes one indexed part. */
    public static NamedSql of(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (m.find()) {
            int index = names.indexOf(m.group(1));
            if (index < 0) {
                index = names.size();
                names.add(m.group(1));
            }
            m.appendReplacement(out, "{" + index + "}");
        }
        m.appendTail(out);
        return new NamedSql(out.toString(), List.copyOf(names));
    }

    /** The values of one execution, by name. */
    public Binds binds() {
        return new Binds();
    }

    /** The values of one execution; every name of the text must be bound, and only those. */
    public final class Binds {

        private final Map<String, QueryPart> values = new HashMap<>();

        private Binds() {
        }

        public Binds bind(String name, QueryPart value) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("no {" + name + "} in the statement");
            }
            values.put(name, value);
            return this;
        }

        /** The statement with these values, to fetch and read by name ({@code coerce} its fields). */
        public ResultQuery<Record> query(DSLContext dsl) {
            QueryPart[] parts = new QueryPart[names.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = values.get(names.get(i));
                if (parts[i] == null) {
                    throw new IllegalStateException("{" + names.get(i) + "} is not bound");
                }
            }
            return dsl.resultQuery(template, (Object[]) parts);
        }
    }
}
