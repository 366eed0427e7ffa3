package dev.cloakroom.interop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the database's own catalogue says about the {@code django_session} table: columns and indexes. */
final class Catalog {

    private static final String SQLITE = """
            SELECT 'column ' || name || ' ' || type || ' notnull=' || "notnull" || ' pk=' || pk
            FROM pragma_table_info('django_session')
            UNION ALL
            SELECT 'index ' || il.name || ' unique=' || il."unique" || ' on ' || ii.name
            FROM pragma_index_list('django_session') AS il JOIN pragma_index_info(il.name) AS ii
            ORDER BY 1""";
    private static final String POSTGRES = """
            SELECT 'column ' || column_name || ' ' || data_type
                   || ' ' || coalesce(character_maximum_length, 0) || ' nullable=' || is_nullable
            FROM information_schema.columns WHERE table_name = 'django_session'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE tablename = 'django_session'
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = 'django_session'::regclass
            ORDER BY 1""";
    private static final String MARIADB = """
            SELECT CONCAT('column ', column_name, ' ', column_type, ' nullable=', is_nullable,
                          ' key=', column_key, ' collation=', COALESCE(collation_name, '-'))
            FROM information_schema.columns
            WHERE table_schema = DATABASE() AND table_name = 'django_session'
            UNION ALL
            SELECT CONCAT('index ', index_name, ' unique=', 1 - non_unique, ' on ', column_name)
            FROM information_schema.statistics
            WHERE table_schema = DATABASE() AND table_name = 'django_session'
            ORDER BY 1""";

    private Catalog() {
    }

    /** One line per column, index and constraint of {@code django_session}, sorted. */
    static List<String> describeSessionTable(SharedDatabase database) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(query(database))) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    private static String query(SharedDatabase database) {
        if (database instanceof SqliteDatabase) {
            return SQLITE;
        }
        return database instanceof ServerDatabase server && server.isMariadb() ? MARIADB : POSTGRES;
    }
}
