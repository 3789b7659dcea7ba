package dev.berth.engine.networks;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.NetworkSettings;
import dev.berth.engine.runtime.spec.NetworkNamespace;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Networking when no network service is wired (unit tests, tools): loopback or the host's stack. */
final class LoopbackOnly implements ContainerNetworking {

    @Override
    public void declare(String containerId, String networkMode, Map<String, EndpointRequest> endpoints) {
    }

    @Override
    public NetworkNamespace attach(Attachment a) {
        return Network.HOST.equals(a.host().networkMode()) ? new NetworkNamespace.Host() : new NetworkNamespace.Fresh();
    }

    @Override
    public void release(String containerId) {
    }

    @Override
    public void forget(String containerId) {
    }

    @Override
    public NetworkSettings settings(String containerId, String networkMode, Set<String> exposedPorts) {
        return new NetworkSettings("", "", "", Map.of(), "", "", 0, "", Map.of());
    }

    @Override
    public List<ContainerSummary.Port> ports(String containerId, Set<String> exposedPorts) {
        return List.of();
    }
}
