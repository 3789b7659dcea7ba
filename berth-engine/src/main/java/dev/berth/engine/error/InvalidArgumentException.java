package dev.berth.engine.error;

/** The request is malformed or names an impossible value (HTTP 400). */
public final class InvalidArgumentException extends BerthException {

    public InvalidArgumentException(String message) {
        super(message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
