package dev.berth.engine.runtime;

/**
 * How a task's standard streams are connected. Without a TTY, stdout and stderr are pipes
 * that the caller must drain (a full pipe blocks the container); stdin is a pipe only when
 * asked for ({@code docker run -i}), else /dev/null. With a TTY ({@code -t}) the runtime
 * runs on a pseudo-terminal the daemon opened: stdout carries the terminal's raw output,
 * stderr is empty, and stdin (when asked for) writes to the terminal.
 *
 * @param rows    initial terminal height, 0 for the kernel's default
 * @param columns initial terminal width, 0 for the kernel's default
 */
public record TaskIo(boolean stdin, boolean tty, int rows, int columns) {

    public static final TaskIo NO_STDIN = new TaskIo(false, false, 0, 0);
    public static final TaskIo WITH_STDIN = new TaskIo(true, false, 0, 0);

    public static TaskIo pipes(boolean stdin) {
        return stdin ? WITH_STDIN : NO_STDIN;
    }

    /** A TTY of the given size (Docker's {@code ConsoleSize} {@code [height, width]}, may be null). */
    public static TaskIo terminal(boolean stdin, java.util.List<Integer> consoleSize) {
        boolean sized = consoleSize != null && consoleSize.size() == 2;
        return new TaskIo(stdin, true, sized ? consoleSize.get(0) : 0, sized ? consoleSize.get(1) : 0);
    }
}
