package dev.berth.compose.project;

import dev.berth.api.client.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The verbs that act on a project's existing containers: start, stop, restart, kill, pause,
 * unpause, rm. Each takes the containers in the order to act on (the caller sorts: start order
 * for start, reverse for stop) and reports compose's progress per container.
 */
public final class Lifecycle {

    private final ContainerActions actions;

    public Lifecycle(ContainerActions actions) {
        this.actions = actions;
    }

    public void start(List<ProjectContainer> containers) throws IOException {
        for (ProjectContainer c : containers) {
            if (!c.running()) {
                actions.start(c.id(), c.name());
            }
        }
    }

    public void stop(List<ProjectContainer> containers, Duration timeout) throws IOException {
        for (ProjectContainer c : containers) {
            if (c.running()) {
                actions.stop(c.id(), c.name(), timeout);
            }
        }
    }

    public void restart(List<ProjectContainer> containers, Duration timeout) throws IOException {
        for (ProjectContainer c : containers) {
            actions.restart(c.id(), c.name(), timeout);
        }
    }

    public void kill(List<ProjectContainer> containers, String signal) throws IOException {
        for (ProjectContainer c : containers) {
            if (c.running()) {
                String resource = "Container " + c.name();
                actions.progress().working(resource, "Killing");
                actions.client().containers().kill(c.id(), signal);
                actions.progress().done(resource, "Killed");
            }
        }
    }

    /** {@code pause} true pauses running containers, false unpauses paused ones. */
    public void pause(List<ProjectContainer> containers, boolean pause) throws IOException {
        for (ProjectContainer c : containers) {
            if (pause ? (c.running() && !c.paused()) : c.paused()) {
                String resource = "Container " + c.name();
                actions.progress().working(resource, pause ? "Pausing" : "Unpausing");
                try (ApiResponse r = actions.client().raw("POST", "/containers/" + c.id() + (pause ? "/pause" : "/unpause"))) {
                    r.body().transferTo(java.io.OutputStream.nullOutputStream());
                }
                actions.progress().done(resource, pause ? "Paused" : "Unpaused");
            }
        }
    }

    /** Removes stopped containers; with {@code stopFirst} running ones are stopped before. */
    public void remove(List<ProjectContainer> containers, boolean stopFirst, boolean volumes, Duration timeout)
            throws IOException {
        for (ProjectContainer c : containers) {
            if (c.running()) {
                if (!stopFirst) {
                    continue;
                }
                actions.stop(c.id(), c.name(), timeout);
            }
            actions.remove(c.id(), c.name(), false, volumes);
        }
    }
}
