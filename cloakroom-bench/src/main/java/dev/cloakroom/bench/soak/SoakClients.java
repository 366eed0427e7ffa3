package dev.cloakroom.bench.soak;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Browsers for the soak: each client keeps its own cookies (so its own session) and, in a loop with a pause
 * of 5 to 25 ms, reads its session (60 %), bumps its counter (25 %) or writes a value (15 %) over the demo's
 * JSON API, and every 3 to 13 seconds logs in or, when logged in, out.
 * Thread-safe: {@link #stop()} may be called from any thread.
 */
final class SoakClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder slow = new LongAdder();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private SoakClients(URI base) {
        this.base = base;
    }

    /** Starts {@code count} clients against the demo at {@code base}, each with its own seeded randomness. */
    static SoakClients start(URI base, int count) {
        SoakClients clients = new SoakClients(base);
        for (int i = 0; i < count; i++) {
            Random random = new Random(i);
            Thread thread = new Thread(() -> clients.browse(random), "soak-client-" + i);
            thread.setDaemon(true);
            clients.threads.add(thread);
            thread.start();
        }
        return clients;
    }

    /** Requests answered so far, failed or not. */
    long requests() {
        return requests.sum();
    }

    /** Failures so far by kind ({@code HTTP 500 POST /api/counter}, {@code ConnectException}), sorted. */
    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((kind, n) -> out.put(kind, n.sum()));
        return out;
    }

    /** Requests that took a second or more. */
    long slowRequests() {
        return slow.sum();
    }

    /** The longest any request took, in milliseconds. */
    long slowestMillis() {
        return slowestMillis.get();
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Stops every client after its current request and waits for them. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TIMEOUT.toMillis() + 5_000);
        }
    }

    private void browse(Random random) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        boolean loggedIn = false;
        long nextLogInOrOut = System.nanoTime() + authPause(random);
        int n = 0;
        while (running) {
            int pick = random.nextInt(100);
            HttpRequest request;
            if (System.nanoTime() >= nextLogInOrOut) {
                // Logging in checks a PBKDF2 password hash (260,000 rounds): a few per second, as people do.
                String user = random.nextBoolean() ? "alice" : "bob";
                request = loggedIn ? post("api/logout", "{}") : post("api/login",
                        "{\"username\": \"" + user + "\", \"password\": \"" + user + "\"}");
                loggedIn = !loggedIn;
                nextLogInOrOut = System.nanoTime() + authPause(random);
            } else if (pick < 60) {
                request = get(pick < 50 ? "api/session" : "api/whoami");
            } else if (pick < 85) {
                request = post("api/counter", "{}");
            } else {
                String note = "x".repeat(random.nextInt(200));
                request = post("api/session", "{\"note\": \"" + note + "\", \"n\": " + n + "}");
            }
            send(http, request);
            n++;
            pause(5 + random.nextInt(20));
        }
    }

    /** Between 3 and 13 seconds, in nanoseconds: each client logs in or out about every 8 s. */
    private static long authPause(Random random) {
        return (3_000 + random.nextInt(10_000)) * 1_000_000L;
    }

    private void send(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                fail("HTTP " + response.statusCode() + " " + request.method() + " "
                        + request.uri().getPath());
            }
        } catch (IOException e) {
            String why = e.getMessage() == null ? ""
                    : " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            fail(e.getClass().getSimpleName() + why + " " + request.method() + " " + request.uri().getPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            requests.increment();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= 1000) {
                slow.increment();
            }
            slowestMillis.accumulateAndGet(millis, Math::max);
        }
    }

    private void fail(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
