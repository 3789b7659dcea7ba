package dev.berth.daemon.router.system;

import java.nio.file.Path;

/** What the system routes need from the engine, and nothing more. */
public interface SystemBackend {

    /** Container and image counts for {@code /info}. */
    record Counts(int containers, int running, int paused, int stopped, int images) {
    }

    Counts counts();

    /** The OCI runtime in use ("crun" or "runc") and why it was chosen. */
    String runtimeName();

    String runtimeReason();

    /** The runtime's own version line, e.g. "1.8.1". */
    String runtimeVersion();

    Path dataRoot();
}
