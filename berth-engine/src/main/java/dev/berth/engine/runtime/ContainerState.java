package dev.berth.engine.runtime;

/**
 * The runtime's view of one container ({@code <runtime> state <id>}).
 *
 * @param status "creating", "created", "running", "paused" or "stopped"
 * @param pid    the container's init process as seen from the host, 0 when stopped
 */
public record ContainerState(String id, String status, long pid, String bundle) {

    public boolean running() {
        return status.equals("running") || status.equals("paused");
    }
}
