package dev.cloakroom.testservers;

/**
 * The one way tests get the real servers they run on, as JUnit extensions for a static
 * {@code @RegisterExtension} field: a database or a Redis key space of the test class's own, opened before
 * its first test and cleaned up after its last. A server that is not running fails the class; nothing is
 * ever skipped.
 *
 * <pre>{@code
 * @RegisterExtension static final ClassDatabase DB = RealServers.postgres();   // or mariadb(), sqlite()
 * @RegisterExtension static final ClassSchema EMPTY = RealServers.postgresSchema(); // or mariadbDatabase()
 * @RegisterExtension static final ClassRedis REDIS = RealServers.redis();
 * ... DB.dataSource(), DB.table(), EMPTY.url(), REDIS.url(), REDIS.prefix()
 * }</pre>
 */
public final class RealServers {

    private RealServers() {
    }

    /** A pool on the test PostgreSQL and a table name of the class's own, dropped after it. */
    public static ClassDatabase postgres() {
        return ClassDatabase.on(TestDatabases::postgres);
    }

    /** A pool on the test MariaDB and a table name of the class's own, dropped after it. */
    public static ClassDatabase mariadb() {
        return ClassDatabase.on(TestDatabases::mariadb);
    }

    /** A pool on an SQLite file of the class's own and a table name, deleted after it. */
    public static ClassDatabase sqlite() {
        return ClassDatabase.onSqlite();
    }

    /** An empty PostgreSQL schema of the class's own, dropped with its tables after it. */
    public static ClassSchema postgresSchema() {
        return new ClassSchema(true);
    }

    /** An empty MariaDB database of the class's own, dropped with its tables after it. */
    public static ClassSchema mariadbDatabase() {
        return new ClassSchema(false);
    }

    /** A key prefix of the class's own on the shared test Redis; its keys are deleted after the class. */
    public static ClassRedis redis() {
        return new ClassRedis();
    }

    /** A {@code redis-server} process of the class's own, which tests may kill, pause and restart. */
    public static PrivateRedis.PerClass privateRedis(String... extraArguments) {
        return PrivateRedis.perClass(extraArguments);
    }
}
