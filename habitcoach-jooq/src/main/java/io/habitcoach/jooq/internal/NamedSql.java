package io.habitcoach.jooq.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;
import org.jooq.QueryPart;
import org.jooq.RenderContext;
import org.jooq.ResultQuery;
import org.jooq.Record;

/**
 * A statement of fixed text with named values, for the hottest paths: plain SQL the DSL cannot
 * express (an {@code INSERT} inside a {@code WITH}: {@code {user}} in the text), or a DSL query
 * rendered once ({@link #rendered}). Per call it only binds: {@code bind("user", DSL.val(id))}. Run
 * through jOOQ, so the values are typed binds, the result is read by column name ({@code coerce}),
 * and the host's execute listeners see the statement like any other. (Rendering the DSL tree or
 * parsing a plain-SQL template per call cost more CPU than the database spent on the statement:
 * docs/benchmarks.md.)
 */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile("\\{([a-z_]+)}");
    /** jOOQ's rendering of a named parameter ({@link #rendered}): {@code :name}. */
    private static final Pattern JOOQ_NAME = Pattern.compile(":([a-z_]+)\\b");

    /** The text around the values: one more piece than there are values. */
    private final List<String> pieces;
    /** For each value's place in the text, the index of its name. */
    private final int[] slots;
    private final List<String> names;
    /** Each name's index in {@link #names}: a bind is a hash lookup, not a scan of the names. */
    private final Map<String, Integer> indexes;

    private NamedSql(List<String> pieces, int[] slots, List<String> names) {
        this.pieces = pieces;
        this.slots = slots;
        this.names = names;
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), i);
        }
        this.indexes = Map.copyOf(byName);
    }

    /** Parses {@code sql} once (a constant): the text between its {@code {name}}s, and their order. */
    public static NamedSql of(String sql) {
        return parse(sql, NAME);
    }

    /**
     * A statement the DSL built once (with {@code DSL.param(name, type)} for its values), rendered
     * once: what is left per call is binding the values, not rendering the statement's tree.
     */
    public static NamedSql rendered(org.jooq.Query query) {
        String sql = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false)).renderNamedParams(query);
        return parse(sql, JOOQ_NAME);
    }

    private static NamedSql parse(String sql, Pattern placeholder) {
        List<String> names = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        Matcher m = placeholder.matcher(sql);
        int from = 0;
        while (m.find()) {
            int index = names.indexOf(m.group(1));
            if (index < 0) {
                index = names.size();
                names.add(m.group(1));
            }
            pieces.add(sql.substring(from, m.start()));
            slots.add(index);
            from = m.end();
        }
        pieces.add(sql.substring(from));
        return new NamedSql(List.copyOf(pieces), slots.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(names));
    }

    /** The values of one execution, by name. */
    public Binds binds() {
        return new Binds();
    }

    /** The values of one execution; every name of the text must be bound, and only those. */
    public final class Binds {

        private final QueryPart[] values = new QueryPart[names.size()];

        private Binds() {
        }

        public Binds bind(String name, QueryPart value) {
            Integer index = indexes.get(name);
            if (index == null) {
                throw new IllegalArgumentException("no {" + name + "} in the statement");
            }
            values[index] = value;
            return this;
        }

        /** The statement with these values, to fetch and read by name ({@code coerce} its fields). */
        public ResultQuery<Record> query(DSLContext dsl) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    throw new IllegalStateException("{" + names.get(i) + "} is not bound");
                }
            }
            return dsl.resultQuery("{0}", new Statement(values));
        }
    }

    /** The text as it is, the values where their names were: no parsing per call. */
    private final class Statement extends CustomQueryPart {

        private final QueryPart[] values;

        Statement(QueryPart[] values) {
            this.values = values;
        }

        @Override
        public void accept(Context<?> ctx) {
            // bind values without jOOQ's casts: the text casts where the server needs a type, and the
            // casts, worked out per value and call, were a tenth of the append's CPU
            ctx.castMode(RenderContext.CastMode.NEVER, c -> {
                for (int i = 0; i < slots.length; i++) {
                    c.sql(pieces.get(i)).visit(values[slots[i]]);
                }
            });
            ctx.sql(pieces.get(slots.length));
        }
    }
}
