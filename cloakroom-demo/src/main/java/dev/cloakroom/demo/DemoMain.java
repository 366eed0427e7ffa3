package dev.cloakroom.demo;

import dev.cloakroom.SessionException;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.Flags;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code cloakroom demo}: serves the demo until interrupted. The {@code cloakroom} launcher runs it from the
 * demo's own jar, so the command line ({@code cloakroom-cli}) carries no web server.
 *
 * <p>Exit status: 0 after {@code --help}; 2 for a bad setting or flag; 1 when the storage cannot be reached
 * or the port bound; errors are one line on standard error, starting {@code cloakroom:}.
 */
public final class DemoMain {

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private DemoMain() {
    }

    /** Serves the demo with the process's environment and {@code args} as flags; exits if it cannot. */
    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            // before any logger exists
            System.setProperty(LOGBACK_CONFIGURATION, "dev/cloakroom/demo/logback-demo.xml");
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        Started started = start(System.getenv(), Path.of(""), out, err, args);
        DemoServer server = started.server();
        if (server == null) {
            System.exit(started.status());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cloakroom-demo-shutdown"));
        server.join();
    }

    /** A started demo, or the exit status of a run that printed usage or an error. */
    record Started(int status, @Nullable DemoServer server) {
    }

    /**
     * Starts the demo, or prints usage ({@code --help}) or one error line.
     *
     * @param environment where {@code CLOAKROOM_*} variables are read
     */
    static Started start(Map<String, String> environment, Path workingDirectory, PrintWriter out,
            PrintWriter err, String... args) {
        if (Arrays.asList(args).contains("--help")) {
            out.println("Usage: cloakroom demo [--SETTING=VALUE]...");
            out.println("Serve the demo site on http://127.0.0.1:8000 (or --port) until Ctrl-C.");
            out.println("With nothing configured it keeps sessions in ./cloakroom.sqlite3 (created on first "
                    + "run).");
            out.println("Settings come from CLOAKROOM_* environment variables; flags override them. The demo "
                    + "turns idle and absolute expiry on:");
            out.println(DemoSettings.EXPIRY_DEFAULTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                    + " (seconds) unless they are set.");
            out.print(Flags.usage(DemoSettings.all()));
            out.flush();
            return new Started(0, null);
        }
        int status;
        String message;
        try {
            return new Started(0, DemoServer.start(DemoSettings.read(environment,
                    Flags.parse(DemoSettings.all(), args), workingDirectory)));
        } catch (ConfigurationException e) {
            status = 2;
            message = e.getMessage();
        } catch (SessionException | IllegalStateException e) {
            status = 1;
            message = e.getMessage();
        }
        err.println("cloakroom: " + String.valueOf(message).replace("\r", " ").replace("\n", " "));
        err.flush();
        return new Started(status, null);
    }
}
