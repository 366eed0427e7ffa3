package dev.cloakroom.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts the commands Redis executes while it runs, through {@code MONITOR}, telling the commands clients
 * sent (one round trip each) from those scripts ran inside Redis ({@code [0 lua]} in the monitor's output):
 * {@code INFO commandstats} counts both alike. Only used for the counting pass, never while throughput is
 * measured ({@code MONITOR} slows Redis down). Commands named {@code info} and {@code echo} are the
 * harness's own and are not counted.
 */
final class RedisMonitor implements AutoCloseable {

    private final Socket socket;
    private final Thread reader;
    private final Map<String, Long> clientCommands = new TreeMap<>();
    private final Map<String, Long> scriptCommands = new TreeMap<>();
    private volatile String awaitedMarker = "";
    private volatile CountDownLatch markerSeen = new CountDownLatch(1);

    RedisMonitor(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2000);
        OutputStream out = socket.getOutputStream();
        out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
        String ok = in.readLine();
        if (ok == null || !ok.startsWith("+OK")) {
            socket.close();
            throw new IOException("Redis at " + host + ":" + port + " refused MONITOR: " + ok);
        }
        reader = new Thread(() -> read(in), "redis-monitor");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                parse(line);
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** {@code +1700000000.123456 [0 127.0.0.1:50710] "hmget" "key" ...} or {@code [0 lua] "hset" ...}. */
    private void parse(String line) {
        int close = line.indexOf(']');
        int open = line.indexOf('[');
        if (open < 0 || close < open) {
            return;
        }
        boolean script = line.substring(open, close).endsWith(" lua");
        int q1 = line.indexOf('"', close);
        int q2 = q1 < 0 ? -1 : line.indexOf('"', q1 + 1);
        if (q2 < 0) {
            return;
        }
        String command = line.substring(q1 + 1, q2).toLowerCase(java.util.Locale.ROOT);
        if (command.equals("echo")) {
            if (line.contains(awaitedMarker)) {
                markerSeen.countDown();
            }
            return;
        }
        if (command.equals("info")) {
            return;
        }
        synchronized (this) {
            (script ? scriptCommands : clientCommands).merge(command, 1L, Long::sum);
        }
    }

    /** Forgets what was counted so far. */
    synchronized void clear() {
        clientCommands.clear();
        scriptCommands.clear();
    }

    /**
     * Waits until the monitor has seen everything Redis ran before {@code marker} was echoed on another
     * connection: call {@link #expect} first, then send {@code ECHO marker}, then this.
     */
    void awaitMarker(long timeoutMillis) throws InterruptedException {
        if (!markerSeen.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("MONITOR did not show the marker within " + timeoutMillis
                    + " ms");
        }
    }

    void expect(String marker) {
        awaitedMarker = marker;
        markerSeen = new CountDownLatch(1);
    }

    /** Commands clients sent, by name. */
    synchronized Map<String, Long> clientCommands() {
        return new TreeMap<>(clientCommands);
    }

    /** Commands scripts ran, by name. */
    synchronized Map<String, Long> scriptCommands() {
        return new TreeMap<>(scriptCommands);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
