package dev.cloakroom.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo app's process during a soak ({@link SoakServerMain}), and what the operating system says about
 * it: resident memory and open files from {@code /proc/<pid>}, plus the heap after a full collection, which
 * the process reports when asked.
 */
final class SoakServer implements AutoCloseable {

    private static final long REPLY_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Writer toServer;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final URI uri;

    private SoakServer(Process process) throws IOException, InterruptedException {
        this.process = process;
        this.toServer = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "soak-server-stdout");
        reader.setDaemon(true);
        reader.start();
        String first = reply();
        if (!first.startsWith("uri ")) {
            throw new IOException("The soak's demo server did not start: " + first);
        }
        this.uri = URI.create(first.substring(4));
    }

    /**
     * Starts the demo in a new JVM on this JVM's class path, with {@code environment} added to this
     * process's, a fixed and pre-touched heap of {@code heap} (such as {@code 256m}) so that resident memory
     * does not grow with the heap's first use, and its standard error in {@code log}.
     */
    static SoakServer start(Map<String, String> environment, String heap, Path workingDirectory, Path log)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap,
                "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-cp", absoluteClassPath(),
                SoakServerMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            return new SoakServer(process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw new IOException(e.getMessage() + "; its log:\n" + tail(log), e);
        }
    }

    /** This JVM's class path with every entry absolute: the server runs in another directory. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    /** The heap in use right after a full collection, in bytes. */
    long heapAfterGc() throws IOException, InterruptedException {
        toServer.write("heap\n");
        toServer.flush();
        String reply = reply();
        if (!reply.startsWith("heap ")) {
            throw new IOException("Unexpected answer from the soak's demo server: " + reply);
        }
        return Long.parseLong(reply.substring(5));
    }

    /** Resident memory ({@code VmRSS}), in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(proc("status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("No VmRSS in " + proc("status"));
    }

    /** How many files, sockets and pipes the process has open. */
    int openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(proc("fd"))) {
            return (int) fds.count();
        }
    }

    /** How many of its open files are {@code file} (for SQLite, one per pooled connection). */
    int openFilesOn(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(proc("fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile
                }
            }).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path proc(String name) {
        return Path.of("/proc", Long.toString(process.pid()), name);
    }

    private String reply() throws IOException, InterruptedException {
        String reply = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply == null) {
            throw new IOException("The soak's demo server did not answer within " + REPLY_TIMEOUT_SECONDS
                    + " s"
                    + (process.isAlive() ? "" : " (it exited with status " + process.exitValue() + ")"));
        }
        return reply;
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(SoakServerMain.REPLY)) {
                    replies.add(line.substring(SoakServerMain.REPLY.length()));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        replies.add("exited");
    }

    /** Closes the server's standard input, which stops it, and waits for it (killing it after 30 s). */
    @Override
    public void close() throws InterruptedException {
        try {
            toServer.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static Map<String, String> environment(String databaseUrl, String secretKey) {
        return Map.of("CLOAKROOM_ENGINE", "db", "CLOAKROOM_DATABASE_URL", databaseUrl,
                "CLOAKROOM_SECRET_KEY", secretKey, "CLOAKROOM_PORT", "0");
    }
}
