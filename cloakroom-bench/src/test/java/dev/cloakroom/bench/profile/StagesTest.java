package dev.cloakroom.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StagesTest {

    @Test
    void theInnermostMatchingFrameDecides() {
        // Lettuce called from Cloakroom's engine, called from the filter, on a Jetty thread
        assertThat(Stages.of(List.of("java.util.HashMap.get", "io.lettuce.core.RedisPublisher.subscribe",
                "dev.cloakroom.redis.RedisEngine.load", "dev.cloakroom.servlet.SessionFilter.doFilter",
                "org.eclipse.jetty.server.Server.handle"))).isEqualTo("Redis client");
        // the HMAC under the signer is signing, the signer under the codec too
        assertThat(Stages.of(List.of("com.sun.crypto.provider.HmacCore.engineDoFinal",
                "javax.crypto.Mac.doFinal", "dev.cloakroom.signing.SaltedHmac.compute",
                "dev.cloakroom.internal.SessionCodec.encode"))).isEqualTo("HMAC/signing");
        // the JSON writer's StringBuilder work is the JSON writer's
        assertThat(Stages.of(List.of("java.lang.AbstractStringBuilder.append",
                "dev.cloakroom.signing.PythonJsonWriter.write", "dev.cloakroom.signing.Signer.sign")))
                .isEqualTo("JSON");
    }

    @Test
    void theFirstRuleWinsWhereOneFrameMatchesSeveral() {
        // Base64Url is in dev.cloakroom.signing, which the signing rule matches too
        assertThat(Stages.of(List.of("dev.cloakroom.signing.Base64Url.encode"))).isEqualTo("base64");
        // SecureRandom's provider is in sun.security, which the signing rule matches too
        assertThat(Stages.of(List.of("sun.security.provider.NativePRNG.engineNextBytes",
                "java.security.SecureRandom.nextBytes", "dev.cloakroom.internal.SessionKeys.newKey")))
                .isEqualTo("session key (random)");
        assertThat(Stages.of(List.of("sun.security.provider.SHA2.implCompress")))
                .isEqualTo("HMAC/signing");
        // the cookie header is the middleware's, but not the rest of the middleware
        assertThat(Stages.of(List.of("dev.cloakroom.middleware.SetCookieHeader.format")))
                .isEqualTo("cookie header, dates");
        assertThat(Stages.of(List.of("dev.cloakroom.middleware.SessionMiddleware.process")))
                .isEqualTo("servlet filter");
    }

    @Test
    void eachStoreHasItsStageAndTheBenchsOwnServletsTheirs() {
        assertThat(Stages.of(List.of("org.postgresql.core.v3.QueryExecutorImpl.execute",
                "dev.cloakroom.jdbc.JdbcEngine.save"))).isEqualTo("JDBC driver/pool");
        assertThat(Stages.of(List.of("jdk.proxy2.$Proxy12.prepareStatement",
                "dev.cloakroom.bench.load.RawSqlServlet.incr"))).isEqualTo("JDBC driver/pool");
        assertThat(Stages.of(List.of("java.util.zip.Deflater.deflateBytesBytes",
                "dev.cloakroom.internal.Zlib.compress"))).isEqualTo("zlib");
        assertThat(Stages.of(List.of("dev.cloakroom.redis.SessionScript.args"))).isEqualTo(
                "Cloakroom store engine");
        assertThat(Stages.of(List.of("dev.cloakroom.ServerSideStorage.save"))).isEqualTo(
                "session bookkeeping");
        assertThat(Stages.of(List.of("java.lang.String.hashCode",
                "dev.cloakroom.bench.load.RawSessions.read"))).isEqualTo("endpoint servlets");
        assertThat(Stages.of(List.of("org.eclipse.jetty.io.SelectorManager.select"))).isEqualTo("Jetty/HTTP");
    }

    @Test
    void aStackNoRuleMatchesIsOther() {
        assertThat(Stages.of(List.of("java.lang.Thread.run"))).isEqualTo(Stages.OTHER);
        assertThat(Stages.of(List.of())).isEqualTo(Stages.OTHER);
        assertThat(Stages.names()).startsWith("JSON").endsWith(Stages.OTHER).doesNotHaveDuplicates();
    }
}
