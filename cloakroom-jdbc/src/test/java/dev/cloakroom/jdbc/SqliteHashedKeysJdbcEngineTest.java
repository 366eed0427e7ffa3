package dev.cloakroom.jdbc;

import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.RealServers;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys hashed at rest on SQLite. */
class SqliteHashedKeysJdbcEngineTest extends HashedKeysJdbcContract {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.sqlite();

    @Override
    DataSource dataSource() {
        return DB.dataSource();
    }

    @Override
    String table() {
        return DB.table();
    }
}
