package dev.berth.engine.error;

/** The named object does not exist (HTTP 404). */
public final class NotFoundException extends BerthException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
