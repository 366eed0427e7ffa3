/** The {@code db} engine: Django's {@code django_session} table on SQLite, PostgreSQL and MariaDB/MySQL. */
module dev.cloakroom.jdbc {
    exports dev.cloakroom.jdbc;

    requires transitive dev.cloakroom;
    requires transitive dev.cloakroom.config;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires static transitive org.jspecify;

    provides dev.cloakroom.config.EngineFactory with dev.cloakroom.jdbc.JdbcEngineFactory;
}
