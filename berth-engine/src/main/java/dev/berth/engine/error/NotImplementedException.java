package dev.berth.engine.error;

/** The engine does not support this request (HTTP 501). */
public final class NotImplementedException extends BerthException {

    public NotImplementedException(String message) {
        super(message);
    }

    public NotImplementedException(String message, Throwable cause) {
        super(message, cause);
    }
}
