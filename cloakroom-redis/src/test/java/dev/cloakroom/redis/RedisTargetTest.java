package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The URI forms the engine accepts, and the names messages use for them. No server needed. */
class RedisTargetTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private static RedisTarget parse(String uri) {
        return RedisTarget.parse(List.of(uri), false, TIMEOUT);
    }

    private static RedisCredentials credentials(RedisURI uri) {
        return uri.getCredentialsProvider().resolveCredentials().block();
    }

    @Test
    void standaloneUriWithDatabaseAndPassword() {
        RedisTarget target = parse("redis://:s3cret@cache.internal:6380/3");
        assertThat(target.kind()).isEqualTo(RedisTarget.Kind.STANDALONE);
        RedisURI uri = target.uris().get(0);
        assertThat(uri.getHost()).isEqualTo("cache.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(3);
        assertThat(credentials(uri).getPassword()).containsExactly("s3cret".toCharArray());
        assertThat(uri.getTimeout()).isEqualTo(TIMEOUT);
        assertThat(target.toString()).isEqualTo("Redis at cache.internal:6380 (database 3)")
                .doesNotContain("s3cret");
    }

    @Test
    void defaultPortAndDatabase() {
        RedisTarget target = parse("redis://127.0.0.1");
        assertThat(target.toString()).isEqualTo("Redis at 127.0.0.1:6379");
    }

    @Test
    void userAndPasswordForAcl() {
        RedisURI uri = parse("redis://app:pw@127.0.0.1:6379/0").uris().get(0);
        assertThat(credentials(uri).getUsername()).isEqualTo("app");
        assertThat(credentials(uri).getPassword()).containsExactly("pw".toCharArray());
    }

    @Test
    void tlsUri() {
        RedisTarget target = parse("rediss://cache.example.com:6380");
        assertThat(target.uris().get(0).isSsl()).isTrue();
        assertThat(target.toString()).isEqualTo("Redis at cache.example.com:6380");
    }

    @Test
    void sentinelUriNamesMasterAndSentinels() {
        RedisTarget target = parse("redis-sentinel://:pw@10.0.0.1:26379,10.0.0.2:26380/2#sessions");
        assertThat(target.kind()).isEqualTo(RedisTarget.Kind.SENTINEL);
        RedisURI uri = target.uris().get(0);
        assertThat(uri.getSentinelMasterId()).isEqualTo("sessions");
        assertThat(uri.getSentinels()).extracting(RedisURI::getPort).containsExactly(26379, 26380);
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(target.toString())
                .isEqualTo("Redis master 'sessions' (database 2) via Sentinel at "
                        + "10.0.0.1:26379,10.0.0.2:26380");
    }

    @Test
    void sentinelUriWithoutMasterIsRefused() {
        assertThatThrownBy(() -> parse("redis-sentinel://10.0.0.1:26379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#<master name>");
    }

    @Test
    void severalUrisMeanACluster() {
        RedisTarget target = RedisTarget.parse(List.of("redis://10.0.0.1:7000,redis://10.0.0.2:7001"), false,
                TIMEOUT);
        assertThat(target.kind()).isEqualTo(RedisTarget.Kind.CLUSTER);
        assertThat(target.uris()).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        assertThat(target.toString()).isEqualTo("Redis Cluster at 10.0.0.1:7000,10.0.0.2:7001");
        assertThat(RedisTarget.parse(List.of("redis://10.0.0.1:7000", "redis://10.0.0.2:7001"), false,
                TIMEOUT)
                .kind()).isEqualTo(RedisTarget.Kind.CLUSTER);
    }

    @Test
    void oneUriWithTheClusterOptionIsAClusterSeed() {
        RedisTarget target = RedisTarget.parse(List.of("redis://10.0.0.1:7000"), true, TIMEOUT);
        assertThat(target.kind()).isEqualTo(RedisTarget.Kind.CLUSTER);
    }

    @Test
    void clusterWithADatabaseOrASentinelIsRefused() {
        assertThatThrownBy(() -> RedisTarget.parse(List.of("redis://10.0.0.1:7000/1"), true, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only database 0");
        assertThatThrownBy(() -> RedisTarget.parse(List.of("redis-sentinel://10.0.0.1:26379#m"), true,
                TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 'redis-sentinel://");
    }

    @Test
    void unknownSchemeIsRefusedWithTheAcceptedFormsAndNoPassword() {
        assertThatThrownBy(() -> parse("http://user:hunter2@127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a Redis URI: 'http://***@127.0.0.1:6379'")
                .hasMessageContaining("redis-sentinel://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("127.0.0.1:6379")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a Redis URI");
    }

    @Test
    void emptyUriIsRefused() {
        assertThatThrownBy(() -> parse("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void malformedUriIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> parse("redis://:hunter2@127.0.0.1:notaport"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void maskHidesUserInfoOnly() {
        assertThat(RedisTarget.mask("redis://u:p@h:1/0")).isEqualTo("redis://***@h:1/0");
        assertThat(RedisTarget.mask("redis://h:1/0")).isEqualTo("redis://h:1/0");
    }
}
