package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The fixed-rate driver against a fake HTTP server on loopback: its schedule, its parsing of answers, and
 * above all that it measures latency from the intended send time, so a server stall shows as late requests
 * for as long as it lasts instead of one slow request per connection.
 */
class FixedRateDriverTest {

    @Test
    void theScheduleSpacesRequestsEvenlyFromTheStart() {
        assertThat(FixedRateDriver.intendedOffsetNanos(0, 1000)).isZero();
        assertThat(FixedRateDriver.intendedOffsetNanos(1, 1000)).isEqualTo(1_000_000);
        assertThat(FixedRateDriver.intendedOffsetNanos(1500, 1000)).isEqualTo(1_500_000_000L);
        assertThat(FixedRateDriver.intendedOffsetNanos(3, 3)).isEqualTo(1_000_000_000L);
        assertThat(FixedRateDriver.dueRequests(1000, Duration.ofSeconds(2))).isEqualTo(2000);
        assertThat(FixedRateDriver.dueRequests(3, Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(FixedRateDriver.dueRequests(2.5, Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(FixedRateDriver.rate(4000, 0.8)).isEqualTo(3200);
    }

    @Test
    void everyDueRequestIsSentOnceAtTheRateWithItsCookie() throws Exception {
        try (FakeServer server = new FakeServer(false)) {
            FixedRateDriver.Result r = new FixedRateDriver(8).run(server.uri("/read"), 500,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), "SESSION", List.of("a", "b"));

            assertThat(r.due()).isEqualTo(500);
            assertThat(r.completed()).isEqualTo(500);
            assertThat(r.errors()).isZero();
            assertThat(r.unsent()).isZero();
            assertThat(server.requests.get()).isEqualTo(500);
            assertThat(server.cookies).containsOnly("SESSION=a", "SESSION=b");
            assertThat(r.latencyMicros().getTotalCount()).isEqualTo(500);
            assertThat(r.millisAt(50)).isLessThan(50);
            assertThat(r.achievedRate()).isBetween(400.0, 520.0);
            assertThat(r.keptUp()).isTrue();
        }
    }

    @Test
    void chunkedAnswersAndErrorStatusesAreReadAndCounted() throws Exception {
        try (FakeServer server = new FakeServer(true)) {
            FixedRateDriver.Result ok = new FixedRateDriver(2).run(server.uri("/read"), 200,
                    Duration.ofMillis(500), Duration.ofSeconds(1), "SESSION", List.of());
            FixedRateDriver.Result missing = new FixedRateDriver(2).run(server.uri("/missing"), 200,
                    Duration.ofMillis(500), Duration.ofSeconds(1), "SESSION", List.of());

            assertThat(ok.completed()).isEqualTo(100);
            assertThat(ok.errors()).isZero();
            assertThat(server.cookies).isEmpty();
            assertThat(missing.completed()).isEqualTo(100);
            assertThat(missing.errors()).isEqualTo(100);
        }
    }

    @Test
    void aStallMakesEveryRequestDueDuringItLateNotOnlyThoseInFlight() throws Exception {
        try (FakeServer server = new FakeServer(false)) {
            server.stallAt = System.nanoTime() + 600_000_000L; // 0.6 s into the run, for 400 ms
            server.stallNanos = 400_000_000L;
            FixedRateDriver.Result r = new FixedRateDriver(4).run(server.uri("/read"), 1000,
                    Duration.ofMillis(1500), Duration.ofSeconds(2), "SESSION", List.of("a"));

            assertThat(r.completed()).isEqualTo(1500);
            // About 400 of the 1500 requests were due during the stall, and waited for its end: more than
            // 1% of them waited over 100 ms, so the p99 shows it. A closed loop would have seen only the 4
            // requests in flight, 0.3% of its samples, and an unchanged p99.
            assertThat(r.latencyMicros().getCountBetweenValues(100_000, Long.MAX_VALUE / 2))
                    .isGreaterThan(250);
            assertThat(r.millisAt(99)).isGreaterThan(300);
            assertThat(r.latencyMicros().getMaxValue() / 1000.0).isBetween(350.0, 700.0);
            assertThat(r.millisAt(50)).isLessThan(50);
        }
    }

    @Test
    void requestsAServerNeverAnswersInTimeAreCountedAsNeverSentAndLate() throws Exception {
        try (FakeServer server = new FakeServer(false)) {
            server.stallAt = System.nanoTime();
            server.stallNanos = 1_500_000_000L;
            FixedRateDriver.Result r = new FixedRateDriver(2).run(server.uri("/read"), 100,
                    Duration.ofSeconds(1), Duration.ofMillis(200), "SESSION", List.of("a"));

            assertThat(r.due()).isEqualTo(100);
            assertThat(r.unsent()).isPositive();
            assertThat(r.completed() + r.unsent()).isEqualTo(100);
            assertThat(r.latencyMicros().getTotalCount()).isEqualTo(100);
            assertThat(r.keptUp()).isFalse();
            assertThat(r.millisAt(50)).isGreaterThan(200);
        }
    }

    /** A keep-alive HTTP/1.1 server: {@code ok} for any path but {@code /missing} (404), maybe chunked. */
    private static final class FakeServer implements AutoCloseable {
        private final ServerSocket socket;
        private final boolean chunked;
        private final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicLong requests = new AtomicLong();
        final ConcurrentLinkedQueue<String> cookies = new ConcurrentLinkedQueue<>();
        volatile long stallAt = Long.MAX_VALUE;
        volatile long stallNanos;

        FakeServer(boolean chunked) throws IOException {
            this.chunked = chunked;
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "fake-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        private void accept() {
            while (open.get()) {
                try {
                    Socket s = socket.accept();
                    Thread t = new Thread(() -> serve(s), "fake-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)); OutputStream out = s.getOutputStream()) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String path = line.split(" ")[1];
                    for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                        if (h.startsWith("Cookie: ")) {
                            cookies.add(h.substring(8));
                        }
                    }
                    long now = System.nanoTime();
                    long stallEnd = stallAt + stallNanos;
                    if (now >= stallAt && now < stallEnd) {
                        Thread.sleep((stallEnd - now) / 1_000_000 + 1);
                    }
                    requests.incrementAndGet();
                    boolean found = !path.equals("/missing");
                    String status = found ? "200 OK" : "404 Not Found";
                    String answer = chunked
                            ? "HTTP/1.1 " + status
                                    + "\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
                            : "HTTP/1.1 " + status + "\r\nContent-Length: 2\r\n\r\nok";
                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the driver closed the connection
            }
        }

        @Override
        public void close() throws IOException {
            open.set(false);
            socket.close();
        }
    }
}
