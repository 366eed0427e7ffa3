package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.testservers.TcpProxy;
import dev.cloakroom.testservers.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database goes away while the engine runs (a TCP proxy in front of the real server is cut, or stops
 * answering): requests fail fast with a clear exception instead of hanging or seeing an empty session,
 * and the engine recovers by itself when the database is back.
 */
class DatabaseOutageIT {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofMillis(1500);

    private final SessionSettings settings = SessionSettings.builder().secretKey("outage-secret").build();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void requestsFailFastDuringAnOutageAndTheEngineRecoversAfterIt(String database) throws Exception {
        boolean postgres = database.equals("postgresql");
        String table = TestDatabases.uniqueTableName();
        try (TcpProxy proxy = TcpProxy.forwardingTo(postgres ? 5432 : 3306);
                HikariDataSource direct = postgres ? TestDatabases.postgres() : TestDatabases.mariadb()) {
            String url = postgres ? "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?user=postgres"
                    : "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/test?user=root&sslMode=disable";
            try (JdbcEngine engine = JdbcEngine.builder(url).table(table)
                    .connectionTimeout(CONNECTION_TIMEOUT)
                    .statementTimeout(STATEMENT_TIMEOUT).build()) {
                Session session = Session.open(engine, settings, null);
                session.put("cart", 3);
                session.save();
                String key = session.key();

                proxy.stop();
                assertFailsFast(() -> Session.open(engine, settings, key).get("cart"), proxy.port());

                proxy.start();
                assertThat(Session.open(engine, settings, key).get("cart")).as("after the restart")
                        .isEqualTo(3);

                proxy.blackhole();
                assertFailsFast(() -> Session.open(engine, settings, key).get("cart"), proxy.port());

                proxy.start();
                Session again = Session.open(engine, settings, key);
                again.put("cart", 4);
                again.save();
                assertThat(Session.open(engine, settings, key).get("cart")).isEqualTo(4);
            } finally {
                TestDatabases.dropTable(direct, table);
            }
        }
    }

    private static void assertFailsFast(Runnable request, int port) {
        long started = System.nanoTime();
        assertThatThrownBy(request::run).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("load session");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to fail")
                .isLessThan(CONNECTION_TIMEOUT.plus(STATEMENT_TIMEOUT).plus(MARGIN));
    }
}
