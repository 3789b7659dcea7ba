package dev.berth.compose.project;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.Filters;
import dev.berth.api.types.network.Ipam;
import dev.berth.api.types.network.NetworkCreateRequest;
import dev.berth.api.types.volume.VolumeCreateRequest;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Volume;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's networks and named volumes: created when missing with compose's labels
 * ({@code com.docker.compose.network|volume}, project, version), checked when external,
 * removed at down (volumes only when asked; external ones never).
 */
public final class ProjectResources {

    private final EngineClient client;
    private final Progress progress;

    public ProjectResources(EngineClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public void ensureNetworks(Project project) throws IOException {
        for (Map.Entry<String, Network> e : project.networks().entrySet()) {
            Network n = e.getValue();
            boolean exists = networkExists(n.name());
            if (n.external()) {
                if (!exists) {
                    throw new IllegalArgumentException("network " + n.name() + " declared as external, but could not be found");
                }
                continue;
            }
            if (exists) {
                continue;
            }
            String resource = "Network " + n.name();
            progress.working(resource, "Creating");
            Map<String, String> labels = new LinkedHashMap<>(n.labels());
            labels.put(ComposeLabels.NETWORK, e.getKey());
            labels.put(ComposeLabels.PROJECT, project.name());
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            client.networks().create(new NetworkCreateRequest(n.name(), n.driver() == null ? "bridge" : n.driver(),
                    n.internal(), n.attachable(), ipam(n.ipam()), n.enableIpv6(), n.driverOpts(), labels));
            progress.done(resource, "Created");
        }
    }

    public void ensureVolumes(Project project) throws IOException {
        for (Map.Entry<String, Volume> e : project.volumes().entrySet()) {
            Volume v = e.getValue();
            boolean exists = volumeExists(v.name());
            if (v.external()) {
                if (!exists) {
                    throw new IllegalArgumentException("external volume \"" + v.name() + "\" not found");
                }
                continue;
            }
            if (exists) {
                continue;
            }
            String resource = "Volume " + v.name();
            progress.working(resource, "Creating");
            Map<String, String> labels = new LinkedHashMap<>(v.labels());
            labels.put(ComposeLabels.PROJECT, project.name());
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            labels.put(ComposeLabels.VOLUME, e.getKey());
            client.volumes().create(new VolumeCreateRequest(v.name(), v.driver() == null ? "local" : v.driver(),
                    v.driverOpts(), labels));
            progress.done(resource, "Created");
        }
    }

    /**
     * Removes the project's networks: those labelled with the project (so a project known only
     * by name, without its file, is cleaned up too) plus the file's non-external ones.
     */
    public void removeNetworks(String project, Project model) throws IOException {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (var n : client.networks().listRaw(Filters.none().with("label", ComposeLabels.PROJECT + "=" + project))) {
            names.add(n.path("Name").asText());
        }
        if (model != null) {
            model.networks().values().stream().filter(n -> !n.external()).map(Network::name).forEach(names::add);
        }
        for (String name : names) {
            if (!networkExists(name)) {
                continue;
            }
            String resource = "Network " + name;
            progress.working(resource, "Removing");
            client.networks().remove(name);
            progress.done(resource, "Removed");
        }
    }

    /** Removes the project's named volumes (down -v): labelled ones plus the file's non-external ones. */
    public void removeVolumes(String project, Project model) throws IOException {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (var v : client.volumes().listRaw(Filters.none().with("label", ComposeLabels.PROJECT + "=" + project))) {
            names.add(v.path("Name").asText());
        }
        if (model != null) {
            model.volumes().values().stream().filter(v -> !v.external()).map(Volume::name).forEach(names::add);
        }
        for (String name : names) {
            if (!volumeExists(name)) {
                continue;
            }
            String resource = "Volume " + name;
            progress.working(resource, "Removing");
            client.volumes().remove(name, false);
            progress.done(resource, "Removed");
        }
    }

    private static Ipam ipam(Network.Ipam ipam) {
        if (ipam.driver() == null && ipam.config().isEmpty() && ipam.options().isEmpty()) {
            return null;
        }
        List<Ipam.Config> configs = ipam.config().stream()
                .map(p -> new Ipam.Config(p.subnet(), p.ipRange(), p.gateway())).toList();
        return new Ipam(ipam.driver() == null ? "default" : ipam.driver(), ipam.options(), configs);
    }

    private boolean networkExists(String name) throws IOException {
        try {
            client.networks().inspectBytes(name);
            return true;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    private boolean volumeExists(String name) throws IOException {
        try {
            client.volumes().inspectBytes(name);
            return true;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }
}
