package dev.cloakroom.djangoauth;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.Session;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.UserLookup;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code ModelBackend} over Django's user table, for a Java service sharing a Django
 * application's database: the {@link UserLookup} {@link Auth#currentUser} needs, and Django's
 * {@code authenticate}, {@code login} ({@code last_login}) and {@code set_password}.
 *
 * <pre>{@code
 * DjangoUsers users = DjangoUsers.builder(dataSource).djangoVersion(DjangoVersion.DJANGO_5_2).build();
 * Optional<DjangoUser> user = users.authenticate(username, password);   // upgrades old hashes
 * user.ifPresent(u -> users.login(session, u));                         // Auth.login + last_login
 * Optional<DjangoUser> me = Auth.currentUser(session, users);           // on later requests
 * }</pre>
 *
 * <p>Only active users ({@code is_active}) are found, as {@code ModelBackend.get_user} and
 * {@code user_can_authenticate} do, and only sessions logged in through the configured backend are
 * trusted. {@link #authenticate} hashes the password even when the username does not exist, so its time
 * does not tell which usernames exist. The table and columns follow {@code AUTH_USER_MODEL}: see {@link
 * Builder}. One statement per call on a connection from the data source; thread-safe.
 */
public final class DjangoUsers implements UserLookup<DjangoUser> {

    private final UserTable table;
    private final DjangoPasswordHasher hasher;
    private final String backend;
    private final Clock clock;

    private DjangoUsers(Builder b) {
        this.hasher = b.hasher;
        this.backend = b.backend;
        this.clock = b.clock;
        this.table = new UserTable(b.dataSource, b.table, b.idColumn, b.usernameColumn, b.passwordColumn,
                b.isActiveColumn, b.lastLoginColumn, b.backend);
    }

    /** A builder reading the users through {@code dataSource} (give it a pool in production). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A builder reading the users through {@code jdbcUrl}, one new connection per call (no pool: for small
     * tools and the demo; pass a pooled {@link DataSource} to {@link #builder(DataSource)} otherwise).
     */
    public static Builder builder(String jdbcUrl) {
        return new Builder(new UrlDataSource(Objects.requireNonNull(jdbcUrl, "jdbcUrl")));
    }

    /**
     * Returns the active user with this primary key, or empty (Django's {@code ModelBackend.get_user}).
     *
     * @throws DjangoUsersException if the table cannot be read
     */
    @Override
    public Optional<DjangoUser> findById(String id) {
        return table.byId(id).filter(UserTable.Row::active).map(UserTable.Row::user);
    }

    /**
     * Returns the active user with this username (the {@code USERNAME_FIELD} value, compared exactly), or
     * empty: what a {@code UserDetailsService} over Django's users needs.
     *
     * @throws DjangoUsersException if the table cannot be read
     */
    public Optional<DjangoUser> findByUsername(String username) {
        return table.byUsername(Objects.requireNonNull(username, "username")).filter(UserTable.Row::active)
                .map(UserTable.Row::user);
    }

    /** Trusts only sessions logged in through the configured backend (by default {@code ModelBackend}). */
    @Override
    public boolean trustsBackend(String backend) {
        return this.backend.equals(backend);
    }

    /**
     * Django's {@code authenticate(username=..., password=...)} with {@code ModelBackend}: the user if the
     * password matches and the user is active, empty otherwise. A matching hash that Django would upgrade
     * (another algorithm, fewer iterations) is replaced in the table by a new {@code pbkdf2_sha256} hash,
     * as Django's {@code check_password} setter does; the returned user carries the new hash. An unknown
     * username costs one password hash too.
     *
     * @throws DjangoUsersException if the table cannot be read or written
     */
    public Optional<DjangoUser> authenticate(String username, String password) {
        Objects.requireNonNull(password, "password");
        Optional<UserTable.Row> row = table.byUsername(Objects.requireNonNull(username, "username"));
        if (row.isEmpty()) {
            hasher.hashForTiming(password);
            return Optional.empty();
        }
        DjangoUser user = row.get().user();
        PasswordCheck check = hasher.check(password, user.passwordHash());
        if (!check.valid()) {
            return Optional.empty();
        }
        String upgraded = check.upgradedHash();
        if (upgraded != null && table.replacePassword(user.id(), user.passwordHash(), upgraded)) {
            user = new DjangoUser(user.id(), user.username(), upgraded, user.backend());
        }
        return row.get().active() ? Optional.of(user) : Optional.empty();
    }

    /**
     * Django's {@code login(request, user)}: {@link Auth#login} on {@code session}, then {@code last_login}
     * set to now (Django's {@code update_last_login}), when the table has that column.
     *
     * @throws DjangoUsersException if {@code last_login} cannot be written
     */
    public void login(Session session, DjangoUser user) {
        Auth.login(session, user);
        updateLastLogin(user);
    }

    /**
     * Sets the user's {@code last_login} to now (Django's {@code update_last_login}), when the table has
     * that column; for code that logs in through {@link Auth} or {@code ServletAuth} itself.
     *
     * @throws DjangoUsersException if {@code last_login} cannot be written
     */
    public void updateLastLogin(DjangoUser user) {
        table.setLastLogin(user.id(), clock.instant());
    }

    /**
     * Django's {@code user.set_password(password); user.save()}: stores a new {@code pbkdf2_sha256} hash
     * and returns the user with it. Every session of the user then fails verification, except one passed
     * to {@link Auth#updateSessionAuthHash} with the returned user.
     *
     * @throws DjangoUsersException if the table cannot be written, or the user's hash changed meanwhile
     */
    public DjangoUser setPassword(DjangoUser user, String newPassword) {
        String hash = hasher.hash(Objects.requireNonNull(newPassword, "newPassword"));
        if (!table.replacePassword(user.id(), user.passwordHash(), hash)) {
            throw new DjangoUsersException("The password of user " + user.id()
                    + " changed meanwhile, or the user is gone; nothing was stored", null);
        }
        return new DjangoUser(user.id(), user.username(), hash, user.backend());
    }

    /**
     * Stores {@code newHash}, a hash already made (by a password encoder), as the user's password and returns
     * the user with it; as {@link #setPassword}, every session of the user then fails verification.
     *
     * @throws DjangoUsersException if the table cannot be written, or the user's hash changed meanwhile
     */
    public DjangoUser setPasswordHash(DjangoUser user, String newHash) {
        Objects.requireNonNull(newHash, "newHash");
        if (!table.replacePassword(user.id(), user.passwordHash(), newHash)) {
            throw new DjangoUsersException("The password of user " + user.id()
                    + " changed meanwhile, or the user is gone; nothing was stored", null);
        }
        return new DjangoUser(user.id(), user.username(), newHash, user.backend());
    }

    /** The hasher checking and making passwords. */
    public DjangoPasswordHasher hasher() {
        return hasher;
    }

    /**
     * Builds {@link DjangoUsers}. The defaults are Django's {@code auth.User}: table {@code auth_user},
     * columns {@code id}, {@code username}, {@code password}, {@code is_active}, {@code last_login}. For a
     * custom {@code AUTH_USER_MODEL}, name its table and columns (plain SQL identifiers); a model without
     * {@code is_active} or {@code last_login} columns sets them to {@code null}.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private String table = "auth_user";
        private String idColumn = "id";
        private String usernameColumn = "username";
        private String passwordColumn = "password";
        private @Nullable String isActiveColumn = "is_active";
        private @Nullable String lastLoginColumn = "last_login";
        private DjangoPasswordHasher hasher = DjangoPasswordHasher.of(DjangoVersion.DJANGO_5_2);
        private String backend = Auth.DEFAULT_BACKEND;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The user table, {@code db_table} of {@code AUTH_USER_MODEL}; by default {@code auth_user}. */
        public Builder table(String table) {
            this.table = UserTable.identifier(table);
            return this;
        }

        /** The primary key column; by default {@code id}. */
        public Builder idColumn(String column) {
            this.idColumn = UserTable.identifier(column);
            return this;
        }

        /** The {@code USERNAME_FIELD} column (for example {@code email}); by default {@code username}. */
        public Builder usernameColumn(String column) {
            this.usernameColumn = UserTable.identifier(column);
            return this;
        }

        /** The password hash column; by default {@code password}. */
        public Builder passwordColumn(String column) {
            this.passwordColumn = UserTable.identifier(column);
            return this;
        }

        /**
         * The {@code is_active} column, or {@code null} when every user is active; by default
         * {@code is_active}.
         */
        public Builder isActiveColumn(@Nullable String column) {
            this.isActiveColumn = column == null ? null : UserTable.identifier(column);
            return this;
        }

        /** The {@code last_login} column, or {@code null} for none; by default {@code last_login}. */
        public Builder lastLoginColumn(@Nullable String column) {
            this.lastLoginColumn = column == null ? null : UserTable.identifier(column);
            return this;
        }

        /**
         * The Django sharing the table, whose iteration count new hashes get ({@link
         * DjangoPasswordHasher#of}); by default 5.2.
         */
        public Builder djangoVersion(DjangoVersion version) {
            this.hasher = DjangoPasswordHasher.of(version);
            return this;
        }

        /** The hasher; by default that of Django 5.2. */
        public Builder hasher(DjangoPasswordHasher hasher) {
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /** The backend stored at login and trusted after; by default {@link Auth#DEFAULT_BACKEND}. */
        public Builder backend(String backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** Where {@code last_login} comes from; by default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the lookup; nothing is read until the first call. */
        public DjangoUsers build() {
            return new DjangoUsers(this);
        }
    }

    /** A {@link DataSource} opening a new connection per call. */
    private record UrlDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public @Nullable PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(@Nullable PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }

        @Override
        public String toString() {
            return "UrlDataSource[" + url.replaceAll("password=[^&;]*", "password=***") + "]";
        }
    }
}
