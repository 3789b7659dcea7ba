package dev.berth.engine.networks.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The names one listener answers, as the asking container sees them. Implementations read the
 * same records that render /etc/hosts, so the two never disagree; calls come from many threads.
 */
public interface NameTable {

    /**
     * The addresses of {@code name} (lower case, no trailing dot) for a query from
     * {@code asker}; empty when it is no container name, alias or short ID the asker may see
     * (it is then forwarded, or NXDOMAIN for a single label).
     */
    Optional<List<Inet4Address>> addresses(InetAddress asker, String name);

    /**
     * Reverse lookup: the host names of the container at {@code address} as dockerd answers
     * them ({@code <container name>.<network name>}), for a query from {@code asker}. Empty when
     * the address lies in no subnet of a network the asker sees (the query is then forwarded);
     * an empty list when it does but no container there has it (NXDOMAIN).
     */
    Optional<List<String>> hosts(InetAddress asker, Inet4Address address);

    /** Where the asker's other queries go: its {@code --dns} servers, else the daemon's. */
    List<InetSocketAddress> upstreams(InetAddress asker);
}
