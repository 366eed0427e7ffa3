package dev.cloakroom.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Index names as Django's schema editor makes them ({@code BaseDatabaseSchemaEditor._create_index_name}),
 * so the indexes of a table Cloakroom creates are the ones {@code manage.py migrate} would have made:
 * {@code django_session_expire_date_a5c62663}.
 */
final class DjangoNames {

    private DjangoNames() {
    }

    /** {@code <table>_<column>_<md5(table + column)[:8]><suffix>}, shortened as Django does when too long. */
    static String indexName(String table, String column, String suffix, int maxLength) {
        String hashSuffix = namesDigest(table, column) + suffix;
        String name = table + "_" + column + "_" + hashSuffix;
        if (name.length() <= maxLength) {
            return name;
        }
        if (hashSuffix.length() > maxLength / 3) {
            hashSuffix = hashSuffix.substring(0, maxLength / 3);
        }
        int otherLength = (maxLength - hashSuffix.length()) / 2 - 1;
        name = prefix(table, otherLength) + "_" + prefix(column, otherLength) + "_" + hashSuffix;
        if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
            name = "D" + name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** Django's {@code names_digest(*args, length=8)}: the MD5 of the concatenated names, in hex. */
    static String namesDigest(String... names) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String name : names) {
                md5.update(name.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md5.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static String prefix(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }
}
