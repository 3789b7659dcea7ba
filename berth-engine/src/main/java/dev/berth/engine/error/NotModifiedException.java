package dev.berth.engine.error;

/** The object is already in the requested state, such as starting a running container (HTTP 304). */
public final class NotModifiedException extends BerthException {

    public NotModifiedException(String message) {
        super(message);
    }

    public NotModifiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
