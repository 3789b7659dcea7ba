package dev.berth.engine.runtime;

/**
 * How a task's standard streams are connected. stdout and stderr are always pipes that the
 * caller must drain (a full pipe blocks the container); stdin is a pipe only when asked
 * for ({@code docker run -i}), else /dev/null.
 */
public record TaskIo(boolean stdin) {

    public static final TaskIo NO_STDIN = new TaskIo(false);
    public static final TaskIo WITH_STDIN = new TaskIo(true);
}
