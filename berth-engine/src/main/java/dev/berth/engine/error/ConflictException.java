package dev.berth.engine.error;

/** The request conflicts with the object's current state, such as a name in use or removing a running container (HTTP 409). */
public final class ConflictException extends BerthException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
