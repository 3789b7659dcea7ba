package dev.berth.cli;

/**
 * A command's failure with the exit status docker would give (its StatusError): the message
 * is printed to stderr as it is (null or empty prints nothing), then the CLI exits with {@code status}.
 */
public final class CliFailure extends RuntimeException {

    private final int status;

    public CliFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
