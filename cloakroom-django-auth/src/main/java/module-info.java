/** A Django application's users from Java: its password hashers and its {@code auth_user} table. */
module dev.cloakroom.djangoauth {
    exports dev.cloakroom.djangoauth;

    requires transitive dev.cloakroom;
    requires transitive java.sql;
    requires org.bouncycastle.provider;
    requires static transitive org.jspecify;
}
