package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.cloakroom.ListingStats;
import dev.cloakroom.SaveResult;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.internal.PythonDates;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.internal.PythonDates;
import dev.cloakroom.testservers.RecordingDataSource;
import dev.cloakroom.testservers.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the {@code db} engine promises beyond the core contract, on each database: Django's table and
 * rows, batched cleanup, the user index, one statement per storage access. Each test works in a fresh
 * table that is dropped afterwards. Subclasses say how to talk to their database directly, without the
 * engine, so the checks do not rely on the code they check.
 */
abstract class DjangoTableContract {

    private static final DateTimeFormatter DJANGO_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    protected final MutableClock clock = MutableClock.at(DjangoVectorRows.fixedTime());
    protected final SessionSettings settings = SessionSettings.builder()
            .secretKey(DjangoVectorRows.secretKey())
            .clock(clock).build();
    protected String table;
    private final List<JdbcEngine> engines = new ArrayList<>();

    /** A pool on the database, shared by the class. */
    protected abstract DataSource dataSource();

    /** The database's JDBC URL, for engines with their own pool. */
    protected abstract String jdbcUrl();

    /**
     * An insert of (key, data, expire date) where the expire date is given as Django's UTC text,
     * {@code 2025-12-06 00:00:00}, converted the way Django's backend for this database stores it. By
     * default the text as it is: Django's SQLite backend binds {@code str()} of the naive UTC datetime,
     * and its MySQL backend sends it as text.
     */
    protected String djangoInsert(String table) {
        return "INSERT INTO " + table + " (session_key, session_data, expire_date) VALUES (?, ?, ?)";
    }

    /** Inserts {@code count} rows, keys {@code <prefix><12 digits>}, expiring at {@code expireAt}, fast. */
    protected abstract void insertRows(Connection c, String table, String prefix, int count, Instant expireAt)
            throws SQLException;

    /** A query of one key's expire date as UTC text that {@link PythonDates#parse} reads. */
    protected abstract String expireDateAsUtcText(String table);

    /** Django's own DDL for the table on this database, verbatim from its schema editor. */
    protected abstract List<String> djangoDdl(String table);

    /** Asserts the table is exactly what Django's migration makes: columns, key, index names. */
    protected abstract void assertDjangoSchema(Connection c, String table) throws SQLException;

    /** Asserts the user column exists, nullable and indexed under Django's index name. */
    protected abstract void assertUserColumn(Connection c, String table, String column) throws SQLException;

    @BeforeEach
    void newTable() {
        table = TestDatabases.uniqueTableName();
    }

    @AfterEach
    void dropTable() throws SQLException {
        engines.forEach(JdbcEngine::close);
        TestDatabases.dropTable(dataSource(), table);
    }

    protected JdbcEngine engine(UnaryOperator<JdbcEngineBuilder> options) {
        JdbcEngine engine = options.apply(JdbcEngine.builder(dataSource()).table(table).clock(clock)).build();
        engines.add(engine);
        return engine;
    }

    protected JdbcEngine engine() {
        return engine(b -> b);
    }

    protected Session open(JdbcEngine engine, String key) {
        return Session.open(engine, settings, key);
    }

    // ------------------------------------------------------------ Django's schema

    @Test
    void migrateCreatesDjangosTableAndIndexes() throws SQLException {
        JdbcEngine engine = engine(b -> b.createSchema(false));
        List<String> ran = engine.migrate();
        assertThat(ran).isNotEmpty().allMatch(sql -> sql.startsWith("CREATE"));
        try (Connection c = dataSource().getConnection()) {
            assertDjangoSchema(c, table);
        }
        assertThat(engine.migrate()).as("second run").isEmpty();
    }

    @Test
    void migrateLeavesATableDjangoMadeAlone() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            try (Statement ddl = c.createStatement()) {
                for (String sql : djangoDdl(table)) {
                    ddl.execute(sql);
                }
            }
            assertDjangoSchema(c, table);
            try (PreparedStatement insert = c.prepareStatement(djangoInsert(table))) {
                insert.setString(1, "keptbydjango0000000000000000000a");
                insert.setString(2, DjangoVectorRows.rows().get(1).encoded());
                insert.setString(3, "2025-12-06 00:00:00");
                insert.executeUpdate();
            }
        }
        JdbcEngine engine = engine();
        assertThat(engine.migrate()).isEmpty();
        assertThat(open(engine, "keptbydjango0000000000000000000a").get("count")).isEqualTo(1);
    }

    @Test
    void migrateAddsTheUserColumnToAnExistingTable() throws SQLException {
        JdbcEngine plain = engine();
        Session before = Session.open(plain, settings, null);
        before.put("_auth_user_id", "42");
        before.setVerifiedUser("42");
        before.save();

        JdbcEngine indexed = engine(JdbcEngineBuilder::userColumn);
        try (Connection c = dataSource().getConnection()) {
            assertUserColumn(c, table, "user_id");
        }
        assertThat(index(indexed).sessionsOf("42")).as("rows saved before the column existed").isEmpty();
        Session unverified = open(indexed, before.key());
        unverified.put("seen", true);
        unverified.save();
        assertThat(index(indexed).sessionsOf("42")).as("a save that verified no login").isEmpty();
        Session again = open(indexed, before.key());
        again.setVerifiedUser("42"); // what Auth.currentUser does once the auth hash checks out
        again.put("seen", 2);
        again.save();
        assertThat(index(indexed).sessionsOf("42")).extracting(SessionSummary::key)
                .containsExactly(before.key());
        assertThat(indexed.migrate()).isEmpty();
    }

    // ------------------------------------------------------------ interop with Django through the table

    @Test
    void rowsDjangoWroteLoadIntoTheirData() throws SQLException {
        JdbcEngine engine = engine();
        List<DjangoVectorRows.Row> rows = DjangoVectorRows.rows();
        try (Connection c = dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                djangoInsert(table))) {
            for (int i = 0; i < rows.size(); i++) {
                insert.setString(1, "djangorow" + i + "0000000000000000000000");
                insert.setString(2, rows.get(i).encoded());
                insert.setString(3, "2025-12-06 00:00:00");
                insert.executeUpdate();
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Session session = open(engine, "djangorow" + i + "0000000000000000000000");
            assertThat(entries(session)).as("vector %d", i).isEqualTo(rows.get(i).session());
            assertThat(session.key()).isNotNull();
        }
    }

    @Test
    void rowsDjangoWroteExpireAtTheirExpireDate() throws SQLException {
        JdbcEngine engine = engine();
        String key = "djangoexpiry000000000000000000aa";
        try (Connection c = dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                djangoInsert(table))) {
            insert.setString(1, key);
            insert.setString(2, DjangoVectorRows.rows().get(1).encoded());
            insert.setString(3, "2025-12-06 00:00:00.250000");
            insert.executeUpdate();
        }
        clock.set(Instant.parse("2025-12-06T00:00:00.249999Z"));
        assertThat(engine.load(key)).get().extracting(StoredSession::expiresAt)
                .isEqualTo(Instant.parse("2025-12-06T00:00:00.250Z"));
        clock.set(Instant.parse("2025-12-06T00:00:00.250Z"));
        assertThat(engine.load(key)).as("Django: expire_date > now").isEmpty();
        assertThat(engine.exists(key)).isTrue();
    }

    @Test
    void rowsCloakroomWritesHoldDjangosEncodingAndUtcExpiry() throws SQLException {
        JdbcEngine engine = engine();
        for (DjangoVectorRows.Row row : DjangoVectorRows.rows()) {
            Session session = Session.open(engine, settings, null);
            session.update(row.session());
            session.save();
            try (Connection c = dataSource().getConnection()) {
                assertThat(queryString(c, "SELECT session_data FROM " + table + " WHERE session_key = ?",
                        session.key())).isEqualTo(row.encoded());
                assertThat(PythonDates.parse(queryString(c, expireDateAsUtcText(table), session.key())))
                        .isEqualTo(Instant.parse("2025-12-06T00:00:00Z"));
            }
        }
    }

    @Test
    void expireDateKeepsMicrosecondsAsDjangoDoes() throws SQLException {
        JdbcEngine engine = engine();
        clock.set(Instant.parse("2025-11-22T00:00:00.123456789Z"));
        Session session = Session.open(engine, settings, null);
        session.put("a", 1);
        session.save();
        try (Connection c = dataSource().getConnection()) {
            assertThat(PythonDates.parse(queryString(c, expireDateAsUtcText(table), session.key())))
                    .isEqualTo(Instant.parse("2025-12-06T00:00:00.123456Z"));
        }
        assertThat(engine.load(session.key())).get().extracting(StoredSession::expiresAt)
                .isEqualTo(Instant.parse("2025-12-06T00:00:00.123456Z"));
    }

    // ------------------------------------------------------------ the SPI on the edges

    @Test
    void createOnATakenKeyReturnsFalseAndKeepsTheRowEvenWhenExpired() {
        JdbcEngine engine = engine();
        Instant past = clock.instant().minusSeconds(5);
        assertThat(engine.create(new StoredSession("takenkey00000000", "first", past, null))).isTrue();
        Instant later = clock.instant().plusSeconds(60);
        assertThat(engine.create(new StoredSession("takenkey00000000", "second", later, null))).isFalse();
        clock.advance(Duration.ofSeconds(-10));
        assertThat(engine.load("takenkey00000000")).get().extracting(StoredSession::data).isEqualTo("first");
    }

    @Test
    void saveTellsConflictFromGone() {
        JdbcEngine engine = engine();
        Instant later = clock.instant().plusSeconds(60);
        StoredSession v1 = new StoredSession("casrow0000000000", "v1:abc", later, null);
        StoredSession v2 = new StoredSession("casrow0000000000", "v2:abc", later, null);
        StoredSession v3 = new StoredSession("casrow0000000000", "v3:abc", later, null);
        engine.create(v1);
        assertThat(engine.save(v1, v2)).isEqualTo(SaveResult.SAVED);
        assertThat(engine.save(v1, v3)).as("stale").isEqualTo(SaveResult.CONFLICT);
        assertThat(engine.save(null, v3)).as("unconditional").isEqualTo(SaveResult.SAVED);
        assertThat(engine.save(v2, v2)).as("identical data written again").isEqualTo(SaveResult.CONFLICT);
        assertThat(engine.save(v3, v3)).as("identical data written again").isEqualTo(SaveResult.SAVED);
        engine.delete("casrow0000000000");
        assertThat(engine.save(v3, v1)).isEqualTo(SaveResult.GONE);
        assertThat(engine.save(null, v1)).isEqualTo(SaveResult.GONE);
        assertThat(engine.exists("casrow0000000000")).isFalse();
    }

    /** Data a database might encode differently from Java (not ASCII) is compared whole, still refusing. */
    @Test
    void saveOfDataThatIsNotAsciiTellsStaleFromCurrent() {
        JdbcEngine engine = engine();
        Instant later = clock.instant().plusSeconds(60);
        StoredSession v1 = new StoredSession("asciirow00000000", "v1:\u00e9t\u00e9", later, null);
        StoredSession v2 = new StoredSession("asciirow00000000", "v2:\u00e9t\u00e9", later, null);
        StoredSession v3 = new StoredSession("asciirow00000000", "v3:abc", later, null);
        engine.create(v1);
        assertThat(engine.save(v1, v2)).isEqualTo(SaveResult.SAVED);
        assertThat(engine.save(v1, v3)).as("stale").isEqualTo(SaveResult.CONFLICT);
        assertThat(engine.save(v2, v3)).isEqualTo(SaveResult.SAVED);
        assertThat(engine.save(v2, v1)).as("stale, ASCII now stored").isEqualTo(SaveResult.CONFLICT);
        assertThat(engine.load("asciirow00000000")).get().extracting(StoredSession::data).isEqualTo("v3:abc");
    }

    @Test
    void dataIsComparedCaseSensitively() {
        JdbcEngine engine = engine();
        Instant later = clock.instant().plusSeconds(60);
        engine.create(new StoredSession("caserow000000000", "eyJhIjoxfQ:1vMb2m:AbC", later, null));
        StoredSession lowerCase = new StoredSession("caserow000000000", "eyjhijoxfq:1vmb2m:abc", later, null);
        assertThat(engine.save(lowerCase, lowerCase)).isEqualTo(SaveResult.CONFLICT);
        assertThat(engine.load("caserow000000000")).get().extracting(StoredSession::data)
                .isEqualTo("eyJhIjoxfQ:1vMb2m:AbC");
    }

    @Test
    void expiredRowsCanBeSavedOverAsInDjango() {
        JdbcEngine engine = engine();
        engine.create(new StoredSession("expiredrow000000", "old", clock.instant().minusSeconds(1), null));
        assertThat(engine.load("expiredrow000000")).isEmpty();
        Instant later = clock.instant().plusSeconds(60);
        StoredSession fresh = new StoredSession("expiredrow000000", "new", later, null);
        assertThat(engine.save(null, fresh)).isEqualTo(SaveResult.SAVED);
        assertThat(engine.load("expiredrow000000")).get().extracting(StoredSession::data).isEqualTo("new");
    }

    // ------------------------------------------------------------ round trips per request

    /** One request costs nothing untouched, a SELECT to read, SELECT + UPDATE to write, an INSERT. */
    @Test
    void oneRequestRunsOneStatementPerStorageAccess() {
        engine(); // creates the table
        RecordingDataSource recording = new RecordingDataSource(dataSource());
        JdbcEngine engine = JdbcEngine.builder(recording).table(table).clock(clock).createSchema(false)
                .build();
        Session seed = Session.open(engine, settings, null);
        seed.put("count", 1);
        seed.save();
        String key = seed.key();
        recording.reset();

        Session untouched = Session.open(engine, settings, key);
        untouched.isEmpty();
        assertThat(recording.executed).as("no session access").isEmpty();

        Session reading = Session.open(engine, settings, key);
        reading.get("count");
        reading.get("other");
        report("read-only", recording.executed);
        assertThat(recording.executed).as("read-only").hasSize(1).allMatch(sql -> sql.startsWith("SELECT "));
        recording.reset();

        Session writing = Session.open(engine, settings, key);
        writing.compute("count", Integer.class, n -> n + 1);
        writing.save();
        report("write", recording.executed);
        assertThat(recording.executed).as("write").hasSize(2);
        assertThat(recording.executed.get(0)).startsWith("SELECT ");
        assertThat(recording.executed.get(1)).startsWith("UPDATE ");
        if (!jdbcUrl().startsWith("jdbc:sqlite:")) {
            assertThat(recording.executed.get(1)).as("the loaded data is compared by its digest")
                    .containsIgnoringCase("md5(");
        }
        recording.reset();

        Session created = Session.open(engine, settings, null);
        created.put("new", true);
        created.save();
        report("new session", recording.executed);
        assertThat(recording.executed).as("new session").hasSize(1)
                .allMatch(sql -> sql.startsWith("INSERT "));
        assertThat(recording.otherCalls).as("metadata, autocommit toggles, unprepared SQL").isEmpty();
    }

    /** A login on a request without a cookie is one INSERT holding the login; anonymous, one DELETE more. */
    @Test
    void loginRunsOneInsert() {
        engine(); // creates the table
        RecordingDataSource recording = new RecordingDataSource(dataSource());
        JdbcEngine engine = JdbcEngine.builder(recording).table(table).clock(clock).createSchema(false)
                .build();
        AuthUser user = AuthUser.of("7", "pbkdf2_sha256$1$salt$hash");
        Session login = Session.open(engine, settings, null);
        Auth.login(login, user);
        login.save();
        report("login", recording.executed);
        assertThat(recording.executed).as("login").hasSize(1).allMatch(sql -> sql.startsWith("INSERT "));
        assertThat(Session.open(engine, settings, login.key()).get(Auth.USER_ID_KEY)).isEqualTo("7");

        Session anonymous = Session.open(engine, settings, null);
        anonymous.put("cart", 1);
        anonymous.save();
        recording.reset();
        Session again = Session.open(engine, settings, anonymous.key());
        Auth.login(again, user);
        again.save();
        report("login, anonymous session", recording.executed);
        assertThat(recording.executed).as("login, anonymous session").hasSize(3);
        assertThat(recording.executed.get(0)).startsWith("SELECT ");
        assertThat(recording.executed.get(1)).startsWith("DELETE ");
        assertThat(recording.executed.get(2)).startsWith("INSERT ");
        assertThat(engine.exists(anonymous.key())).isFalse();
    }

    private void report(String kind, List<String> statements) {
        System.out.printf("[%s] %s: %d statement(s) %s%n", getClass().getSimpleName(), kind,
                statements.size(),
                statements);
    }

    // ------------------------------------------------------------ clearExpired

    @Test
    void clearExpiredDeletesTwoHundredThousandRowsInBatchesAndKeepsLiveOnes() throws SQLException {
        JdbcEngine engine = engine();
        Session live = Session.open(engine, settings, null);
        live.put("live", true);
        live.save();
        try (Connection c = dataSource().getConnection()) {
            insertRows(c, table, "expired", 200_000, clock.instant().minusSeconds(60));
            insertRows(c, table, "living", 5_000, clock.instant().plusSeconds(3600));
        }
        long started = System.nanoTime();
        int removed;
        List<String> log;
        Logger logger = (Logger) LoggerFactory.getLogger(JdbcEngine.class);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try (LogCapture capture = LogCapture.of(JdbcEngine.class.getName())) {
            removed = engine.clearExpired();
            log = capture.lines();
        } finally {
            logger.setLevel(level);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[%s] clearExpired deleted %d of 205,001 rows in %d ms (batches of 10,000)%n",
                getClass().getSimpleName(), removed, millis);

        assertThat(removed).isEqualTo(200_000);
        assertThat(log).filteredOn(line -> line.startsWith("INFO ") && line.contains("so far")).hasSize(20);
        try (Connection c = dataSource().getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM " + table)).isEqualTo(5_001);
            assertThat(count(c, "SELECT COUNT(*) FROM " + table + " WHERE session_key LIKE 'living%'"))
                    .isEqualTo(5_000);
        }
        assertThat(open(engine, live.key()).get("live")).isEqualTo(true);
    }

    /** Makes the table with 25 expired rows, and an engine on {@code recording} deleting 10 rows a batch. */
    private JdbcEngine batchesOfTenOverTwentyFiveExpiredRows(RecordingDataSource recording, Duration pause)
            throws SQLException {
        engine();
        try (Connection c = dataSource().getConnection()) {
            insertRows(c, table, "expired", 25, clock.instant().minusSeconds(1));
        }
        return JdbcEngine.builder(recording).table(table).clock(clock).createSchema(false)
                .clearExpiredBatchSize(10).clearExpiredPause(pause).build();
    }

    @Test
    void clearExpiredRunsOneBoundedDeletePerBatch() throws SQLException {
        RecordingDataSource recording = new RecordingDataSource(dataSource());
        JdbcEngine engine = batchesOfTenOverTwentyFiveExpiredRows(recording, Duration.ZERO);
        try (Connection c = dataSource().getConnection()) {
            insertRows(c, table, "livekey", 3, clock.instant().plusSeconds(1));
        }
        assertThat(engine.clearExpired()).isEqualTo(25);
        assertThat(recording.executed).hasSize(3).allMatch(sql -> sql.startsWith("DELETE "));
        assertThat(engine.clearExpired()).isZero();
    }

    @Test
    void clearExpiredPausesBetweenBatchesWhenAsked() throws SQLException {
        RecordingDataSource recording = new RecordingDataSource(dataSource());
        JdbcEngine engine = batchesOfTenOverTwentyFiveExpiredRows(recording, Duration.ofMillis(150));
        long started = System.nanoTime();
        assertThat(engine.clearExpired()).isEqualTo(25);
        // Two full batches, each followed by a pause: at least 300 ms whatever the machine's speed.
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(recording.executed).hasSize(3);
    }

    @Test
    void anInterruptedCleanupStopsAfterTheBatchUnderWayAndKeepsTheInterrupt() throws Exception {
        RecordingDataSource recording = new RecordingDataSource(dataSource());
        JdbcEngine engine = batchesOfTenOverTwentyFiveExpiredRows(recording, Duration.ofMinutes(1));
        CompletableFuture<Integer> removed = new CompletableFuture<>();
        AtomicBoolean keptInterrupt = new AtomicBoolean();
        Thread cleaner = new Thread(() -> {
            removed.complete(engine.clearExpired());
            keptInterrupt.set(Thread.currentThread().isInterrupted());
        });
        cleaner.start();
        while (recording.executed.isEmpty()) {
            Thread.onSpinWait();
        }
        cleaner.interrupt();
        cleaner.join(10_000);

        assertThat(removed).isCompletedWithValue(10);
        assertThat(keptInterrupt).isTrue();
        assertThat(JdbcEngine.builder(dataSource()).table(table).clock(clock).createSchema(false).build()
                .clearExpired()).isEqualTo(15);
    }

    /** Django deletes {@code expire_date < now}: a row expiring exactly now is invisible but kept. */
    @Test
    void clearExpiredKeepsARowExpiringExactlyNow() throws SQLException {
        JdbcEngine engine = engine();
        engine.create(new StoredSession("expiresnow000000", "x", clock.instant(), null));
        engine.create(new StoredSession("expiredjust00000", "x", clock.instant().minusNanos(1000), null));
        assertThat(engine.clearExpired()).isEqualTo(1);
        assertThat(engine.load("expiresnow000000")).isEmpty();
        assertThat(engine.exists("expiresnow000000")).isTrue();
    }

    // ------------------------------------------------------------ user index

    @Test
    void sessionsOfListsTheUsersLiveSessionsSoonestExpiryFirst() {
        JdbcEngine engine = engine(JdbcEngineBuilder::userColumn);
        String later = userSession(engine, "42", 7200);
        String sooner = userSession(engine, "42", 3600);
        userSession(engine, "42", -60);
        userSession(engine, "7", 3600);
        userSession(engine, null, 3600);
        assertThat(index(engine).sessionsOf("42")).extracting(SessionSummary::key)
                .containsExactly(sooner, later);
        assertThat(index(engine).sessionsOf("42").get(0).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(index(engine).sessionsOf("nobody")).isEmpty();
    }

    @Test
    void revokeAllDeletesTheUsersOtherSessionsOnly() {
        JdbcEngine engine = engine(JdbcEngineBuilder::userColumn);
        String mine = userSession(engine, "42", 3600);
        String other = userSession(engine, "42", 3600);
        String expired = userSession(engine, "42", -60);
        String someoneElse = userSession(engine, "7", 3600);
        assertThat(index(engine).revokeAll("42", mine)).isEqualTo(2);
        assertThat(engine.exists(mine)).isTrue();
        assertThat(engine.exists(other)).isFalse();
        assertThat(engine.exists(expired)).isFalse();
        assertThat(engine.exists(someoneElse)).isTrue();
        assertThat(index(engine).revokeAll("42", null)).isEqualTo(1);
        assertThat(index(engine).sessionsOf("42")).isEmpty();
    }

    /** Django's test_extra_session_field: the column follows the user id on every save. */
    @Test
    void userColumnFollowsTheUserIdOnEverySave() throws SQLException {
        JdbcEngine engine = engine(JdbcEngineBuilder::userColumn);
        String key = userSession(engine, "42", 3600);
        Session session = open(engine, key);
        session.remove("_auth_user_id");
        session.save();
        try (Connection c = dataSource().getConnection()) {
            assertThat(queryString(c, "SELECT user_id FROM " + table + " WHERE session_key = ?", key))
                    .isNull();
        }
        assertThat(index(engine).sessionsOf("42")).isEmpty();
    }

    @Test
    void userIdsCompareExactly() {
        JdbcEngine engine = engine(JdbcEngineBuilder::userColumn);
        String bob = userSession(engine, "Bob", 3600);
        userSession(engine, "bob", 3600);
        assertThat(index(engine).sessionsOf("Bob")).extracting(SessionSummary::key).containsExactly(bob);
    }

    @Test
    void userIndexWithoutAUserColumnSaysHowToTurnItOn() {
        JdbcEngine engine = engine();
        assertThat(engine).isNotInstanceOf(UserSessionIndex.class);
        assertThat(engine(JdbcEngineBuilder::userColumn)).isInstanceOf(UserSessionIndex.class);
        assertThatThrownBy(() -> UserSessions.sessionsOf(engine, "42"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("userColumn(");
        assertThatThrownBy(() -> UserSessions.revokeAll(engine, "42", null))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("userColumn(");
    }

    // ------------------------------------------------------------ listing

    @Test
    void listingFindsExpiredRowsAndListsLiveOnesSoonestFirst() {
        JdbcEngine engine = engine(JdbcEngineBuilder::userColumn);
        String later = userSession(engine, "42", 7200);
        String sooner = userSession(engine, null, 3600);
        String expired = userSession(engine, "7", -60);
        assertThat(engine.find(expired)).get().satisfies(s -> {
            assertThat(s.isExpiredAt(clock.instant())).isTrue();
            assertThat(s.userId()).isEqualTo("7");
        });
        assertThat(engine.find(later)).get().extracting(StoredSession::expiresAt)
                .isEqualTo(clock.instant().plusSeconds(7200));
        assertThat(engine.find("nosuchkey0000000")).isEmpty();
        assertThat(engine.find("../bad")).isEmpty();
        assertThat(engine.live(clock.instant(), 0)).extracting(StoredSession::key)
                .containsExactly(sooner, later);
        assertThat(engine.live(clock.instant(), 1)).extracting(StoredSession::key).containsExactly(sooner);
        assertThat(engine.live(clock.instant(), 0).get(1).userId()).isEqualTo("42");
        assertThat(engine.description()).contains(table);
    }

    @Test
    void listingCountsLiveAndExpiredRowsAndTheirSizes() {
        JdbcEngine engine = engine();
        assertThat(engine.stats(clock.instant())).isEqualTo(new ListingStats(0, 0, 0, 0));
        String live = userSession(engine, null, 3600);
        String expired = userSession(engine, "7", -60);
        int liveBytes = engine.find(live).orElseThrow().data().length();
        int expiredBytes = engine.find(expired).orElseThrow().data().length();
        assertThat(engine.stats(clock.instant())).isEqualTo(new ListingStats(1, 1, liveBytes + expiredBytes,
                Math.max(liveBytes, expiredBytes)));
    }

    // ------------------------------------------------------------ the engine's own pool

    @Test
    void engineOnItsOwnPoolFromAJdbcUrlWorksAndCloses() {
        JdbcEngine engine = JdbcEngine.builder(jdbcUrl()).table(table).clock(clock).userColumn().build();
        try {
            String key = userSession(engine, "42", 60);
            assertThat(open(engine, key).get("_auth_user_id")).isEqualTo("42");
            assertThat(engine.toString()).contains(table, "user column user_id");
        } finally {
            engine.close();
        }
        assertThatThrownBy(() -> engine.load("abcdefgh12345678")).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("load session …345678").hasMessageNotContaining("abcdefgh12345678");
    }

    // ------------------------------------------------------------ helpers

    /** Saves a new session; {@code user} stands for a verified login of that user. */
    protected static UserSessionIndex index(JdbcEngine engine) {
        assertThat(engine).isInstanceOf(UserSessionIndex.class);
        return (UserSessionIndex) engine;
    }

    protected String userSession(JdbcEngine engine, @Nullable String user, long seconds) {
        Session session = Session.open(engine, settings, null);
        if (user != null) {
            session.put("_auth_user_id", user);
            session.setVerifiedUser(user);
        }
        session.setExpiry(seconds);
        session.save();
        return session.key();
    }

    protected static Map<String, Object> entries(Session session) {
        Map<String, Object> map = new LinkedHashMap<>();
        session.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    protected static String queryString(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for " + sql).isTrue();
                return rows.getString(1);
            }
        }
    }

    protected static long count(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    protected static List<String> strings(Connection c, String sql,
            String... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getString(i));
                    }
                    values.add(String.join(" ", row));
                }
            }
            return values;
        }
    }

    /** Django's index name for a column of {@code table}: the MD5 of table and column names. */
    protected static String djangoIndex(String table, String column, String suffix) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((table + column).getBytes(StandardCharsets.UTF_8));
            return table + "_" + column + "_" + HexFormat.of().formatHex(md5.digest()).substring(0, 8)
                    + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Django's CREATE TABLE for the session table and its CREATE INDEX on {@code expire_date}, names quoted
     * with {@code quote}, with this database's column types; {@code keyIndexes} come between the two.
     */
    protected static List<String> djangoTableDdl(String quote, String table, String dataType, String dateType,
            String... keyIndexes) {
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE " + quote + table + quote + " (" + quote + "session_key" + quote
                + " varchar(40) NOT NULL PRIMARY KEY, " + quote + "session_data" + quote + " " + dataType
                + " NOT NULL, " + quote + "expire_date" + quote + " " + dateType + " NOT NULL)");
        ddl.addAll(List.of(keyIndexes));
        ddl.add("CREATE INDEX " + quote + djangoIndex(table, "expire_date", "") + quote + " ON " + quote
                + table + quote + " (" + quote + "expire_date" + quote + ")");
        return List.copyOf(ddl);
    }

    /** Django's text for a UTC instant on SQLite: {@code str(datetime)}. */
    protected static String djangoText(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        int micros = t.getNano() / 1000;
        return DJANGO_TEXT.format(t) + (micros == 0 ? "" : String.format(".%06d", micros));
    }
}
