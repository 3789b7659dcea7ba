package dev.berth.engine.exec;

import dev.berth.api.types.exec.ExecCreateRequest;
import java.util.OptionalInt;

/**
 * A snapshot of one exec instance for {@code GET /exec/{id}/json}.
 *
 * @param exitCode empty until the process has ended
 * @param pid      the process's host pid, 0 before it started
 */
public record Exec(String id, String containerId, ExecCreateRequest config, boolean running, OptionalInt exitCode,
        long pid) {
}
