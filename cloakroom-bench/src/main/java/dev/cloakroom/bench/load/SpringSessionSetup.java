package dev.cloakroom.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session exactly as its annotations configure it, without a Spring container, so the comparison
 * is with what a Spring application gets by default:
 * <ul>
 *   <li>{@link #redis}: what {@code @EnableRedisHttpSession} builds ({@code RedisHttpSessionConfiguration}):
 *       a {@link RedisSessionRepository} over a {@code RedisTemplate} with string keys and hash keys and the
 *       default (JDK serialization) value serializer, on a {@link LettuceConnectionFactory} with its
 *       defaults (one shared native connection); namespace {@code spring:session}, 30-minute max inactive
 *       interval, {@code FlushMode.ON_SAVE}, {@code SaveMode.ON_SET_ATTRIBUTE}.</li>
 *   <li>{@link #jdbc}: what {@code @EnableJdbcHttpSession} builds ({@code JdbcHttpSessionConfiguration}): a
 *       {@link JdbcIndexedSessionRepository} over a {@code JdbcTemplate} with Spring's SQL error translator
 *       and a {@code TransactionTemplate} with {@code PROPAGATION_REQUIRES_NEW} on a
 *       {@link DataSourceTransactionManager}; table {@code SPRING_SESSION} from Spring Session's
 *       {@code schema-postgresql.sql}; JDK serialization of attributes; principal-name index; the default
 *       cleanup job (cron {@code 0 * * * * *}, every minute); {@code FlushMode.ON_SAVE},
 *       {@code SaveMode.ON_SET_ATTRIBUTE}, 30-minute max inactive interval.</li>
 * </ul>
 * Both sit behind Spring Session's {@code SessionRepositoryFilter} with its default cookie ({@code SESSION},
 * base64 of a random UUID).
 */
final class SpringSessionSetup {

    private SpringSessionSetup() {
    }

    /** Spring Data Redis's connection factory for {@code host:port/database}, started. */
    static LettuceConnectionFactory redisConnectionFactory(String host, int port, int database) {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(host, port);
        config.setDatabase(database);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** The repository {@code @EnableRedisHttpSession} configures. */
    static RedisSessionRepository redis(LettuceConnectionFactory factory) {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.setConnectionFactory(factory);
        template.setBeanClassLoader(SpringSessionSetup.class.getClassLoader());
        template.afterPropertiesSet();
        return new RedisSessionRepository(template);
    }

    /** The repository {@code @EnableJdbcHttpSession} configures, with its cleanup job started. */
    static JdbcIndexedSessionRepository jdbc(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
        jdbc.afterPropertiesSet();
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.afterPropertiesSet();
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc, transactions);
        repository.afterPropertiesSet();
        return repository;
    }

    /** Creates Spring Session's tables from its own {@code schema-postgresql.sql} unless they exist. */
    static void createJdbcSchema(DataSource dataSource) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet rows = c.getMetaData().getTables(null, null, "spring_session", null)) {
                if (rows.next()) {
                    return;
                }
            }
            String schema;
            try (InputStream in =
                    JdbcIndexedSessionRepository.class.getResourceAsStream("schema-postgresql.sql")) {
                if (in == null) {
                    throw new IllegalStateException("spring-session-jdbc has no schema-postgresql.sql");
                }
                schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Statement s = c.createStatement()) {
                for (String ddl : schema.split(";")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
            }
        }
    }
}
