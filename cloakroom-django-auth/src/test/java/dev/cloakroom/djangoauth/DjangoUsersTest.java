package dev.cloakroom.djangoauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.engine.MemoryEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DjangoUsers} on a SQLite {@code auth_user} table made with Django's own DDL, rows holding hashes
 * real Djangos made (the cheap vectors). The same class against PostgreSQL and MariaDB, with tables made by
 * Django's migrate, runs in the interop module.
 */
class DjangoUsersTest {

    /** Django 5.2's {@code CREATE TABLE} for {@code auth_user} on SQLite. */
    static final String AUTH_USER = """
            CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
              "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL,
              "username" varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL,
              "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL,
              "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL)""";
    /** Django 3.2 made this {@code pbkdf2_sha1} hash of the empty password (1,000 iterations). */
    static final String SHA1_EMPTY = "pbkdf2_sha1$1000$fs1Kz9YcGgaRjCT1pQD7DQ$K3FLvm68qnecs+cDXUpHJrpoEqY=";

    private static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");
    private final DjangoPasswordHasher hasher = DjangoPasswordHasher.withIterations(2000);
    private String url;
    private DjangoUsers users;

    @BeforeEach
    void djangoTable(@TempDir Path directory) throws SQLException {
        url = "jdbc:sqlite:" + directory.resolve("django.sqlite3");
        execute(AUTH_USER);
        insert("alice", hasher.hash("alice-pw"), true);
        insert("ancient", SHA1_EMPTY, true);
        insert("gone", hasher.hash("gone-pw"), false);
        insert("locked", "!unusable", true);
        users = DjangoUsers.builder(url).hasher(hasher).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void findsActiveUsersById() {
        assertThat(users.findById("1")).get().extracting(DjangoUser::username).isEqualTo("alice");
        assertThat(users.findById("3")).as("inactive").isEmpty();
        assertThat(users.findById("99")).isEmpty();
        assertThat(users.findById("not-a-number")).isEmpty();
        assertThat(users.trustsBackend(Auth.DEFAULT_BACKEND)).isTrue();
        assertThat(users.trustsBackend("django.contrib.auth.backends.RemoteUserBackend")).isFalse();
    }

    @Test
    void findsActiveUsersByUsername() {
        assertThat(users.findByUsername("alice")).get().extracting(DjangoUser::id).isEqualTo("1");
        assertThat(users.findByUsername("Alice")).as("usernames are exact").isEmpty();
        assertThat(users.findByUsername("gone")).as("inactive").isEmpty();
        assertThat(users.findByUsername("nobody")).isEmpty();
    }

    @Test
    void storesAHashMadeElsewhereUnlessItChangedMeanwhile() {
        DjangoUser alice = users.findById("1").orElseThrow();
        String made = hasher.hash("made-by-an-encoder");

        DjangoUser changed = users.setPasswordHash(alice, made);

        assertThat(changed.passwordHash()).isEqualTo(made);
        assertThat(users.authenticate("alice", "made-by-an-encoder")).isPresent();
        assertThatThrownBy(() -> users.setPasswordHash(alice, hasher.hash("stale")))
                .isInstanceOf(DjangoUsersException.class).hasMessageContaining("changed meanwhile");
    }

    @Test
    void authenticatesAsModelBackendDoes() {
        assertThat(users.authenticate("alice", "alice-pw")).get().extracting(DjangoUser::id).isEqualTo("1");
        assertThat(users.authenticate("alice", "wrong")).isEmpty();
        assertThat(users.authenticate("Alice", "alice-pw")).as("usernames are exact").isEmpty();
        assertThat(users.authenticate("gone", "gone-pw")).as("inactive").isEmpty();
        assertThat(users.authenticate("locked", "")).as("unusable password").isEmpty();
    }

    @Test
    void anUnknownUsernameCostsAPasswordHashToo() {
        long before = hasher.hashesMade();

        assertThat(users.authenticate("nobody", "guess")).isEmpty();

        assertThat(hasher.hashesMade() - before).isEqualTo(1);
    }

    @Test
    void aUserWithAnUnusablePasswordCostsAPasswordHashToo() {
        long before = hasher.hashesMade();

        assertThat(users.authenticate("locked", "guess")).isEmpty();

        assertThat(hasher.hashesMade() - before).isEqualTo(1);
    }

    @Test
    void anOutdatedHashIsUpgradedOnAuthentication() throws SQLException {
        DjangoUser user = users.authenticate("ancient", "").orElseThrow();

        assertThat(user.passwordHash()).startsWith("pbkdf2_sha256$2000$");
        assertThat(column("password", "ancient")).isEqualTo(user.passwordHash());
        assertThat(users.authenticate("ancient", "")).get().extracting(DjangoUser::passwordHash)
                .as("not upgraded twice").isEqualTo(user.passwordHash());
    }

    @Test
    void loginSetsLastLoginAsDjangoStoresIt() throws SQLException {
        Session session = Session.open(MemoryEngine.create(),
                SessionSettings.builder().secretKey("k").build(), null);
        DjangoUser alice = users.authenticate("alice", "alice-pw").orElseThrow();

        users.login(session, alice);

        assertThat(session.get(Auth.USER_ID_KEY)).isEqualTo("1");
        assertThat(Auth.currentUser(session, users)).contains(alice);
        assertThat(column("last_login", "alice")).isEqualTo("2031-05-06 07:08:09.123456");
    }

    @Test
    void setPasswordLogsOutOtherSessionsButTheOneUpdated() {
        SessionSettings settings = SessionSettings.builder().secretKey("k").build();
        MemoryEngine engine = MemoryEngine.create();
        Session here = Session.open(engine, settings, null);
        Session elsewhere = Session.open(engine, settings, null);
        DjangoUser alice = users.authenticate("alice", "alice-pw").orElseThrow();
        users.login(here, alice);
        users.login(elsewhere, alice);

        DjangoUser changed = users.setPassword(alice, "new-pw");
        Auth.updateSessionAuthHash(here, changed);

        assertThat(users.authenticate("alice", "new-pw")).contains(changed);
        assertThat(Auth.currentUser(here, users)).contains(changed);
        assertThat(Auth.currentUser(elsewhere, users)).isEmpty();
        assertThatThrownBy(() -> users.setPassword(alice, "again")).as("alice's old hash is gone")
                .isInstanceOf(DjangoUsersException.class);
    }

    @Test
    void aCustomUserModelNamesItsTableAndColumns() throws SQLException {
        execute("CREATE TABLE accounts_member (member_id varchar(36) PRIMARY KEY, email varchar(254) UNIQUE,"
                + " pw varchar(128))");
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "INSERT INTO accounts_member VALUES (?, ?, ?)")) {
            s.setString(1, "6f1c2a9e-0000-4000-8000-000000000001");
            s.setString(2, "zoe@example.com");
            s.setString(3, hasher.hash("zoe-pw"));
            s.executeUpdate();
        }
        DjangoUsers members = DjangoUsers.builder(url).table("accounts_member").idColumn("member_id")
                .usernameColumn("email").passwordColumn("pw").isActiveColumn(null).lastLoginColumn(null)
                .hasher(hasher).build();

        DjangoUser zoe = members.authenticate("zoe@example.com", "zoe-pw").orElseThrow();
        members.updateLastLogin(zoe);

        assertThat(zoe.id()).isEqualTo("6f1c2a9e-0000-4000-8000-000000000001");
        assertThat(members.findById(zoe.id())).contains(zoe);
        assertThatThrownBy(() -> DjangoUsers.builder(url).table("auth_user; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingTableFailsNamingItButNotTheDatabase() {
        DjangoUsers wrong = DjangoUsers.builder(url).table("no_such_table").build();

        assertThatThrownBy(() -> wrong.findById("1")).isInstanceOf(DjangoUsersException.class)
                .hasMessageContaining("no_such_table").hasMessageNotContaining(url);
    }

    private void insert(String username, String hash, boolean active) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "INSERT INTO auth_user (password, is_superuser, username, last_name, email, is_staff,"
                        + " is_active, date_joined, first_name)"
                        + " VALUES (?, 0, ?, '', '', 0, ?, '2030-01-01 00:00:00', '')")) {
            s.setString(1, hash);
            s.setString(2, username);
            s.setBoolean(3, active);
            s.executeUpdate();
        }
    }

    private String column(String column, String username) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + " FROM auth_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
