package io.habitcoach.jooq.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the SQL statements executed and the commits asked for through the data source it wraps:
 * what the client sent, to compare with what the server counted (round trips, Citus's shard
 * executions). A text of several statements separated by semicolons counts as that many; a
 * batch counts its rows.
 */
public final class JdbcCounter {

    public final AtomicInteger statements = new AtomicInteger();
    public final AtomicInteger executions = new AtomicInteger();
    public final AtomicInteger commits = new AtomicInteger();
    public DataSource dataSource;

    public void reset() {
        statements.set(0);
        executions.set(0);
        commits.set(0);
    }

    public DataSource wrap(DataSource target) {
        dataSource = proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, this::connection) : result);
        return dataSource;
    }

    private Object connection(Method method, Object[] args, Object result) {
        if (method.getName().equals("commit")) {
            commits.incrementAndGet();
        }
        if (result instanceof Statement s && !(result instanceof CallableStatement)) {
            int prepared = s instanceof PreparedStatement && args != null && args.length > 0 && args[0] instanceof String sql
                    ? count(sql) : 0;
            int[] batch = {0};
            Class<? extends Statement> type = s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return proxy(type, s, (m, a, r) -> {
                String name = m.getName();
                if (name.equals("addBatch")) {
                    batch[0]++;
                } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    statements.addAndGet(batch[0]);
                    executions.incrementAndGet();
                    batch[0] = 0;
                } else if (name.startsWith("execute")) {
                    statements.addAndGet(a != null && a.length > 0 && a[0] instanceof String sql ? count(sql) : prepared);
                    executions.incrementAndGet();
                }
                return r;
            });
        }
        return result;
    }

    /** The statements in {@code sql}: one, plus one per semicolon that ends a statement before more text. */
    static int count(String sql) {
        int statements = 1;
        String trimmed = sql.strip();
        boolean quoted = false;
        for (int i = 0; i < trimmed.length() - 1; i++) {
            char ch = trimmed.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == ';' && !quoted) {
                statements++;
            }
        }
        return statements;
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(JdbcCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
