package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.RealServers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code cloakroom.engine=db} with {@code cloakroom.jdbc.url} on PostgreSQL, in an application without a
 * DataSource.
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.SECRET, TestProperties.NO_DATA_SOURCE, "cloakroom.engine=db"})
class DbOnJdbcUrlIT {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.postgres();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cloakroom.jdbc.url", DB::url);
        registry.add("cloakroom.jdbc.table", DB::table);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void sessionsAreStoredInTheTableOfTheUrl() throws SQLException {
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
        Browser browser = new Browser(context);
        HttpResponse<String> put = browser.get("/put?key=cart&value=pg");
        String key = Browser.cookie(put, "sessionid");
        assertThat(browser.get("/get?key=cart").body()).isEqualTo("pg");
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT session_data FROM " + DB.table()
                        + " WHERE session_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isNotBlank();
            }
        }
    }

    @Test
    void theHealthIndicatorIsUp() {
        HttpResponse<String> health = new Browser(context).get("/actuator/health/cloakroom");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
