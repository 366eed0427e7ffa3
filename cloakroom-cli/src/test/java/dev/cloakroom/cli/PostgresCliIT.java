package dev.cloakroom.cli;

import dev.cloakroom.testservers.ClassSchema;
import dev.cloakroom.testservers.RealServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI on the db engine on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresCliIT extends DbCliContract {

    @RegisterExtension
    static final ClassSchema DB = RealServers.postgresSchema();

    @Override
    String databaseUrl() {
        return DB.url();
    }
}
