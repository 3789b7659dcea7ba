package dev.berth.posix;

import java.io.IOException;

/**
 * A failed system call: carries the call, the path or object it was about, and the errno
 * with its symbolic name, so that callers that know the meaning can match on it
 * ({@code e.errno() == Errno.ENOENT}) and everyone else gets a readable message.
 */
public final class PosixException extends IOException {

    private final String call;
    private final int errno;

    public PosixException(String call, String subject, int errno) {
        super(call + "(" + subject + "): " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
