package dev.berth.engine.networks;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's /etc/hosts as dockerd writes it: localhost lines, the {@code --add-host}
 * entries, the container's own address and name, and (berth's stand-in for the embedded DNS
 * server on user-defined networks) the names and aliases of the other containers there.
 */
public final class HostsFile {

    /** Another container's entry: its address and the names it answers to. */
    public record Entry(String address, List<String> names) {
    }

    /** The {@code --add-host} address that means the host as the container reaches it. */
    public static final String HOST_GATEWAY = "host-gateway";

    private HostsFile() {
    }

    /**
     * {@code --add-host} entries normalised to {@code name:address} ({@code name=address} and
     * {@code name:[v6]} accepted too), {@code host-gateway} replaced by {@code hostGateway}.
     */
    public static List<String> extraHosts(List<String> given, String hostGateway) {
        List<String> out = new ArrayList<>();
        for (String entry : given == null ? List.<String>of() : given) {
            int eq = entry.indexOf('=');
            int colon = entry.indexOf(':');
            int split = eq > 0 && (colon < 0 || eq < colon) ? eq : colon;
            if (split <= 0) {
                continue;
            }
            String address = entry.substring(split + 1);
            if (address.startsWith("[") && address.endsWith("]")) {
                address = address.substring(1, address.length() - 1);
            }
            out.add(entry.substring(0, split) + ":" + (address.equals(HOST_GATEWAY) ? hostGateway : address));
        }
        return out;
    }

    /**
     * @param ownAddress the container's address; 127.0.1.1 without a network of its own, so
     *                   programs that look up their own hostname still work
     */
    public static String render(String hostname, String ownAddress, List<String> extraHosts, List<Entry> peers) {
        StringBuilder sb = new StringBuilder();
        sb.append("127.0.0.1\tlocalhost\n");
        sb.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        sb.append("fe00::\tip6-localnet\n");
        sb.append("ff00::\tip6-mcastprefix\n");
        sb.append("ff02::1\tip6-allnodes\n");
        sb.append("ff02::2\tip6-allrouters\n");
        if (extraHosts != null) {
            for (String entry : extraHosts) {
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    sb.append(entry.substring(colon + 1)).append('\t').append(entry, 0, colon).append('\n');
                }
            }
        }
        sb.append(ownAddress).append('\t').append(hostname).append('\n');
        for (Entry peer : peers) {
            sb.append(peer.address()).append('\t').append(String.join(" ", peer.names())).append('\n');
        }
        return sb.toString();
    }
}
