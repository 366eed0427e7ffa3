package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.StoredSession;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.spring.boot.CloakroomAutoConfiguration;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.Eventually;
import dev.cloakroom.testservers.RealServers;
import jakarta.servlet.DispatcherType;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With no {@code cloakroom.engine}, the sessions go to the application's own DataSource (SQLite here), in
 * Django's table, through the filter registered first; clearsessions runs on a one-second delay.
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.SECRET, "cloakroom.clearsessions.enabled=true",
            "cloakroom.clearsessions.fixed-delay=1"})
class DbOnApplicationDataSourceIT {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.sqlite();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("cloakroom.jdbc.table", DB::table);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aSessionWrittenByOneRequestIsReadByTheNextThroughBothViews() {
        Browser browser = new Browser(context);
        HttpResponse<String> put = browser.get("/put?key=cart&value=three");
        assertThat(put.body()).isEqualTo("stored");
        assertThat(Browser.setCookie(put, "sessionid")).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=1209600");
        assertThat(browser.get("/get?key=cart").body()).isEqualTo("three");
        assertThat(browser.get("/http-session/get?key=cart").body()).isEqualTo("three");
        assertThat(browser.get("/http-session/class").body()).startsWith("dev.cloakroom.servlet.");
    }

    @Test
    void aSessionWrittenDuringAnAsyncDispatchIsSaved() {
        Browser browser = new Browser(context);
        assertThat(browser.get("/async-put?key=later&value=async").body()).isEqualTo("stored later");
        assertThat(browser.get("/get?key=later").body()).isEqualTo("async");
    }

    @Test
    void theEngineIsDbOnTheApplicationsDataSourceAndTheRowIsInItsTable() throws SQLException {
        assertThat(context.getBean(SessionEngine.class)).isInstanceOf(JdbcEngine.class);
        Browser browser = new Browser(context);
        String key = Browser.cookie(browser.get("/put?key=a&value=b"), "sessionid");
        assertThat(rows(key)).isEqualTo(1);
    }

    @Test
    void theFilterIsFirstForRequestAsyncAndErrorDispatches() {
        @SuppressWarnings("unchecked")
        FilterRegistrationBean<SessionFilter> registration =
                context.getBean("cloakroomSessionFilter", FilterRegistrationBean.class);
        assertThat(registration.getFilter()).isInstanceOf(SessionFilter.class);
        assertThat(registration.getOrder()).isEqualTo(CloakroomAutoConfiguration.FILTER_ORDER)
                .isLessThan(-100); // Spring Security's chain
        assertThat(registration.isAsyncSupported()).isTrue();
        assertThat(registration.getUrlPatterns()).containsExactly("/*");
        assertThat(EnumSet.copyOf(registration.determineDispatcherTypes()))
                .isEqualTo(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        HttpResponse<String> response = new Browser(context).get("/key");
        assertThat(response.headers().firstValue("X-Session-Before-Security")).hasValue("true");
    }

    @Test
    void theHealthIndicatorIsUpWhileTheDatabaseAnswers() {
        HttpResponse<String> health = new Browser(context).get("/actuator/health/cloakroom");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("JdbcEngine");
    }

    @Test
    void clearsessionsDeletesExpiredRowsOnItsSchedule() {
        ServerSideEngine engine = (ServerSideEngine) context.getBean(SessionEngine.class);
        String expiring = "expiredbyaminute0000000000000001";
        Instant aMinuteAgo = Instant.now().minusSeconds(60);
        assertThat(engine.create(new StoredSession(expiring, "", aMinuteAgo, null))).isTrue();
        String lasting = Browser.cookie(new Browser(context).get("/put?key=k&value=v"), "sessionid");
        Eventually.succeeds(Duration.ofSeconds(20), () -> { // the one-second delay, not an expiry
            assertThat(rows(expiring)).isZero();
            assertThat(rows(expiring)).isZero();
            return null;
        });
        assertThat(rows(lasting)).isEqualTo(1);
    }

    private static int rows(String key) {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + DB.table()
                        + " WHERE session_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
