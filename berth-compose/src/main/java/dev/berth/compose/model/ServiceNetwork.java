package dev.berth.compose.model;

import java.util.List;

/**
 * How a service attaches to one project network ({@code services.x.networks.<name>}).
 *
 * @param aliases     further DNS names of the service on that network
 * @param ipv4Address a static IPv4 address, or null
 * @param ipv6Address a static IPv6 address, or null
 * @param macAddress  a static MAC address, or null
 * @param priority    connection order: higher first (0 when unset)
 * @param linkLocalIps link-local addresses
 */
public record ServiceNetwork(
        List<String> aliases, String ipv4Address, String ipv6Address, String macAddress, int priority,
        List<String> linkLocalIps) {

    /** The attachment of the list syntax ({@code networks: [front]}): nothing special. */
    public static final ServiceNetwork DEFAULT = new ServiceNetwork(List.of(), null, null, null, 0, List.of());

    public ServiceNetwork {
        aliases = Copies.list(aliases);
        linkLocalIps = Copies.list(linkLocalIps);
    }
}
