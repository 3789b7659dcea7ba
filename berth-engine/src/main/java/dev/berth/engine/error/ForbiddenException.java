package dev.berth.engine.error;

/** The operation is never allowed on this object, such as removing a predefined network (HTTP 403). */
public final class ForbiddenException extends BerthException {

    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
