package dev.berth.engine.error;

/** The service cannot do this now (HTTP 503). */
public final class UnavailableException extends BerthException {

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
