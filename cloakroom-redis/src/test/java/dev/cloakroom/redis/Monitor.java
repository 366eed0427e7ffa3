package dev.cloakroom.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records what a Redis executes, through {@code redis-cli monitor}: each command with whether a client sent
 * it or a Lua script ran it. Use only on a Redis nobody else talks to.
 */
final class Monitor implements AutoCloseable {

    /** One executed command: {@code fromScript} when a Lua script ran it. */
    record Command(String name, boolean fromScript) {
        @Override
        public String toString() {
            return fromScript ? "(" + name + ")" : name;
        }
    }

    private static final Pattern LINE = Pattern.compile("^[0-9.]+ \\[\\d+ ([^\\]]+)\\] \"([^\"]+)\"(.*)$");

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> control;

    Monitor(int port) throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "monitor")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("ERROR " + e);
            }
        }, "redis-monitor-" + port);
        reader.setDaemon(true);
        reader.start();
        String first = lines.poll(10, TimeUnit.SECONDS);
        if (!"OK".equals(first)) {
            throw new IllegalStateException("redis-cli monitor did not start: " + first);
        }
        client = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + port));
        control = client.connect();
    }

    /** Runs {@code action} and returns the commands Redis executed meanwhile, in order. */
    List<Command> record(Runnable action) throws InterruptedException {
        String start = "start-" + UUID.randomUUID();
        String end = "end-" + UUID.randomUUID();
        control.sync().echo(start);
        skipUntil(start);
        action.run();
        control.sync().echo(end);
        List<Command> commands = new ArrayList<>();
        while (true) {
            String line = next();
            if (line.contains(end)) {
                return commands;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String name = m.group(2).toUpperCase(Locale.ROOT);
                commands.add(new Command(name, m.group(1).equals("lua")));
            }
        }
    }

    private void skipUntil(String marker) throws InterruptedException {
        while (!next().contains(marker)) {
            // commands before the recording started
        }
    }

    private String next() throws InterruptedException {
        String line = lines.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IllegalStateException("redis-cli monitor went quiet");
        }
        return line;
    }

    @Override
    public void close() {
        control.close();
        client.shutdown();
        process.destroy();
    }
}
