package dev.berth.testkit;

/** What a command printed and how it exited. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public CommandResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        return this;
    }

    /** stdout without its trailing newline. */
    public String out() {
        return stdout.strip();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
