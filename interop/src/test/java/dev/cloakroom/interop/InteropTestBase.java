package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.signing.PythonJson;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides on one database and one secret: Django (a real 3.2 or 5.2, {@link Django#UNDER_TEST}, with
 * Cloakroom's {@code djangoVersion} set to match) and Cloakroom's
 * {@code db} engine on the {@code django_session} table Django's migrate made. A subclass per database
 * says which ({@link #openDatabase}). Cloakroom's time is {@link #clock}, reset to the real time before
 * each test because Django's is the real time unless a test shifts it with {@link Django#at}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InteropTestBase {

    protected final String secret = randomSecret();
    protected final MutableClock clock = MutableClock.at(Instant.now());
    protected SharedDatabase database;
    protected Django django;
    protected JdbcEngine engine;
    protected SessionSettings settings;

    /** The database this class runs on, made fresh for it. */
    protected abstract SharedDatabase openDatabase(Path directory);

    /** Whether Django's {@code migrate} makes the tables before the tests; by default yes. */
    protected boolean djangoCreatesTables() {
        return true;
    }

    @BeforeAll
    void startBothSides(@TempDir Path directory) {
        database = openDatabase(directory);
        django = Django.on(database, secret);
        if (djangoCreatesTables()) {
            django.migrate();
            engine = database.engine(clock);
        }
        settings = SessionSettings.builder().secretKey(secret).clock(clock)
                .djangoVersion(Django.UNDER_TEST.version()).build();
    }

    @BeforeEach
    void useTheRealTime() {
        clock.set(Instant.now());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** Saves a new Cloakroom session holding {@code data}; returns its key. */
    protected String cloakroomWrites(Map<String, ?> data) {
        Session session = Session.open(engine, settings, null);
        session.update(data);
        session.save();
        return session.key();
    }

    /** Opens the Cloakroom session of {@code key}, as a request with that cookie would. */
    protected Session cloakroomOpens(@Nullable String key) {
        return Session.open(engine, settings, key);
    }

    /** Asserts that two JSON trees are the same, value types included, by comparing Python's JSON text. */
    protected static void assertSameJson(@Nullable Object actual, @Nullable Object expected) {
        assertThat(PythonJson.dumps(actual)).isEqualTo(PythonJson.dumps(expected));
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "interop-" + HexFormat.of().formatHex(bytes);
    }
}
