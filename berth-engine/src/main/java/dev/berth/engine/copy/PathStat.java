package dev.berth.engine.copy;

import java.time.Instant;

/**
 * What {@code HEAD /containers/{id}/archive} reports in {@code X-Docker-Container-Path-Stat}.
 *
 * @param mode       Go's {@code os.FileMode}: permission bits plus type bits (directory 1&lt;&lt;31,
 *                   symlink 1&lt;&lt;27...), not POSIX st_mode
 * @param linkTarget for a symlink, the path it leads to inside the container, else empty
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {

    static final long DIR = 1L << 31;
    static final long SYMLINK = 1L << 27;
    static final long DEVICE = 1L << 26;
    static final long NAMED_PIPE = 1L << 25;
    static final long SOCKET = 1L << 24;
    static final long SETUID = 1L << 23;
    static final long SETGID = 1L << 22;
    static final long CHAR_DEVICE = 1L << 21;
    static final long STICKY = 1L << 20;

    /** Go's FileMode of a POSIX {@code st_mode}. */
    static long goMode(int stMode) {
        long mode = stMode & 0777;
        switch (stMode & 0170000) {
            case 0040000 -> mode |= DIR;
            case 0120000 -> mode |= SYMLINK;
            case 0060000 -> mode |= DEVICE;
            case 0020000 -> mode |= DEVICE | CHAR_DEVICE;
            case 0010000 -> mode |= NAMED_PIPE;
            case 0140000 -> mode |= SOCKET;
            default -> {
            }
        }
        if ((stMode & 04000) != 0) {
            mode |= SETUID;
        }
        if ((stMode & 02000) != 0) {
            mode |= SETGID;
        }
        if ((stMode & 01000) != 0) {
            mode |= STICKY;
        }
        return mode;
    }
}
