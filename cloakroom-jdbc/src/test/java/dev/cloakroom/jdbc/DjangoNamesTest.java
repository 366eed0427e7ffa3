package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DjangoNamesTest {

    /**
     * The names in Django's DDL for django_session (as Django's migration sessions.0001_initial makes them).
     */
    @Test
    void djangoSessionIndexNamesAreDjangos() {
        assertThat(DjangoNames.indexName("django_session", "expire_date", "", 63))
                .isEqualTo("django_session_expire_date_a5c62663");
        assertThat(DjangoNames.indexName("django_session", "session_key", "_like", 63))
                .isEqualTo("django_session_session_key_c0390e0f_like");
    }

    /** Django's shortening: halves of table and column around the hash, within the database's limit. */
    @Test
    void longNamesAreShortenedAsDjangoDoes() {
        String table = "a_very_long_session_table_name_that_goes_on_and_on_forever";
        String name = DjangoNames.indexName(table, "expire_date", "", 63);
        String digest = DjangoNames.namesDigest(table, "expire_date");
        assertThat(name).hasSizeLessThanOrEqualTo(63)
                .isEqualTo(table.substring(0, 26) + "_expire_date_" + digest);
    }

    @Test
    void namesStartingWithAnUnderscoreGetADPrefix() {
        String table = "_" + "x".repeat(60);
        String digest = DjangoNames.namesDigest(table, "expire_date");
        assertThat(DjangoNames.indexName(table, "expire_date", "", 63))
                .isEqualTo("D_" + "x".repeat(25) + "_expire_date_" + digest.substring(0, 7));
    }
}
