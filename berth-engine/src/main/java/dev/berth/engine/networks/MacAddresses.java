package dev.berth.engine.networks;

/** dockerd's MAC addresses: {@code 02:42} followed by the four bytes of the IPv4 address. */
final class MacAddresses {

    private MacAddresses() {
    }

    static String fromIp(int address) {
        return String.format("02:42:%02x:%02x:%02x:%02x", (address >>> 24) & 0xff, (address >>> 16) & 0xff,
                (address >>> 8) & 0xff, address & 0xff);
    }
}
