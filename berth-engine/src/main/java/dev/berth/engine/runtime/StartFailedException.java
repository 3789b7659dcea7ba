package dev.berth.engine.runtime;

/**
 * Thrown by {@link TaskMonitor#start} when the container's process never ran. The engine
 * records {@code failure().exitCode()} as the container's exit code and answers with
 * {@code failure().toException()}.
 */
public final class StartFailedException extends RuntimeException {

    private final StartFailure failure;

    public StartFailedException(StartFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public StartFailure failure() {
        return failure;
    }
}
