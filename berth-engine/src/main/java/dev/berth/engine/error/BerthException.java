package dev.berth.engine.error;

/**
 * The kinds of failure an engine service reports. Services throw a kind, never an HTTP
 * status: the daemon maps each kind to dockerd's status code in one exhaustive switch.
 * Messages use dockerd's wording where clients read them ("No such container: x").
 */
public abstract sealed class BerthException extends RuntimeException
        permits NotFoundException, InvalidArgumentException, ConflictException,
                NotModifiedException, UnavailableException, NotImplementedException,
                SystemException, ForbiddenException, UnauthorizedException {

    protected BerthException(String message) {
        super(message);
    }

    protected BerthException(String message, Throwable cause) {
        super(message, cause);
    }
}
