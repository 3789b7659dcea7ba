package dev.berth.engine.networks;

import dev.berth.engine.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Daemon start: containers still running after a crash get their networks' bridges and their
 * published ports back; what containers that no longer run left behind (namespaces, veths,
 * address allocations) goes.
 *
 * <p>Runs under the {@link NetworkService}'s lock.
 */
final class EndpointRecovery {

    private static final System.Logger LOG = System.getLogger("berthd.networks");

    private final Endpoints endpoints;

    EndpointRecovery(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    void recover(Set<String> running) {
        NetworkService service = endpoints.service;
        Map<String, Declared> all = endpoints.declared.all();
        for (var e : all.entrySet()) {
            String id = e.getKey();
            Declared d = e.getValue();
            boolean netnsLeft = Files.exists(Path.of("/var/run/netns", Endpoints.netnsName(id)));
            if (running.contains(id) && d.sandbox() != null && netnsLeft) {
                for (String networkId : d.endpoints().keySet()) {
                    try {
                        service.bringUp(service.lookup(networkId));
                    } catch (NotFoundException gone) {
                        LOG.log(System.Logger.Level.WARNING, "network " + networkId + " of " + id + " is gone");
                    }
                }
                endpoints.sandboxes.put(id, d.sandbox(), Sandboxes.open(d.sandbox().ports(), d.sandbox().primaryIp()));
            } else if (d.sandbox() != null || netnsLeft) {
                LOG.log(System.Logger.Level.INFO, "cleaning up the network of container " + id.substring(0, 12));
                endpoints.unplugAll(id);
                endpoints.veths.deleteNamespace(Endpoints.netnsName(id));
                endpoints.declared.write(id, d.withSandbox(null));
            }
        }
        for (Network n : service.list()) {
            for (Network.Endpoint ep : n.endpoints().values()) {
                if (!endpoints.sandboxes.isAttached(ep.containerId())) {
                    endpoints.veths.unplug(Endpoints.netnsName(ep.containerId()), ep.interfaceName(), ep.hostVeth());
                    service.update(service.lookup(n.id()).withoutEndpoint(ep.containerId()));
                    endpoints.veths.deleteNamespace(Endpoints.netnsName(ep.containerId()));
                }
            }
        }
        endpoints.sandboxes.rewriteHosts();
    }
}
