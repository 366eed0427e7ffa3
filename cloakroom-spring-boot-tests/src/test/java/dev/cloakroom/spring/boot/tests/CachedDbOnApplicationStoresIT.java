package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestRedis;
import io.lettuce.core.RedisURI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code cloakroom.engine=cached_db} with neither URL: Boot's Redis in front of the application's DataSource
 * (PostgreSQL).
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.SECRET, "cloakroom.engine=cached_db"})
class CachedDbOnApplicationStoresIT {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.postgres();

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("cloakroom.jdbc.table", DB::table);
        RedisURI uri = RedisURI.create(REDIS.url());
        registry.add("spring.data.redis.host", uri::getHost);
        registry.add("spring.data.redis.port", uri::getPort);
        registry.add("cloakroom.redis.key-prefix", REDIS::prefix);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aSessionIsInTheTableAndInRedis() throws SQLException {
        Browser browser = new Browser(context);
        String key = Browser.cookie(browser.get("/put?key=cart&value=both"), "sessionid");
        assertThat(browser.get("/get?key=cart").body()).isEqualTo("both");
        List<String> keys = TestRedis.with(redis -> TestRedis.keys(redis, REDIS.prefix()));
        assertThat(keys).anySatisfy(k -> assertThat(k).contains(key));
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + DB.table()
                        + " WHERE session_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}
