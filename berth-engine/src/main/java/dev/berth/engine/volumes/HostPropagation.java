package dev.berth.engine.volumes;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.posix.Mounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a bind's propagation needs from the host, checked as moby checks it before a start: a
 * {@code shared}/{@code rshared} bind needs its source on a shared mount, a
 * {@code slave}/{@code rslave} one on a shared or slave mount (else mounts made below the
 * source could never propagate). The mount holding a path is the longest mount point in
 * {@code /proc/self/mountinfo} that contains it; its optional fields say {@code shared:N}
 * and/or {@code master:N}.
 */
final class HostPropagation {

    /** How the mount holding a path propagates. */
    record Holder(String mountPoint, boolean shared, boolean slave) {
    }

    private HostPropagation() {
    }

    /** Throws moby's error when {@code source} cannot give {@code propagation}. */
    static void check(Path source, String propagation) {
        boolean wantsShared = propagation.endsWith("shared");
        boolean wantsSlave = propagation.endsWith("slave");
        if (!wantsShared && !wantsSlave) {
            return;
        }
        Holder holder;
        try {
            holder = holderOf(source.toRealPath().toString(), Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new InvalidArgumentException("cannot check the propagation of " + source + ": " + e.getMessage());
        }
        if (wantsShared && !holder.shared()) {
            throw new InvalidArgumentException("path " + source + " is mounted on " + holder.mountPoint()
                    + " but it is not a shared mount");
        }
        if (wantsSlave && !holder.shared() && !holder.slave()) {
            throw new InvalidArgumentException("path " + source + " is mounted on " + holder.mountPoint()
                    + " but it is not a shared or slave mount");
        }
    }

    /** The mount of {@code mountinfo} (its text) that holds the absolute real {@code path}. */
    static Holder holderOf(String path, String mountinfo) {
        Holder best = new Holder("/", false, false);
        int bestLength = -1;
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 7) {
                continue;
            }
            String point = Mounts.mountInfoPath(f[4]);
            boolean contains = point.equals("/") || path.equals(point) || path.startsWith(point + "/");
            // a later line for the same point is a mount on top of the earlier one: it wins
            if (contains && point.length() >= bestLength) {
                boolean shared = false;
                boolean slave = false;
                for (int i = 6; i < f.length && !f[i].equals("-"); i++) {
                    shared |= f[i].startsWith("shared:");
                    slave |= f[i].startsWith("master:");
                }
                best = new Holder(point, shared, slave);
                bestLength = point.length();
            }
        }
        return best;
    }
}
