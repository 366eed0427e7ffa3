package dev.cloakroom.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SQL the engine runs, built once per engine from the dialect, table and user column. Every
 * statement is a single round trip on the primary key (or on an index) with bound parameters; the
 * current time is always a parameter from the engine's clock, never the database's {@code now()}.
 *
 * @param load session_data, expire_date [, user] of a live row: (key, now)
 * @param insert a new row: (key, data, expire_date [, user]); a taken key inserts nothing or throws
 * @param replace compare-and-set: (data, expire_date [, user], key, loaded data)
 * @param replaceByDigest the same comparing the MD5 of the data: (data, expire_date [, user], key, MD5 hex
 *     of the loaded data); null where the dialect has no digest
 * @param overwrite the same without the data condition: (data, expire_date [, user], key)
 * @param currentData session_data of a row, live or not: (key); only after a save matched no row
 * @param exists a row, live or not: (key)
 * @param delete (key)
 * @param deleteExpiredBatch (now, batch size)
 * @param find key, data, expire_date [, user] of a row, live or not: (key)
 * @param live key, data, expire_date [, user] of live rows, soonest expiry first: (now); a LIMIT may
 *     follow
 * @param stats live rows, all rows, total and largest data length: (now)
 * @param sessionsOf key, expire_date of a user's live rows: (user, now); null without a user column
 * @param revokeAll (user); null without a user column
 * @param revokeAllExcept (user, key); null without a user column
 */
record SqlStatements(String load, String insert, String replace, @Nullable String replaceByDigest,
        String overwrite, String currentData,
        String exists, String delete, String deleteExpiredBatch, String find, String live, String stats,
        @Nullable String sessionsOf,
        @Nullable String revokeAll, @Nullable String revokeAllExcept) {

    static SqlStatements of(SqlDialect dialect, String table, @Nullable String userColumn) {
        String t = dialect.quote(table);
        String key = dialect.quote("session_key");
        String data = dialect.quote("session_data");
        String expire = dialect.quote("expire_date");
        String user = userColumn == null ? null : dialect.quote(userColumn);

        List<String> columns = new ArrayList<>(List.of(key, data, expire));
        String set = data + " = ?, " + expire + " = ?";
        String selected = data + ", " + expire;
        if (user != null) {
            columns.add(user);
            set += ", " + user + " = ?";
            selected += ", " + user;
        }
        String digest = dialect.dataDigestMatches(data);
        String byKey = " WHERE " + key + " = ?";
        String row = "SELECT " + key + ", " + selected + " FROM " + t;
        return new SqlStatements(
                "SELECT " + selected + " FROM " + t + byKey + " AND " + expire + " > ?",
                dialect.insert(t, columns),
                "UPDATE " + t + " SET " + set + byKey + " AND " + dialect.dataMatches(data),
                digest == null ? null : "UPDATE " + t + " SET " + set + byKey + " AND " + digest,
                "UPDATE " + t + " SET " + set + byKey,
                "SELECT " + data + " FROM " + t + byKey,
                "SELECT 1 FROM " + t + byKey,
                "DELETE FROM " + t + byKey,
                dialect.deleteExpiredBatch(t, expire, key),
                row + byKey,
                row + " WHERE " + expire + " > ? ORDER BY " + expire + ", " + key,
                "SELECT COALESCE(SUM(CASE WHEN " + expire + " > ? THEN 1 ELSE 0 END), 0), COUNT(*), "
                        + "COALESCE(SUM(LENGTH(" + data + ")), 0), "
                        + "COALESCE(MAX(LENGTH(" + data + ")), 0) FROM " + t,
                user == null ? null : "SELECT " + key + ", " + expire + " FROM " + t + " WHERE " + user
                        + " = ? AND " + expire + " > ? ORDER BY " + expire + ", " + key,
                user == null ? null : "DELETE FROM " + t + " WHERE " + user + " = ?",
                user == null ? null : "DELETE FROM " + t + " WHERE " + user + " = ? AND " + key + " <> ?");
    }
}
