package dev.cloakroom.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs Debian's {@code wrk} against one URL with the harness's Lua script ({@code wrk-sessions.lua}): the
 * same threads, connections and timeout for every variant.
 */
public final class Wrk {

    private final String executable;
    private final int threads;
    private final int connections;
    private final Path script;

    /** Uses {@code executable} with {@code threads} threads and {@code connections} connections. */
    public Wrk(String executable, int threads, int connections, Path workDir) throws IOException {
        this.executable = executable;
        this.threads = threads;
        this.connections = connections;
        this.script = workDir.resolve("wrk-sessions.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("wrk-sessions.lua")) {
            if (in == null) {
                throw new IllegalStateException("wrk-sessions.lua is missing from the bench jar");
            }
            Files.write(script, in.readAllBytes());
        }
    }

    public int connections() {
        return connections;
    }

    public int threads() {
        return threads;
    }

    /**
     * Loads {@code url} for {@code duration}, each request carrying one of the cookies in {@code cookieFile}
     * (none if {@code null}).
     *
     * @throws IllegalStateException if wrk is missing or fails
     */
    public WrkResult run(String url, Duration duration, @Nullable Path cookieFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "5s", "-s", script.toString(),
                url,
                "--", cookieFile == null ? "" : cookieFile.toString(), Integer.toString(threads)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + executable + ": " + e.getMessage()
                    + ". Install it (apt-get install -y wrk); scripts/bench does.", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed on " + url + ": " + output.strip());
        }
        return WrkResult.parse(output);
    }
}
