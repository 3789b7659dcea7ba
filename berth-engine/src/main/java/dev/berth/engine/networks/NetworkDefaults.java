package dev.berth.engine.networks;

import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's network flags, dockerd's names: {@code --bridge/-b} (the default network's Linux
 * bridge), {@code --bip} (its gateway address and subnet, e.g. {@code 10.99.0.1/24}) and
 * {@code --default-address-pool base=CIDR,size=N} (where subnets of networks created without
 * {@code --subnet} come from, in order).
 *
 * @param bridge the default bridge's name; null when not given: the stored one is kept
 *               ({@code berth0} for a new data root)
 * @param bip    null to keep the stored subnet (or, for a new data root, 172.29.0.0/16 when free,
 *               else the first free candidate)
 * @param pools  empty for berth's own: 172.30-31.0.0/16, then 10.200-250.0.0/16
 * @param dns    {@code --dns}: containers' default nameservers, i.e. where the embedded DNS server
 *               forwards names that are no container's (empty: the host's resolv.conf nameservers);
 *               berth also takes {@code address:port}
 */
public record NetworkDefaults(String bridge, String bip, List<AddressPool> pools, List<String> dns) {

    public static final String DEFAULT_BRIDGE = "berth0";

    public NetworkDefaults {
        bridge = bridge == null || bridge.isEmpty() ? null : bridge;
        if (bridge != null && (bridge.length() > 15 || bridge.contains("/") || bridge.isBlank())) {
            throw new InvalidArgumentException("invalid bridge name \"" + bridge + "\": 1 to 15 characters, no '/'");
        }
        bip = bip == null || bip.isEmpty() ? null : bip;
        if (bip != null) {
            gatewayOf(bip);
        }
        pools = pools == null ? List.of() : List.copyOf(pools);
        dns = dns == null ? List.of() : List.copyOf(dns);
    }

    public NetworkDefaults(String bridge, String bip, List<AddressPool> pools) {
        this(bridge, bip, pools, List.of());
    }

    public static NetworkDefaults standard() {
        return new NetworkDefaults(null, null, List.of());
    }

    /** The flags as given on the command line. */
    public static NetworkDefaults of(String bridge, String bip, List<String> pools) {
        return of(bridge, bip, pools, List.of());
    }

    /** The flags as given on the command line, with berthd's {@code --dns}. */
    public static NetworkDefaults of(String bridge, String bip, List<String> pools, List<String> dns) {
        return new NetworkDefaults(bridge, bip, pools == null ? List.of() : pools.stream().map(AddressPool::parse).toList(),
                dns);
    }

    /** The subnet of {@code --bip}: its address with the host bits cleared. */
    Ipv4Subnet bipSubnet() {
        int slash = bip.indexOf('/');
        int prefix = Integer.parseInt(bip.substring(slash + 1));
        return new Ipv4Subnet(gatewayOf(bip), prefix);
    }

    /** The address of {@code --bip}, the default bridge's gateway. */
    String bipGateway() {
        return bip.substring(0, bip.indexOf('/'));
    }

    private static int gatewayOf(String bip) {
        int slash = bip.indexOf('/');
        if (slash < 0) {
            throw new InvalidArgumentException("invalid --bip " + bip + ": want an address with a prefix, e.g. 10.99.0.1/24");
        }
        int address = Ipv4Subnet.parseAddress(bip.substring(0, slash));
        try {
            Ipv4Subnet subnet = new Ipv4Subnet(address, Integer.parseInt(bip.substring(slash + 1)));
            if (address == subnet.base() || address == subnet.broadcast()) {
                throw new InvalidArgumentException("invalid --bip " + bip + ": the gateway must be a host address");
            }
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid --bip " + bip);
        }
        return address;
    }

    /** The subnets a new network may take, in the order they are tried. */
    List<Ipv4Subnet> candidates() {
        List<Ipv4Subnet> out = new ArrayList<>();
        if (pools.isEmpty()) {
            for (int b = 30; b <= 31; b++) {
                out.add(Ipv4Subnet.parse("172." + b + ".0.0/16"));
            }
            for (int b = 200; b <= 250; b++) {
                out.add(Ipv4Subnet.parse("10." + b + ".0.0/16"));
            }
        }
        for (AddressPool pool : pools) {
            out.addAll(pool.subnets());
        }
        return out;
    }

    /** One {@code --default-address-pool}: subnets of {@code size} bits carved from {@code base}. */
    public record AddressPool(Ipv4Subnet base, int size) {

        private static final int MAX_SUBNETS = 65536;

        public AddressPool {
            if (size < base.prefix() || size > 30) {
                throw new InvalidArgumentException("invalid address pool " + base + " size " + size
                        + ": size must lie between the base's prefix and 30");
            }
        }

        /** {@code base=10.10.0.0/16,size=24}, dockerd's form. */
        public static AddressPool parse(String text) {
            String base = null;
            Integer size = null;
            for (String part : text.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[0].strip().equals("base")) {
                    base = kv[1].strip();
                } else if (kv.length == 2 && kv[0].strip().equals("size")) {
                    try {
                        size = Integer.parseInt(kv[1].strip());
                    } catch (NumberFormatException e) {
                        throw new InvalidArgumentException("invalid address pool size in " + text);
                    }
                } else {
                    throw new InvalidArgumentException("invalid address pool " + text + ": want base=CIDR,size=N");
                }
            }
            if (base == null || size == null) {
                throw new InvalidArgumentException("invalid address pool " + text + ": want base=CIDR,size=N");
            }
            return new AddressPool(Ipv4Subnet.parse(base), size);
        }

        List<Ipv4Subnet> subnets() {
            List<Ipv4Subnet> out = new ArrayList<>();
            long count = Math.min(1L << (size - base.prefix()), MAX_SUBNETS);
            long step = 1L << (32 - size);
            for (long i = 0; i < count; i++) {
                out.add(new Ipv4Subnet((int) (Integer.toUnsignedLong(base.base()) + i * step), size));
            }
            return out;
        }
    }
}
