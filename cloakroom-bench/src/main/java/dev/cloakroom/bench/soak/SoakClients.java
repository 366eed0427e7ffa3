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
import java.util.concurrent.atomic.LongAdder;

/**
 * Browsers for the soak: each client keeps its own cookies (so its own session) and, in a loop with a short
 * pause, reads its session, bumps its counter, writes a value, or logs in or out, over the demo's JSON API.
 * Out of 100 requests about 45 are reads, 25 counter increments, 10 writes, 10 logins and 10 logouts.
 * Thread-safe: {@link #stop()} may be called from any thread.
 */
final class SoakClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder requests = new LongAdder();
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
        int n = 0;
        while (running) {
            int pick = random.nextInt(100);
            HttpRequest request;
            if (pick < 45) {
                request = get(pick < 40 ? "api/session" : "api/whoami");
            } else if (pick < 70) {
                request = post("api/counter", "{}");
            } else if (pick < 80) {
                request = post("api/session", "{\"note\": \"" + "x".repeat(random.nextInt(200)) + "\", \"n\": " + n + "}");
            } else if (!loggedIn) {
                String user = random.nextBoolean() ? "alice" : "bob";
                request = post("api/login", "{\"username\": \"" + user + "\", \"password\": \"" + user + "\"}");
                loggedIn = true;
            } else {
                request = post("api/logout", "{}");
                loggedIn = false;
            }
            send(http, request);
            n++;
            pause(5 + random.nextInt(20));
        }
    }

    private void send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                fail("HTTP " + response.statusCode() + " " + request.method() + " " + request.uri().getPath());
            }
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            fail(e.getClass().getSimpleName() + why + " " + request.method() + " " + request.uri().getPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            requests.increment();
        }
    }

    private void fail(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
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
