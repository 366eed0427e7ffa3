package dev.cloakroom.cli;

import dev.cloakroom.SessionException;
import dev.cloakroom.config.ConfigurationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code cloakroom} command line, runnable in-process: the environment, working directory and output
 * streams are parameters, so tests run it without touching the real environment.
 *
 * <p>Exit status: 0 ok; 1 not found (an unknown session key, a value whose signature does not verify) or a
 * storage failure; 2 a usage or configuration error. Errors are one line on {@code err}, starting
 * {@code cloakroom:}; a stack trace is printed only with {@code --verbose}.
 */
public final class Cli {

    /** Success. */
    public static final int OK = 0;
    /** Not found, or the storage failed. */
    public static final int NOT_FOUND = 1;
    /** A usage or configuration error. */
    public static final int USAGE = 2;

    private Cli() {
    }

    /**
     * Runs {@code args} and returns the exit status.
     *
     * @param environment the variables to read {@code CLOAKROOM_*} from, usually {@code System.getenv()}
     * @param workingDirectory where {@code .cloakroom-secret} and the default SQLite file live
     */
    public static int run(Map<String, String> environment, Path workingDirectory, PrintWriter out,
            PrintWriter err, String... args) {
        Context context = new Context(Map.copyOf(environment), workingDirectory, out, err);
        CommandLine commandLine = new CommandLine(new CloakroomCommand(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        SettingOptions.addTo(commandLine);
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> failure(e, cl, context));
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** What every command can reach: the environment and the output. */
    record Context(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err) {
        Context {
            Objects.requireNonNull(environment, "environment");
        }
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + oneLine(String.valueOf(e.getMessage()))
                + " (see '" + name + " --help')");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine command, Context context) {
        PrintWriter err = command.getErr();
        boolean verbose = CloakroomCommand.verbose(command);
        int status;
        String message;
        if (e instanceof CommandFailure failure) {
            status = failure.status();
            message = failure.getMessage();
        } else if (e instanceof ConfigurationException) {
            status = USAGE;
            message = e.getMessage();
        } else if (e instanceof SessionException) {
            status = NOT_FOUND;
            message = e.getMessage();
        } else {
            status = NOT_FOUND;
            message = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (run with --verbose for details)";
        }
        err.println("cloakroom: " + oneLine(String.valueOf(message)));
        if (verbose) {
            e.printStackTrace(err);
        }
        return status;
    }

    static String oneLine(String message) {
        return message.replace("\r", " ").replace("\n", " ");
    }
}
