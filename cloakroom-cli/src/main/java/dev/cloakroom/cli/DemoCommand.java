package dev.cloakroom.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code cloakroom demo}: the demo is a jar of its own (it carries a web server, which this one does not);
 * the {@code cloakroom} launcher runs it. Run from this jar, the command says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serve the demo site on http://127.0.0.1:8000 (or --port) until Ctrl-C.",
            "The demo is a jar of its own: './cloakroom demo' runs it (see './cloakroom demo --help' for its",
            "flags), as does 'java -jar cloakroom-demo/target/cloakroom-demo.jar'."})
final class DemoCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw CommandFailure.usage("The demo is a jar of its own: run './cloakroom demo' (or java -jar "
                + "cloakroom-demo/target/cloakroom-demo.jar)");
    }
}
