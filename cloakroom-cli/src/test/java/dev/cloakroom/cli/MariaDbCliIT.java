package dev.cloakroom.cli;

import dev.cloakroom.testservers.ClassSchema;
import dev.cloakroom.testservers.RealServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI on the db engine on MariaDB, in a database of its own that is dropped afterwards. */
class MariaDbCliIT extends DbCliContract {

    @RegisterExtension
    static final ClassSchema DB = RealServers.mariadbDatabase();

    @Override
    String databaseUrl() {
        return DB.url();
    }
}
