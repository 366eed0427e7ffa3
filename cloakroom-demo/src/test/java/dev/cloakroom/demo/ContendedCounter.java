package dev.cloakroom.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.cloakroom.Session;
import dev.cloakroom.testkit.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Many concurrent {@code POST /api/counter} on one session over real HTTP: what a busy single-page app or
 * a script does to one session. Counts the answers by status and reads, from the session's DEBUG lines,
 * how many compare-and-set attempts the saves needed.
 */
final class ContendedCounter {

    private static final Pattern ATTEMPTS = Pattern.compile("after (\\d+) attempts in (\\d+) ms");

    /** What one run gave. */
    record Result(int requests, int writers, Map<Integer, Integer> statuses, int maxAttempts,
            long maxSaveMillis, long elapsedMillis) {

        int successes() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        int failures() {
            return requests - successes();
        }

        @Override
        public String toString() {
            return requests + " requests from " + writers + " concurrent writers: " + failures() + " non-2xx "
                    + statuses + ", at most " + maxAttempts + " save attempts (" + maxSaveMillis
                    + " ms), " + elapsedMillis + " ms in all";
        }
    }

    private ContendedCounter() {
    }

    /** Sends {@code requests} increments of the session {@code key}, {@code writers} at a time. */
    static Result run(URI base, String key, int requests, int writers) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Session.class);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try (LogCapture log = LogCapture.of(Session.class.getName())) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(base.resolve("/api/counter"))
                            .header("Cookie", "sessionid=" + key).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            int maxAttempts = 1;
            long maxMillis = 0;
            for (String line : log.lines()) {
                Matcher m = ATTEMPTS.matcher(line);
                if (m.find()) {
                    maxAttempts = Math.max(maxAttempts, Integer.parseInt(m.group(1)));
                    maxMillis = Math.max(maxMillis, Long.parseLong(m.group(2)));
                }
            }
            return new Result(requests, writers, statuses, maxAttempts, maxMillis, elapsed);
        } finally {
            pool.shutdownNow();
            logger.setLevel(before);
        }
    }
}
