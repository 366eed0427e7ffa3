package dev.cloakroom.interop;

import dev.cloakroom.Session;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other way round: Cloakroom's {@code migrate()} creates {@code django_session} in an empty database,
 * then Django's {@code migrate --fake-initial} takes it as its own, and both sides share it. The table is
 * compared, column by column and index by index, with the one Django's migrate makes in a database of
 * its own.
 */
abstract class CloakroomMadeTableInterop extends InteropTestBase {

    private List<String> cloakroomDdl;

    @Override
    protected boolean djangoCreatesTables() {
        return false;
    }

    /**
     * A second, empty database of the same kind, where Django makes its own table for comparison: another
     * {@link #openDatabase} (a new server database, or a new SQLite file in {@code directory}).
     */
    protected SharedDatabase openReferenceDatabase(Path directory) {
        return openDatabase(directory);
    }

    @BeforeAll
    void cloakroomCreatesTheTableThenDjangoMigrates() {
        engine = database.engine(clock, false);
        cloakroomDdl = engine.migrate();
        django.migrate("--fake-initial");
    }

    @Test
    void cloakroomCreatedTheTableAndDjangoTookItAsItsOwn() {
        assertThat(cloakroomDdl).anySatisfy(ddl -> assertThat(ddl).contains("CREATE TABLE"));
        assertThat(django.run(null, "showmigrations", "sessions")).contains("[X] 0001_initial");
        assertThat(engine.migrate()).as("nothing left to do").isEmpty();
    }

    @Test
    void tableIsTheOneDjangoMakes(@TempDir Path directory) throws SQLException {
        try (SharedDatabase reference = openReferenceDatabase(directory)) {
            Django.on(reference, secret).migrate();

            assertThat(Catalog.describeSessionTable(database))
                    .hasSizeGreaterThanOrEqualTo(5)
                    .containsExactlyElementsOf(Catalog.describeSessionTable(reference));
        }
    }

    @Test
    void sessionsWrittenByEachSideAreReadByTheOther() {
        Map<String, Object> data = InteropData.mixed();
        String fromDjango = django.post("/session/", null, data).requireSessionCookie();
        String fromCloakroom = cloakroomWrites(data);

        Session session = cloakroomOpens(fromDjango);

        assertThat(session.keys()).containsExactlyElementsOf(data.keySet());
        assertSameJson(session.get("nested"), data.get("nested"));
        assertSameJson(django.get("/session/", fromCloakroom).data(), data);
    }

    @Test
    void djangoClearsessionsRunsOnTheTable() {
        String live = cloakroomWrites(Map.of("x", 1));

        django.clearsessions();

        assertThat(django.get("/session/", live).data()).containsEntry("x", 1);
    }
}
