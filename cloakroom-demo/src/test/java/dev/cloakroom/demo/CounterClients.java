package dev.cloakroom.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browsers hammering the demo's counter ({@code POST /api/counter} with {@code {}}), each on its own
 * session and its own keep-alive connection, one request after another, recording what they were told: how
 * many requests, the counts acknowledged (each must be above the last one: an acknowledged increment is
 * never lost), the errors by status and whether each error was the documented one (503 with
 * {@code Retry-After}, a body in which {@code internals} finds nothing), connection failures, and when each
 * client first succeeded again after {@link #storeBack()}.
 */
final class CounterClients {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern COOKIE = Pattern.compile("sessionid=([a-z0-9]{32});");

    private final URI counter;
    private final Predicate<String> internals;
    private final List<Client> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> undocumented = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong slowestErrorMillis = new AtomicLong();
    private volatile boolean stop;
    private volatile long backAt;

    /** One browser: its session and what it was told. */
    final class Client implements Runnable {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        volatile String key;
        volatile long requests;
        volatile long acknowledged;
        volatile long lastCount;
        volatile long recoveredAt;

        @Override
        public void run() {
            while (!stop) {
                long started = System.nanoTime();
                HttpRequest.Builder request = HttpRequest.newBuilder(counter).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"));
                if (key != null) {
                    request.header("Cookie", "sessionid=" + key);
                }
                try {
                    HttpResponse<String> response = http.send(request.build(),
                            HttpResponse.BodyHandlers.ofString());
                    requests++;
                    if (response.statusCode() == 200) {
                        acknowledged(response);
                    } else {
                        error(response, started);
                    }
                } catch (IOException e) {
                    requests++;
                    errors.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
                    undocumented.add("connection failure: " + e);
                } catch (InterruptedException e) {
                    return;
                }
                pause(5);
            }
        }

        private void acknowledged(HttpResponse<String> response) throws IOException {
            long count = MAPPER.readTree(response.body()).get("count").asLong();
            if (count <= lastCount) {
                undocumented.add("session …" + key.substring(26) + " answered " + count + " after "
                        + lastCount + " was acknowledged: an acknowledged increment was lost");
            }
            lastCount = count;
            acknowledged++;
            response.headers().allValues("set-cookie").forEach(header -> {
                Matcher m = COOKIE.matcher(header);
                if (m.find()) {
                    key = m.group(1);
                }
            });
            long back = backAt;
            if (back != 0 && recoveredAt == 0 && System.nanoTime() > back) {
                recoveredAt = System.nanoTime();
            }
        }

        private void error(HttpResponse<String> response, long started) {
            int status = response.statusCode();
            errors.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            slowestErrorMillis.accumulateAndGet(elapsedMillis, Math::max);
            String body = response.body();
            boolean retryAfter = response.headers().firstValue("retry-after").isPresent();
            boolean json = response.headers().firstValue("content-type").orElse("")
                    .startsWith("application/json");
            String sessionKey = key;
            boolean leaks = internals.test(body) || (sessionKey != null
                    && body.contains(sessionKey.substring(26)));
            if (status != 503 || !retryAfter || !json || leaks) {
                undocumented.add(status + (retryAfter ? " with" : " without") + " Retry-After: " + body);
            }
        }
    }

    CounterClients(URI demo, int count, Predicate<String> internals) {
        this.counter = demo.resolve("/api/counter");
        this.internals = internals;
        for (int i = 0; i < count; i++) {
            clients.add(new Client());
        }
    }

    /** Starts every client. */
    void start() {
        for (Client client : clients) {
            Thread thread = new Thread(client, "counter-client-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Marks the moment the store is back: from now on each client's first acknowledgement is its recovery.
     */
    void storeBack() {
        backAt = System.nanoTime();
    }

    /** Waits until every client had an acknowledgement after {@link #storeBack()}, at most {@code limit}. */
    void awaitRecovery(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && clients.stream().anyMatch(c -> c.recoveredAt == 0)) {
            Thread.sleep(20);
        }
    }

    /** Stops the clients and waits for their last requests. */
    void stop() throws InterruptedException {
        stop = true;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(40).toMillis());
        }
    }

    /** Pauses the calling thread, keeping the interrupt. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Client> clients() {
        return clients;
    }

    long requests() {
        return clients.stream().mapToLong(c -> c.requests).sum();
    }

    long acknowledged() {
        return clients.stream().mapToLong(c -> c.acknowledged).sum();
    }

    /** Errors by status; 0 counts connection failures. */
    Map<Integer, Long> errors() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        errors.forEach((status, n) -> byStatus.put(status, n.get()));
        return byStatus;
    }

    /** Errors that were not the documented 503 with Retry-After and a clean JSON body, and lost updates. */
    List<String> undocumented() {
        synchronized (undocumented) {
            return List.copyOf(undocumented);
        }
    }

    long slowestErrorMillis() {
        return slowestErrorMillis.get();
    }

    /** The longest time from {@link #storeBack()} to a client's next acknowledgement, in milliseconds. */
    long recoveryMillis() {
        long back = backAt;
        return clients.stream().mapToLong(c -> c.recoveredAt == 0 ? Long.MAX_VALUE
                : Duration.ofNanos(c.recoveredAt - back).toMillis()).max().orElse(0);
    }

    /** A case-insensitive search for any of {@code words}. */
    static Predicate<String> containsAny(String... words) {
        return body -> {
            String lower = body.toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        };
    }
}
