package dev.cloakroom.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * {@code java -jar cloakroom.jar ...}: runs {@link Cli} on the process's environment and exits with its
 * status.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its status: 0 ok, 1 not found or failed, 2 usage or configuration.
     */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        int status = Cli.run(System.getenv(), Path.of(""), out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
