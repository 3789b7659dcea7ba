package dev.berth.engine.networks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one running container's /etc/hosts says (the embedded DNS server answers from the same
 * records, through {@link #dnsNames}):
 * its own address and hostname, the {@code --add-host} entries ({@code host-gateway} becomes its
 * primary network's gateway), the {@code --link}s on the default bridge, and on every
 * user-defined network it shares with others their container name, aliases and short ID.
 * Containers on no common user-defined network never appear, so their names do not resolve.
 */
final class HostsView {

    private HostsView() {
    }

    static String render(String containerId, Declared.Sandbox sb, List<Network> networks) {
        Network primary = null;
        for (Network n : networks) {
            Network.Endpoint own = n.endpoints().get(containerId);
            if (own != null && own.ipAddress().equals(sb.primaryIp())) {
                primary = n;
            }
        }
        String gateway = primary != null ? primary.gateway()
                : networks.stream().filter(n -> Network.BRIDGE.equals(n.name())).map(Network::gateway).findFirst().orElse("");
        String own = sb.primaryIp() == null || sb.primaryIp().isEmpty() ? "127.0.1.1" : sb.primaryIp();
        String hostname = sb.domainname() == null || sb.domainname().isEmpty() ? sb.hostname()
                : sb.hostname() + "." + sb.domainname() + " " + sb.hostname();
        return HostsFile.render(hostname, own, HostsFile.extraHosts(sb.extraHosts(), gateway), peers(containerId, sb, networks));
    }

    private static List<HostsFile.Entry> peers(String containerId, Declared.Sandbox sb, List<Network> networks) {
        List<HostsFile.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(containerId);
        for (String link : sb.links()) {
            linked(link, containerId, networks).ifPresent(entries::add);
        }
        for (Network n : networks) {
            if (!n.resolvesNames() || !n.endpoints().containsKey(containerId)) {
                continue;
            }
            for (Network.Endpoint other : n.endpoints().values()) {
                if (seen.add(other.containerId())) {
                    entries.add(new HostsFile.Entry(other.ipAddress(), dnsNames(other)));
                }
            }
        }
        return entries;
    }

    /**
     * A {@code name[:alias]} link as dockerd writes it: {@code address alias shortID name}. On the
     * default bridge, and on a user-defined network both containers are on (dockerd turns a link
     * there into an alias on that network: docker-compose 1.x sends its one-off containers'
     * links so).
     */
    static Optional<HostsFile.Entry> linked(String link, String containerId, List<Network> networks) {
        String[] parts = parseLink(link);
        for (Network n : networks) {
            boolean shared = n.resolvesNames() && n.endpoints().containsKey(containerId);
            if (!Network.BRIDGE.equals(n.name()) && !shared) {
                continue;
            }
            for (Network.Endpoint e : n.endpoints().values()) {
                if (e.containerName().equals(parts[0]) || e.containerId().startsWith(parts[0])) {
                    List<String> names = new ArrayList<>();
                    if (!parts[1].equals(e.containerName())) {
                        names.add(parts[1]);
                    }
                    names.add(e.containerId().substring(0, 12));
                    names.add(e.containerName());
                    return Optional.of(new HostsFile.Entry(e.ipAddress(), names));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code name:alias}, {@code /name:/self/alias} (dockerd's stored form) or {@code name}: {name, alias}. */
    static String[] parseLink(String link) {
        int colon = link.indexOf(':');
        String name = colon < 0 ? link : link.substring(0, colon);
        String alias = colon < 0 ? name : link.substring(colon + 1);
        name = name.startsWith("/") ? name.substring(1) : name;
        alias = alias.substring(alias.lastIndexOf('/') + 1);
        return new String[] {name, alias};
    }

    /** The names a peer answers to: its name, its aliases, its short ID (Docker's DNSNames). */
    static List<String> dnsNames(Network.Endpoint e) {
        List<String> names = new ArrayList<>();
        names.add(e.containerName());
        names.addAll(e.aliases());
        names.add(e.containerId().substring(0, 12));
        return names;
    }
}
