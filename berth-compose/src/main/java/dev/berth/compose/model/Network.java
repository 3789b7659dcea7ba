package dev.berth.compose.model;

import java.util.List;
import java.util.Map;

/**
 * A top-level network (including the implicit {@code default}).
 *
 * @param name       the engine's name: "&lt;project&gt;_&lt;key&gt;" unless {@code name:} is set or it is external
 * @param driver     the driver, or null for the engine's default (bridge)
 * @param driverOpts driver options
 * @param ipam       address management, never null
 * @param internal   no outside connectivity
 * @param external   created outside the project: never created or removed by compose
 * @param labels     labels
 * @param attachable standalone containers may attach
 * @param enableIpv6 IPv6 on, off, or null (engine default)
 * @param enableIpv4 IPv4 on, off, or null (engine default)
 */
public record Network(
        String name, String driver, Map<String, String> driverOpts, Ipam ipam, boolean internal, boolean external,
        Map<String, String> labels, boolean attachable, Boolean enableIpv6, Boolean enableIpv4) {

    public Network {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
        ipam = ipam == null ? Ipam.NONE : ipam;
    }

    /**
     * {@code ipam}.
     *
     * @param driver  the IPAM driver, or null
     * @param config  address pools
     * @param options driver options
     */
    public record Ipam(String driver, List<IpamPool> config, Map<String, String> options) {
        public static final Ipam NONE = new Ipam(null, List.of(), Map.of());

        public Ipam {
            config = Copies.list(config);
            options = Copies.map(options);
        }
    }

    /**
     * One {@code ipam.config} entry; null fields are unset.
     *
     * @param subnet         CIDR
     * @param gateway        gateway address
     * @param ipRange        the range to allocate from, CIDR
     * @param auxAddresses   reserved addresses by host name
     */
    public record IpamPool(String subnet, String gateway, String ipRange, Map<String, String> auxAddresses) {
        public IpamPool {
            auxAddresses = Copies.map(auxAddresses);
        }
    }
}
