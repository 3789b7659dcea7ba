package dev.berth.engine.runtime;

import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import java.util.Locale;

/**
 * Why a container's process never ran, classified as Docker does (moby daemon/errors.go):
 * the kind fixes the exit code Docker records for the container and whether the start
 * request was the client's fault.
 *
 * @param message the runtime's (or the pre-check's) words, e.g.
 *                {@code exec: "nope": executable file not found in $PATH}
 */
public record StartFailure(Kind kind, String message) {

    public enum Kind {
        /** The command does not exist (or a bind mount's type is wrong): exit code 127. */
        NOT_FOUND(127),
        /** The command exists but cannot be executed (permission, a directory): exit code 126. */
        NOT_EXECUTABLE(126),
        /** Anything else the runtime refused: exit code 128. */
        UNKNOWN(128);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public int exitCode() {
        return kind.exitCode();
    }

    /** The error kind the daemon answers with: 400 for a bad command, 500 otherwise. */
    public BerthException toException() {
        return kind == Kind.UNKNOWN ? new SystemException(message) : new InvalidArgumentException(message);
    }

    /** Classifies a runtime's error text with Docker's rules, in Docker's order. */
    public static StartFailure classify(String runtimeMessage) {
        String m = runtimeMessage.toLowerCase(Locale.ROOT);
        if (m.contains("permission denied")) {
            return new StartFailure(Kind.NOT_EXECUTABLE, runtimeMessage);
        }
        if (m.contains("is a directory")) {
            return new StartFailure(Kind.NOT_EXECUTABLE, runtimeMessage + ": permission denied");
        }
        if (m.contains("not a directory")) {
            return new StartFailure(Kind.NOT_FOUND, runtimeMessage + ": Are you trying to mount a directory onto a"
                    + " file (or vice-versa)? Check if the specified host path exists and is the expected type");
        }
        if (m.contains("executable file not found") || m.contains("no such file or directory")) {
            return new StartFailure(Kind.NOT_FOUND, runtimeMessage);
        }
        return new StartFailure(Kind.UNKNOWN, runtimeMessage);
    }
}
