package dev.berth.compose.project;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One container operation with compose's progress around it ("Container app-web-1 Creating",
 * "Created"...). Stopping or removing a container that is already gone is not an error: another
 * client (or its restart policy, or AutoRemove) may have been faster.
 */
public final class ContainerActions {

    private final EngineClient client;
    private final Progress progress;

    public ContainerActions(EngineClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public EngineClient client() {
        return client;
    }

    public Progress progress() {
        return progress;
    }

    /** Creates {@code name} from {@code body} and joins the further networks; returns the ID. */
    public String create(String name, Map<String, Object> body, Map<String, List<String>> extraNetworks, String verb)
            throws IOException {
        String resource = "Container " + name;
        if (!verb.equals("Recreate")) {
            progress.working(resource, "Creating");
        }
        String id = client.containers().create(name, body).id();
        for (Map.Entry<String, List<String>> n : extraNetworks.entrySet()) {
            client.networks().connect(n.getKey(), id, n.getValue());
        }
        progress.done(resource, verb.equals("Recreate") ? "Recreated" : "Created");
        return id;
    }

    public void start(String id, String name) throws IOException {
        String resource = "Container " + name;
        progress.working(resource, "Starting");
        client.containers().start(id);
        progress.done(resource, "Started");
    }

    /** Restarts a running container ({@code timeout} null: its own stop timeout), as compose reports it. */
    public void restart(String id, String name, Duration timeout) throws IOException {
        String resource = "Container " + name;
        progress.working(resource, "Restarting");
        client.containers().restart(id, timeout == null ? null : (int) timeout.toSeconds(), null);
        progress.done(resource, "Started");
    }

    /** {@code timeout} null for the container's own stop timeout. */
    public void stop(String id, String name, Duration timeout) throws IOException {
        String resource = "Container " + name;
        progress.working(resource, "Stopping");
        try {
            client.containers().stop(id, timeout == null ? null : (int) timeout.toSeconds(), null);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        progress.done(resource, "Stopped");
    }

    public void remove(String id, String name, boolean force, boolean volumes) throws IOException {
        String resource = "Container " + name;
        progress.working(resource, "Removing");
        try {
            client.containers().remove(id, force, volumes);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        progress.done(resource, "Removed");
    }

    /** Stop and remove without reporting: the first half of a recreate, which compose shows as one "Recreate". */
    public void discard(ProjectContainer c, Duration timeout) throws IOException {
        Progress reporting = progress;
        new ContainerActions(client, Progress.silent()).stopAndRemove(c, timeout, false);
        reporting.working("Container " + c.name(), "Recreate");
    }

    /** Stop, then remove: what down, scale-down and recreate do to a container. */
    public void stopAndRemove(ProjectContainer c, Duration timeout, boolean volumes) throws IOException {
        if (c.running()) {
            stop(c.id(), c.name(), timeout);
        }
        remove(c.id(), c.name(), true, volumes);
    }
}
