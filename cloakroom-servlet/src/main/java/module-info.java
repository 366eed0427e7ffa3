/** The Jakarta Servlet filter, the {@code HttpSession} bridge and the CSRF and messages filters. */
module dev.cloakroom.servlet {
    exports dev.cloakroom.servlet;
    exports dev.cloakroom.servlet.contrib;

    requires transitive dev.cloakroom;
    requires dev.cloakroom.config;
    requires transitive jakarta.servlet;
    requires org.slf4j;
    requires static transitive org.jspecify;
}
