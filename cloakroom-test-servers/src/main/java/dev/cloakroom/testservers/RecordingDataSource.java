package dev.cloakroom.testservers;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and records every statement executed through it, and every connection handed
 * out, to count what one request costs in round trips.
 */
public final class RecordingDataSource implements DataSource {

    private final DataSource delegate;
    /** The SQL of each statement executed, in order. */
    public final List<String> executed = new CopyOnWriteArrayList<>();
    /** Calls that look at the catalogue, change the transaction mode or run unprepared SQL. */
    public final List<String> otherCalls = new CopyOnWriteArrayList<>();

    public RecordingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    public void reset() {
        executed.clear();
        otherCalls.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getMetaData") || name.equals("setAutoCommit")
                    || name.equals("createStatement")) {
                otherCalls.add(name);
            }
            Object result = invoke(connection, method, args);
            if (name.equals("prepareStatement") && result instanceof PreparedStatement statement) {
                return recording(statement, (String) args[0]);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                handler);
    }

    private PreparedStatement recording(PreparedStatement statement, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.add(sql);
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
