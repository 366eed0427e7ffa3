package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sessionsOf} and {@code revokeAll} on the shared test Redis: "sign out everywhere". */
class RedisUserIndexIT {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings = SessionSettings.builder().secretKey("index-secret").clock(clock)
            .build();
    private RedisEngine engine;

    @BeforeEach
    void openEngine() {
        engine = RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).clock(clock).build();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
        REDIS.deleteKeys();
    }


    @Test
    void sessionsOfListsTheUsersLiveSessionsSoonestExpiryFirstWithLastSeen() {
        String week = login("7", Duration.ofDays(7));
        String hour = login("7", Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(1));
        String day = login("7", Duration.ofDays(1));
        login("8", Duration.ofDays(1));

        List<SessionSummary> sessions = engine.sessionsOf("7");

        assertThat(sessions).extracting(SessionSummary::key).containsExactly(hour, day, week);
        assertThat(sessions.get(1).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(sessions.get(1).lastSeen()).isEqualTo(clock.instant());
        assertThat(sessions.get(0).lastSeen()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(engine.sessionsOf("nobody")).isEmpty();
    }

    @Test
    void revokeAllLeavesTheCurrentSessionAndOtherUsersSessions() {
        String current = login("7", Duration.ofDays(1));
        String phone = login("7", Duration.ofDays(1));
        String laptop = login("7", Duration.ofDays(2));
        String otherUser = login("8", Duration.ofDays(1));
        String anonymous = saved(Session.open(engine, settings, null), "cart", 3);

        assertThat(engine.revokeAll("7", current)).isEqualTo(2);

        assertThat(engine.load(phone)).isEmpty();
        assertThat(engine.load(laptop)).isEmpty();
        assertThat(engine.load(current)).isPresent();
        assertThat(engine.load(otherUser)).isPresent();
        assertThat(engine.load(anonymous)).isPresent();
        assertThat(engine.sessionsOf("7")).extracting(SessionSummary::key).containsExactly(current);
        assertThat(engine.sessionsOf("8")).extracting(SessionSummary::key).containsExactly(otherUser);
    }

    @Test
    void revokeAllWithoutExceptionRevokesEverySessionOfTheUser() {
        login("7", Duration.ofDays(1));
        login("7", Duration.ofDays(1));
        assertThat(engine.revokeAll("7", null)).isEqualTo(2);
        assertThat(engine.sessionsOf("7")).isEmpty();
        assertThat(engine.revokeAll("7", null)).isZero();
    }

    @Test
    void aDeletedSessionLeavesItsUsersIndexAtOnce() {
        String kept = login("7", Duration.ofDays(2));
        String loggedOut = login("7", Duration.ofDays(2));
        Session plain = Session.open(engine, settings, null);
        plain.put("cart", List.of("book"));
        plain.save();
        assertThat(indexSize("7")).isEqualTo(2);

        Session logout = Session.open(engine, settings, loggedOut);
        logout.flush();
        engine.delete(plain.key());

        assertThat(indexSize("7")).isOne();
        assertThat(engine.exists(loggedOut)).isFalse();
        assertThat(engine.exists(plain.key())).isFalse();
        assertThat(engine.sessionsOf("7")).extracting(SessionSummary::key).containsExactly(kept);
    }

    @Test
    void sessionsExpiredOrHandedToAnotherUserAreDroppedFromTheIndexLazily() {
        String kept = login("7", Duration.ofDays(2));
        String expiring = login("7", Duration.ofHours(1));
        String handedOver = login("7", Duration.ofDays(2));
        Session other = Session.open(engine, settings, handedOver);
        other.put("_auth_user_id", "8");
        other.setVerifiedUser("8");
        other.save();
        clock.advance(Duration.ofHours(2));
        assertThat(indexSize("7")).isEqualTo(3);

        assertThat(engine.sessionsOf("7")).extracting(SessionSummary::key).containsExactly(kept);

        assertThat(indexSize("7")).isOne();
        assertThat(engine.sessionsOf("8")).extracting(SessionSummary::key).containsExactly(handedOver);
    }

    @Test
    void revokeAllLeavesASessionThatNowBelongsToAnotherUser() {
        String handedOver = login("7", Duration.ofDays(1));
        Session session = Session.open(engine, settings, handedOver);
        session.put("_auth_user_id", "8");
        session.setVerifiedUser("8");
        session.save();
        assertThat(engine.revokeAll("7", null)).isZero();
        assertThat(engine.load(handedOver)).isPresent();
        assertThat(indexSize("7")).isZero();
    }

    @Test
    void aUsersFirstSessionIndexLivesAsLongAsThatSessionAndItsMargin() {
        login("8", Duration.ofHours(2));
        assertThat(indexSize("8")).isOne();
        long ttl = TestRedis.with(redis -> redis.pttl(REDIS.prefix() + "user:8"));
        long margin = Duration.ofHours(2).toMillis() / 32;
        assertThat(ttl).isBetween(Duration.ofHours(2).toMillis() + margin - 60_000,
                Duration.ofHours(2).toMillis() + margin);
    }

    @Test
    void writesTrimExpiredMembersAndKeepTheIndexAliveAsLongAsItsLongestSession() {
        login("7", Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(20));
        login("7", Duration.ofDays(3));
        assertThat(indexSize("7")).isOne();
        long ttl = TestRedis.with(redis -> redis.pttl(REDIS.prefix() + "user:7"));
        // Scores run a margin of ttl / 32 past each expiry, so the index outlives its sessions by that.
        assertThat(ttl).isBetween(Duration.ofDays(3).minusMinutes(1).toMillis(), Duration.ofDays(3)
                .toMillis() + Duration.ofDays(3).toMillis() / 32);
        login("7", Duration.ofHours(1));
        long after = TestRedis.with(redis -> redis.pttl(REDIS.prefix() + "user:7"));
        assertThat(after).as("a shorter session does not shorten the index").isGreaterThan(ttl - 60_000);
    }

    /** A session logged in (verified) as {@code userId} that lives for {@code age}. */
    private String login(String userId, Duration age) {
        Session session = Session.open(engine, settings, null);
        session.setExpiry(clock.instant().plus(age));
        session.setVerifiedUser(userId);
        return saved(session, "_auth_user_id", userId);
    }

    private String saved(Session session, String name, Object value) {
        session.put(name, value);
        session.save();
        return session.key();
    }

    private long indexSize(String userId) {
        return TestRedis.with(redis -> redis.zcard(REDIS.prefix() + "user:" + userId));
    }
}
