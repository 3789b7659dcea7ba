package dev.berth.engine.error;

/** A real fault below the service: an I/O error, a runtime that failed (HTTP 500). Always has a cause or a precise message. */
public final class SystemException extends BerthException {

    public SystemException(String message) {
        super(message);
    }

    public SystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
