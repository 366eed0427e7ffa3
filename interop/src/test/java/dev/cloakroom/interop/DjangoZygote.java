package dev.cloakroom.interop;

import dev.cloakroom.signing.PythonJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One long-lived {@code interop/django/zygote.py} per interpreter: it imports Django once and forks a
 * child per {@code manage.py} command, which sets Django up from that command's environment, so each
 * command behaves as a fresh process would at a fraction of the start-up cost. Calls are serialised.
 */
final class DjangoZygote {

    /** What one command gave: its exit status, stdout and stderr. */
    record Result(int exit, String stdout, String stderr) {
    }

    private static final Map<Path, DjangoZygote> RUNNING = new ConcurrentHashMap<>();

    private final Process process;
    private final BufferedReader answers;
    private final OutputStream requests;
    private final CompletableFuture<String> errors;

    private DjangoZygote(Process process) {
        this.process = process;
        this.answers = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = process.getOutputStream();
        this.errors = drain(process.getErrorStream());
    }

    /** The zygote of {@code python} for the project in {@code project}, started on first use. */
    static DjangoZygote of(Path python, Path project) {
        return RUNNING.compute(python, (key, running) -> running != null && running.process.isAlive()
                ? running : start(python, project));
    }

    private static DjangoZygote start(Path python, Path project) {
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "zygote.py")
                .directory(project.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLOAKROOM_DJANGO_")
                || name.startsWith("DJANGO_") || name.startsWith("PYTHON"));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in the source tree
        try {
            DjangoZygote zygote = new DjangoZygote(builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(zygote.process::destroy, "django-zygote-stop"));
            return zygote;
        } catch (IOException e) {
            throw new AssertionError("Could not start " + python + ": run scripts/test-services, which "
                    + "installs both Djangos", e);
        }
    }

    /**
     * Runs {@code manage.py args} with exactly {@code environment} and {@code stdin}.
     *
     * @throws AssertionError if the zygote died or the command took longer than {@code timeoutSeconds}
     */
    synchronized Result run(Map<String, String> environment, List<String> args, @Nullable String stdin,
            long timeoutSeconds) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("env", environment);
        request.put("args", args);
        request.put("stdin", stdin == null ? "" : stdin);
        try {
            requests.write((PythonJson.dumps(request) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return answers.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("The Django zygote died; its stderr:\n" + errors.getNow(""));
            }
            Map<String, Object> answer = Django.map(PythonJson.loads(line));
            return new Result(((Number) answer.get("exit")).intValue(), (String) answer.get("stdout"),
                    (String) answer.get("stderr"));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("Django did not finish `manage.py " + String.join(" ", args) + "` in "
                    + timeoutSeconds + " s", e);
        } catch (IOException | ExecutionException e) {
            process.destroyForcibly();
            throw new AssertionError("Lost the Django zygote: " + e + "\n" + errors.getNow(""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<unreadable: " + e + ">";
            }
        });
    }
}
