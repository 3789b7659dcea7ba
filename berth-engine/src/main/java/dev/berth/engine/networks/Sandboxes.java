package dev.berth.engine.networks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running containers' sandboxes in memory: what their /etc/hosts is made of and the port
 * forwarders that are open for them. {@link #rewriteHosts} brings every running container's
 * /etc/hosts up to date, in place (the file is bind-mounted, so the same inode must change), and
 * only where the content changed.
 */
final class Sandboxes {

    private static final System.Logger LOG = System.getLogger("berthd.networks");

    private record Live(Declared.Sandbox sandbox, List<PortForwarder> forwarders) {
    }

    private final NetworkService service;
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    Sandboxes(NetworkService service) {
        this.service = service;
    }

    void put(String id, Declared.Sandbox sb, List<PortForwarder> forwarders) {
        Live old = live.put(id, new Live(sb, List.copyOf(forwarders)));
        if (old != null) {
            old.forwarders().forEach(PortForwarder::close);
        }
    }

    /** A changed sandbox of a running container; its forwarders stay open. */
    void update(String id, Declared.Sandbox sb) {
        live.computeIfPresent(id, (k, old) -> new Live(sb, old.forwarders()));
    }

    /**
     * Points the container's published ports at {@code ip} (its new primary address; empty: it
     * has none, the ports close): the proxies re-open on the host ports they had.
     */
    void repoint(String id, String ip) {
        Live old = live.get(id);
        if (old == null) {
            return;
        }
        old.forwarders().forEach(PortForwarder::close);
        Declared.Sandbox sb = old.sandbox().withPorts(old.sandbox().ports(), ip);
        live.put(id, new Live(sb, ip.isEmpty() ? List.of() : open(sb.ports(), ip)));
    }

    /** Opens the proxies of ports bound before (a restart, a new primary address), on the same host ports. */
    static List<PortForwarder> open(List<PublishedPort> ports, String ip) {
        List<PortForwarder> opened = new java.util.ArrayList<>();
        for (PublishedPort p : ports) {
            try {
                opened.add(PortForwarder.open(new PortRequest(p.hostIp(), p.hostPort(), p.hostPort(),
                        p.containerPort(), p.protocol()), ip));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot re-publish " + p + ": " + e.getMessage());
            }
        }
        return List.copyOf(opened);
    }

    boolean isAttached(String id) {
        return live.containsKey(id);
    }

    Declared.Sandbox get(String id) {
        return live.get(id).sandbox();
    }

    /** Closes the container's published ports and forgets it; whether it was there. */
    boolean remove(String id) {
        Live old = live.remove(id);
        if (old == null) {
            return false;
        }
        old.forwarders().forEach(PortForwarder::close);
        return true;
    }

    void rewriteHosts() {
        List<Network> networks = service.list();
        for (var e : live.entrySet()) {
            Path file = Path.of(e.getValue().sandbox().hostsFile());
            String content = HostsView.render(e.getKey(), e.getValue().sandbox(), networks);
            try {
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                    // Files.writeString truncates and writes the same inode, which the bind mount shows.
                    Files.writeString(file, content, StandardCharsets.UTF_8);
                }
            } catch (IOException ex) {
                LOG.log(System.Logger.Level.WARNING, "failed to write /etc/hosts of " + e.getValue().sandbox().name()
                        + ": " + ex.getMessage());
            }
        }
    }

    /** {@code --network container:}: the joining container starts with the other's /etc/hosts. */
    void copyHosts(String fromId, Path to) {
        Live from = live.get(fromId);
        if (from == null) {
            return;
        }
        try {
            Files.writeString(to, Files.readString(Path.of(from.sandbox().hostsFile()), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "failed to copy /etc/hosts of " + fromId + ": " + e.getMessage());
        }
    }
}
