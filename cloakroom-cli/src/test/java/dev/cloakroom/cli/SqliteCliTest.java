package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.jdbc.JdbcEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI on the db engine on SQLite, the default. */
class SqliteCliTest extends DbCliContract {

    @Override
    String databaseUrl() {
        return "jdbc:sqlite:" + directory.resolve("sessions.sqlite3");
    }

    @Test
    void withNothingConfiguredTheDatabaseIsCloakroomSqlite3InTheWorkingDirectory() throws Exception {
        CliRun run = CliRun.run(Map.of("CLOAKROOM_SECRET_KEY", SECRET), directory, "migrate");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(directory.resolve("cloakroom.sqlite3")).exists();
        assertThat(run.out()).contains("jdbc:sqlite:" + directory.resolve("cloakroom.sqlite3"));
    }

    @Test
    void listAndRevokeByUserWorkWithoutAUserColumnByDecodingSessions() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("django-only.sqlite3");
        try (JdbcEngine djangoTable = JdbcEngine.builder(url).clock(clock).build()) {
            Session alice = Session.open(djangoTable, settings, null);
            alice.put("_auth_user_id", "1");
            alice.save();
            Session bob = Session.open(djangoTable, settings, null);
            bob.put("_auth_user_id", "2");
            bob.save();
            Map<String, String> env = Map.of("CLOAKROOM_DATABASE_URL", url, "CLOAKROOM_SECRET_KEY", SECRET);

            CliRun list = CliRun.run(env, directory, "list", "--user", "1");
            assertThat(list.status()).as(list.err()).isZero();
            assertThat(list.out()).contains(alice.key()).doesNotContain(bob.key())
                    .contains("1 session of user 1.");

            CliRun revoke = CliRun.run(env, directory, "revoke", "--user", "1");
            assertThat(revoke.out()).contains("Revoked 1 session of user 1.");
            assertThat(djangoTable.exists(alice.key())).isFalse();
            assertThat(djangoTable.exists(bob.key())).isTrue();
        }
    }
}
