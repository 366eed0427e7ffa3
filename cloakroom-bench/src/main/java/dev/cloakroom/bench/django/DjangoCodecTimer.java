package dev.cloakroom.bench.django;

import dev.cloakroom.signing.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Times Django's {@code SessionStore().encode(...)} and {@code decode(...)} with {@code python3 -m timeit}
 * (best of 5, as timeit reports) on the given sessions, with the same secret key as the Java benchmarks.
 * Before timing, it checks that Django decodes what Cloakroom encoded into the very same session, so the
 * two sides are timed on identical data.
 */
public final class DjangoCodecTimer {

    private static final Pattern TIMEIT =
            Pattern.compile("best of \\d+: ([0-9.]+) (nsec|usec|msec|sec) per loop");

    private final String python;
    private final String secretKey;

    /** Uses {@code python} (Debian's {@code /usr/bin/python3} with {@code python3-django}). */
    public DjangoCodecTimer(String python, String secretKey) {
        this.python = python;
        this.secretKey = secretKey;
    }

    /** One timing: what was timed, on which session size, and microseconds per call. */
    public record Timing(String operation, int size, double micros) {
    }

    /** Django's version as {@code django.get_version()} reports it. */
    public String djangoVersion() throws IOException, InterruptedException {
        return run(List.of(python, "-c", "import django; print(django.get_version())"), null).strip();
    }

    /**
     * Checks Django reads {@code javaEncoded} (size to Cloakroom's encoding) back into {@code sessions}, then
     * times encode and decode for each size.
     *
     * @throws IllegalStateException if Django cannot run, or decodes a Java-encoded session differently
     */
    public List<Timing> time(Map<Integer, Map<String, Object>> sessions, Map<Integer, String> javaEncoded)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cloakroom-bench-django");
        try {
            Map<String, Object> byName = new LinkedHashMap<>();
            sessions.forEach((size, data) -> byName.put(size.toString(), data));
            Map<String, Object> encodedByName = new LinkedHashMap<>();
            javaEncoded.forEach((size, data) -> encodedByName.put(size.toString(), data));
            Files.writeString(dir.resolve("sessions.json"), PythonJson.dumps(byName),
                    StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("java_encoded.json"), PythonJson.dumps(encodedByName),
                    StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("cloakroom_bench_django.py"), setupModule(dir),
                    StandardCharsets.UTF_8);
            String check = run(List.of(python, "-c", "from cloakroom_bench_django import check; check()"),
                    dir);
            if (!check.strip().equals("same")) {
                throw new IllegalStateException("Django did not decode Cloakroom's sessions into the same "
                        + "data: "
                        + check.strip());
            }
            List<Timing> timings = new ArrayList<>();
            for (Integer size : sessions.keySet()) {
                timings.add(new Timing("encode", size, timeit(dir, "store.encode(sessions[" + size + "])")));
                timings.add(new Timing("decode", size, timeit(dir, "store.decode(encoded[" + size + "])")));
            }
            return timings;
        } finally {
            deleteTree(dir);
        }
    }

    private double timeit(Path dir, String statement) throws IOException, InterruptedException {
        String out = run(List.of(python, "-m", "timeit", "-s",
                "from cloakroom_bench_django import store, sessions, encoded", statement), dir);
        Matcher m = TIMEIT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected output of python3 -m timeit: " + out.strip());
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "nsec" -> value / 1000;
            case "usec" -> value;
            case "msec" -> value * 1000;
            default -> value * 1_000_000;
        };
    }

    private String setupModule(Path dir) {
        return String.join("\n",
                "import json, os",
                "from django.conf import settings",
                "if not settings.configured:",
                "    settings.configure(SECRET_KEY=os.environ['CLOAKROOM_BENCH_SECRET'])",
                "from django.contrib.sessions.backends.signed_cookies import SessionStore",
                "store = SessionStore()",
                "_dir = os.path.dirname(os.path.abspath(__file__))",
                "with open(os.path.join(_dir, 'sessions.json')) as f:",
                "    sessions = {int(k): v for k, v in json.load(f).items()}",
                "with open(os.path.join(_dir, 'java_encoded.json')) as f:",
                "    java_encoded = {int(k): v for k, v in json.load(f).items()}",
                "encoded = {k: store.encode(v) for k, v in sessions.items()}",
                "def check():",
                "    bad = [k for k, v in sessions.items() if store.decode(java_encoded[k]) != v]",
                "    print('same' if not bad else 'different for sizes %s' % bad)",
                "");
    }

    private String run(List<String> command, @Nullable Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
            pb.environment().put("PYTHONPATH", dir.toString());
        }
        pb.environment().put("CLOAKROOM_BENCH_SECRET", secretKey);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + python + " (" + e.getMessage()
                    + "); install Debian's "
                    + "python3-django (scripts/test-services does)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
