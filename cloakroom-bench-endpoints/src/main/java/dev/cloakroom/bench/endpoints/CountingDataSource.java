package dev.cloakroom.bench.endpoints;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts, in a {@link SqlCounter}, what the code above it sends through the
 * connections it hands out: every {@code execute*} of a statement, and every {@code commit}/{@code rollback}.
 * Each variant of the load harness (Cloakroom, Spring Session, raw) gets its own, over its own pool (the
 * Spring Boot apps wrap their pool in one too), so the counts are exact and no server-side extension
 * ({@code pg_stat_statements}) is needed. The wrapping is a
 * JDK dynamic proxy: a few hundred nanoseconds per call, the same for every variant.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource target;
    private final SqlCounter counter = new SqlCounter();

    /** Counts what goes through {@code target}. */
    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** The counts. */
    public SqlCounter counter() {
        return counter;
    }

    /** The data source counted. */
    public DataSource target() {
        return target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(connection));
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("commit")) {
                counter.commit();
            } else if (name.equals("rollback") && (args == null || args.length == 0)) {
                counter.rollback();
            } else if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return call(connection, method, args);
            } else if (name.equals("equals")) {
                return proxy == args[0];
            } else if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            Object result = call(connection, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(statement, connection));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement statement;
        private final Connection connection;

        StatementHandler(Statement statement, Connection connection) {
            this.statement = statement;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("execute")) {
                counter.statement(connection.getAutoCommit());
            } else if (method.getName().equals("equals")) {
                return proxy == args[0];
            } else if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            return call(statement, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
