package dev.cloakroom.cli;

/** A command ends with a one-line message and an exit status other than 0. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private CommandFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Exit status 1: what was asked for does not exist (or does not verify). */
    static CommandFailure notFound(String message) {
        return new CommandFailure(Cli.NOT_FOUND, message);
    }

    /** Exit status 2: the command cannot do that with this configuration or these arguments. */
    static CommandFailure usage(String message) {
        return new CommandFailure(Cli.USAGE, message);
    }

    int status() {
        return status;
    }
}
