package dev.berth.engine.networks.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IPv4 reverse names (RFC 1035 3.5): {@code 10.0.0.5} is asked for as
 * {@code 5.0.0.10.in-addr.arpa}, the address's four octets in reverse order.
 */
public final class ReverseName {

    private static final String SUFFIX = ".in-addr.arpa";

    private ReverseName() {
    }

    /**
     * The address a reverse name stands for; empty for any other name, a partial one
     * ({@code 0.10.in-addr.arpa}, a zone, not a host) or octets that are not plain decimals
     * from 0 to 255 (no signs, no leading zeros).
     *
     * @param name lower case, without the trailing dot, as {@link DnsMessage.Query#name()}
     */
    public static Optional<Inet4Address> address(String name) {
        if (!name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String[] octets = name.substring(0, name.length() - SUFFIX.length()).split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String o = octets[3 - i];
            if (o.isEmpty() || o.length() > 3 || (o.length() > 1 && o.charAt(0) == '0')
                    || !o.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(o) > 255) {
                return Optional.empty();
            }
            address[i] = (byte) Integer.parseInt(o);
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** The reverse name of {@code address}. */
    public static String of(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[3] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[0] & 0xFF) + SUFFIX;
    }
}
