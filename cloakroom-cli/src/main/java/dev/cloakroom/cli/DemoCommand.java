package dev.cloakroom.cli;

import dev.cloakroom.demo.DemoServer;
import dev.cloakroom.demo.config.Variable;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cloakroom demo}: serves the demo site until interrupted. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serve the demo site on http://127.0.0.1:8000 (or --port) until Ctrl-C.",
            "With nothing configured it keeps sessions in ./cloakroom.sqlite3 (created on first run)."})
final class DemoCommand extends EngineCommand {

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port on 127.0.0.1, 0 for any free one (CLOAKROOM_PORT; default 8000).")
    @Nullable String port;

    @Option(names = "--cookie-secure", paramLabel = "BOOL",
            description = "SESSION_COOKIE_SECURE (CLOAKROOM_COOKIE_SECURE).")
    @Nullable String cookieSecure;

    @Option(names = "--cookie-httponly", paramLabel = "BOOL",
            description = "SESSION_COOKIE_HTTPONLY (CLOAKROOM_COOKIE_HTTPONLY).")
    @Nullable String cookieHttpOnly;

    @Option(names = "--cookie-samesite", paramLabel = "VALUE",
            description = "Lax, Strict, None or false (CLOAKROOM_COOKIE_SAMESITE).")
    @Nullable String cookieSameSite;

    @Option(names = "--cookie-domain", paramLabel = "DOMAIN",
            description = "SESSION_COOKIE_DOMAIN (CLOAKROOM_COOKIE_DOMAIN).")
    @Nullable String cookieDomain;

    @Option(names = "--cookie-path", paramLabel = "PATH",
            description = "SESSION_COOKIE_PATH (CLOAKROOM_COOKIE_PATH).")
    @Nullable String cookiePath;

    @Option(names = "--save-every-request", paramLabel = "BOOL",
            description = "SESSION_SAVE_EVERY_REQUEST (CLOAKROOM_SAVE_EVERY_REQUEST).")
    @Nullable String saveEveryRequest;

    @Option(names = "--expire-at-browser-close", paramLabel = "BOOL",
            description = "SESSION_EXPIRE_AT_BROWSER_CLOSE (CLOAKROOM_EXPIRE_AT_BROWSER_CLOSE).")
    @Nullable String expireAtBrowserClose;

    @Option(names = "--django-users", paramLabel = "BOOL",
            description = "Log in the users of the Django database it shares (CLOAKROOM_DJANGO_USERS).")
    @Nullable String djangoUsers;

    @Option(names = "--django-version", paramLabel = "VERSION",
            description = "The Django sharing the store: 3.2, 4.2 or 5.2"
                    + " (CLOAKROOM_DJANGO_VERSION; default 5.2).")
    @Nullable String djangoVersion;

    @Override
    Map<Variable, String> extraFlags() {
        Map<Variable, String> flags = new EnumMap<>(Variable.class);
        put(flags, Variable.PORT, port);
        put(flags, Variable.COOKIE_SECURE, cookieSecure);
        put(flags, Variable.COOKIE_HTTPONLY, cookieHttpOnly);
        put(flags, Variable.COOKIE_SAMESITE, cookieSameSite);
        put(flags, Variable.COOKIE_DOMAIN, cookieDomain);
        put(flags, Variable.COOKIE_PATH, cookiePath);
        put(flags, Variable.SAVE_EVERY_REQUEST, saveEveryRequest);
        put(flags, Variable.EXPIRE_AT_BROWSER_CLOSE, expireAtBrowserClose);
        put(flags, Variable.DJANGO_USERS, djangoUsers);
        put(flags, Variable.DJANGO_VERSION, djangoVersion);
        return flags;
    }

    private static void put(Map<Variable, String> flags, Variable variable, @Nullable String value) {
        if (value != null) {
            flags.put(variable, value);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        DemoServer server = DemoServer.start(config());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cloakroom-demo-shutdown"));
        server.join();
        return Cli.OK;
    }
}
