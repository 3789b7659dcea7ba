package dev.berth.api.client;

import java.io.IOException;

/**
 * The daemon answered with a status of 400 or more. {@code message} is the daemon's text
 * as it wrote it (from {@code {"message": ...}}); {@link #getMessage()} adds nothing to it, so
 * callers print "Error response from daemon: " + message, as docker does.
 */
public final class ApiException extends IOException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }
}
