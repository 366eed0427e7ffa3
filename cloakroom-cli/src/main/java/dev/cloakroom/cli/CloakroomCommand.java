package dev.cloakroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: prints usage when run without a subcommand. */
@Command(name = "cloakroom", mixinStandardHelpOptions = true, version = "cloakroom 0.1.0-SNAPSHOT",
        description = {"Django's session framework for Java: the demo, and commands for stored sessions.",
            "Engine and settings come from CLOAKROOM_* environment variables; flags override them."},
        subcommands = {DemoCommand.class, MigrateCommand.class, ClearSessionsCommand.class,
            InspectCommand.class, ListCommand.class, RevokeCommand.class, StatsCommand.class,
            DecodeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 ok, 1 not found or storage failure, 2 usage or configuration error."})
final class CloakroomCommand implements Runnable {

    final Cli.Context context;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces when something fails.")
    boolean verbose;

    CloakroomCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw CommandFailure.usage("Missing command: try 'cloakroom demo', or 'cloakroom --help' for the "
                + "list");
    }

    /** Whether {@code --verbose} was given anywhere on the command line. */
    static boolean verbose(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Object option = root.getCommandSpec().findOption("--verbose").getValue();
        return Boolean.TRUE.equals(option);
    }
}
