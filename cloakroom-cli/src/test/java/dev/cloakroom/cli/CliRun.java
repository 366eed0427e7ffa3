package dev.cloakroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in-process with a given environment, capturing its output. */
record CliRun(int status, String out, String err) {

    static CliRun run(Map<String, String> environment, Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(environment, workingDirectory, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The first line of stderr. */
    String errorLine() {
        return err.lines().findFirst().orElse("");
    }
}
