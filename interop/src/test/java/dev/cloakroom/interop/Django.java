package dev.cloakroom.interop;

import dev.cloakroom.signing.PythonJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The real Django side: the project in {@code interop/django}, one {@code manage.py} command per call, run
 * by the Django under test ({@link #UNDER_TEST}): Debian's 3.2 ({@code /usr/bin/python3} with
 * {@code python3-django}) or 5.2 (the virtualenv {@code scripts/test-services} makes). Every call is a
 * fresh process forked by {@link DjangoZygote}, so settings (database, secret keys, session engine, a
 * shifted "now") are exactly what this object says. Immutable; the {@code with...} methods return
 * changed copies.
 */
final class Django {

    /**
     * The Django this run of the interop tests talks to, from the system property {@code cloakroom.django}
     * ({@code 3.2} or {@code 5.2}, the default); {@code interop/pom.xml} runs every test once for each.
     */
    static final DjangoRelease UNDER_TEST = DjangoRelease.of(System.getProperty("cloakroom.django", "5.2"));
    private static final long TIMEOUT_SECONDS = 120;

    private final Path project;
    private final Map<String, String> env;
    private final Path python;

    private Django(Path project, Map<String, String> env) {
        this.project = project;
        this.env = Map.copyOf(env);
        this.python = UNDER_TEST.python();
    }

    /** Django on {@code database} with {@code secretKey}, the db session engine and the real time. */
    static Django on(SharedDatabase database, String secretKey) {
        Path project = projectDirectory();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLOAKROOM_DJANGO_DB", database.djangoUrl());
        env.put("CLOAKROOM_DJANGO_SECRET_KEY", secretKey);
        return new Django(project, env);
    }

    /** This Django with {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS} (the latter ignored by 3.2). */
    Django withSecretKey(String secretKey, String... fallbacks) {
        Map<String, String> next = new LinkedHashMap<>(env);
        next.put("CLOAKROOM_DJANGO_SECRET_KEY", secretKey);
        next.put("CLOAKROOM_DJANGO_SECRET_KEY_FALLBACKS", String.join(",", fallbacks));
        return new Django(project, next);
    }

    /** This Django with {@code SESSION_ENGINE} {@code db} or {@code signed_cookies}. */
    Django withSessionEngine(String engine) {
        Map<String, String> next = new LinkedHashMap<>(env);
        next.put("CLOAKROOM_DJANGO_SESSION_ENGINE", engine);
        return new Django(project, next);
    }

    /**
     * This Django with {@code PASSWORD_HASHERS} starting with {@code algorithm} (for example
     * {@code argon2}).
     */
    Django withPasswordHasher(String algorithm) {
        return with("CLOAKROOM_DJANGO_PASSWORD_HASHER", algorithm);
    }

    /** This Django with {@code MESSAGE_STORAGE} {@code session}, {@code cookie} or {@code fallback}. */
    Django withMessageStorage(String storage) {
        return with("CLOAKROOM_DJANGO_MESSAGE_STORAGE", storage);
    }

    private Django with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(env);
        next.put(name, value);
        return new Django(project, next);
    }

    /** This Django with {@code timezone.now()} fixed at {@code now} (see interop_app/apps.py). */
    Django at(Instant now) {
        Map<String, String> next = new LinkedHashMap<>(env);
        next.put("CLOAKROOM_DJANGO_NOW", now.toString());
        return new Django(project, next);
    }

    // ---------------------------------------------------------------- requests through the middleware

    /** {@code GET path} with the session cookie {@code session} (or none). */
    DjangoResponse get(String path, @Nullable String session) {
        return request("GET", path, session, null);
    }

    /** {@code POST path} with a JSON body (written as Python's json.dumps) and the session cookie. */
    DjangoResponse post(String path, @Nullable String session, Object body) {
        return request("POST", path, session, PythonJson.dumps(body));
    }

    /** {@code POST path} with CSRF checks enforced and {@code token} in the {@code X-CSRFToken} header. */
    DjangoResponse postWithCsrf(String path, @Nullable String session, String token) {
        return request("POST", path, session, "{}", "--csrf", token);
    }

    /** {@code GET} or {@code POST} (a JSON body) with the {@code messages} cookie {@code messagesCookie}. */
    DjangoResponse withMessagesCookie(String method, String path, @Nullable String messagesCookie,
            @Nullable Object body) {
        return messagesCookie == null
                ? request(method, path, null, body == null ? null : PythonJson.dumps(body))
                : request(method, path, null, body == null ? null : PythonJson.dumps(body),
                        "--messages-cookie=" + messagesCookie);
    }

    private DjangoResponse request(String method, String path, @Nullable String session,
            @Nullable String body, String... options) {
        List<String> args = new ArrayList<>(List.of("request", method, path));
        args.addAll(List.of(options));
        if (session != null) {
            args.add("--session");
            args.add(session);
        }
        if (body != null) {
            args.add("--body");
            args.add("-");
        }
        return DjangoResponse.of(json(body, args.toArray(String[]::new)));
    }

    // ---------------------------------------------------------------- management commands

    /** Runs {@code manage.py migrate} with {@code options} (for example {@code --fake-initial}). */
    void migrate(String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", "--no-input", "-v", "0"));
        args.addAll(List.of(options));
        run(null, args.toArray(String[]::new));
    }

    /** Runs Django's own {@code manage.py clearsessions}. */
    void clearsessions() {
        run(null, "clearsessions");
    }

    /** Creates an {@code auth_user} with a real PBKDF2 hash of {@code password}; returns its id. */
    long createUser(String username, String password) {
        return ((Number) map(json(null, "create_user", username, password)).get("id")).longValue();
    }

    /**
     * Runs Django's {@code createsuperuser --noinput} with {@code DJANGO_SUPERUSER_PASSWORD}: the hash is
     * made by the first of this Django's {@code PASSWORD_HASHERS} ({@link #withPasswordHasher}).
     */
    void createSuperuser(String username, String password) {
        with("DJANGO_SUPERUSER_PASSWORD", password).run(null, "createsuperuser", "--noinput", "--username",
                username, "--email", "admin@example.com");
    }

    /** Runs Django's own {@code changepassword USERNAME}, typing {@code password} twice. */
    void changepassword(String username, String password) {
        run(password + "\n" + password + "\n", "changepassword_stdin", username);
    }

    /** Django's {@code authenticate(username=..., password=...)}: whether it returns the user. */
    boolean authenticates(String username, String password) {
        return Boolean.TRUE.equals(post("/authenticate/", null, Map.of("username", username, "password",
                password)).body().get("authenticated"));
    }

    /** Changes a user's password through {@code user.set_password} and {@code save()}. */
    void setPassword(String username, String password) {
        run(null, "set_password", username, password);
    }

    /**
     * The {@code django_session} row of {@code key} as Django's ORM reads it, without the expiry filter:
     * {@code exists}, {@code expire_date} (ISO) and {@code decoded}.
     */
    Map<String, Object> sessionRow(String key) {
        return map(json(null, "session_row", key));
    }

    /** Django's version, as {@code manage.py version} prints it. */
    String version() {
        return run(null, "version").strip();
    }

    /** Runs a command and parses its stdout as one JSON document. */
    @Nullable Object json(@Nullable String stdin, String... args) {
        return PythonJson.loads(run(stdin, args).strip());
    }

    /**
     * Runs {@code manage.py args...} with this Django and returns its stdout.
     *
     * @throws AssertionError if it does not exit with 0 within two minutes; the message holds stderr
     */
    String run(@Nullable String stdin, String... args) {
        String shown = "`manage.py " + String.join(" ", args) + "`";
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.keySet()
                .removeIf(name -> name.startsWith("CLOAKROOM_DJANGO_") || name.startsWith("PYTHON")
                        || name.startsWith("DJANGO_"));
        environment.put("PYTHONIOENCODING", "utf-8");
        environment.put("DJANGO_SETTINGS_MODULE", "interop_site.settings");
        environment.putAll(env);
        DjangoZygote.Result result = DjangoZygote.of(python, project).run(environment, List.of(args), stdin,
                TIMEOUT_SECONDS);
        if (result.exit() != 0) {
            throw new AssertionError("Django " + UNDER_TEST + " failed (exit " + result.exit() + ") running "
                    + shown + hint(result.stderr()) + "\nstderr:\n" + result.stderr() + "\nstdout:\n"
                    + result.stdout());
        }
        return result.stdout();
    }

    private String hint(String stderr) {
        if (stderr.contains("No module named")) {
            return ": " + python + " lacks a module Django " + UNDER_TEST
                    + " needs; run scripts/test-services";
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@Nullable Object json) {
        if (!(json instanceof Map<?, ?>)) {
            throw new AssertionError("Django printed " + json + " where a JSON object was expected");
        }
        return (Map<String, Object>) json;
    }

    private static Path projectDirectory() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path candidate : List.of(base.resolve("django"), base.resolve("interop/django"))) {
            if (Files.isRegularFile(candidate.resolve("manage.py"))) {
                return candidate;
            }
        }
        throw new AssertionError("Cannot find interop/django/manage.py from " + base
                + "; run the tests with Maven from the repository or the interop module");
    }

    @Override
    public String toString() {
        return "Django " + UNDER_TEST + "[" + project + ", db=" + env.get("CLOAKROOM_DJANGO_DB") + "]";
    }
}
