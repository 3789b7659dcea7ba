package dev.berth.engine.health;

import java.time.Instant;

/**
 * One probe's outcome. {@code exitCode} 0 is healthy, anything else a failure; -1 means the
 * probe did not finish within its timeout (as dockerd records it).
 *
 * @param output what the probe printed (stdout and stderr), at most {@link #MAX_OUTPUT} bytes
 */
public record ProbeResult(Instant start, Instant end, int exitCode, String output) {

    /** dockerd keeps at most 4 KiB of a probe's output. */
    public static final int MAX_OUTPUT = 4096;

    /** The exit code dockerd records for a probe that timed out. */
    public static final int TIMED_OUT = -1;

    public boolean healthy() {
        return exitCode == 0;
    }
}
