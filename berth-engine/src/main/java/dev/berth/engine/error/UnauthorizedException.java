package dev.berth.engine.error;

/**
 * The caller's credentials (or their absence) were refused, by a registry or a login (HTTP
 * 401). Clients answer it by asking for a login: the docker CLI on a terminal, berth's too.
 */
public final class UnauthorizedException extends BerthException {

    public UnauthorizedException(String message) {
        super(message);
    }

    public UnauthorizedException(String message, Throwable cause) {
        super(message, cause);
    }
}
