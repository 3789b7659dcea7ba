package dev.berth.engine.networks;

import dev.berth.engine.error.InvalidArgumentException;

/**
 * An IPv4 subnet in CIDR form. Addresses are unsigned 32-bit values held in an {@code int};
 * {@code base} always has the host bits cleared.
 */
public record Ipv4Subnet(int base, int prefix) {

    public Ipv4Subnet {
        if (prefix < 8 || prefix > 30) {
            throw new InvalidArgumentException("invalid subnet prefix length /" + prefix + " (berth needs /8 to /30)");
        }
        base = base & mask(prefix);
    }

    /** Parses {@code a.b.c.d/n}; host bits must be clear, as dockerd requires. */
    public static Ipv4Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new InvalidArgumentException("invalid CIDR address: " + cidr);
        }
        int address = parseAddress(cidr.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid CIDR address: " + cidr);
        }
        if (prefix < 0 || prefix > 32) {
            throw new InvalidArgumentException("invalid CIDR address: " + cidr);
        }
        if ((address & mask(prefix)) != address) {
            throw new InvalidArgumentException("invalid subnet " + cidr + ": it should be "
                    + formatAddress(address & mask(prefix)) + "/" + prefix);
        }
        return new Ipv4Subnet(address, prefix);
    }

    public static int parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidArgumentException("invalid IPv4 address: " + text);
        }
        int value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("invalid IPv4 address: " + text);
            }
            if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
                throw new InvalidArgumentException("invalid IPv4 address: " + text);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String formatAddress(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
                + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public boolean contains(int address) {
        return (address & mask(prefix)) == base;
    }

    public boolean overlaps(Ipv4Subnet other) {
        int shorter = Math.min(prefix, other.prefix);
        return (base & mask(shorter)) == (other.base & mask(shorter));
    }

    /** The first usable address (.1), dockerd's default gateway. */
    public int firstHost() {
        return base + 1;
    }

    /** The broadcast address: not handed out. */
    public int broadcast() {
        return base | ~mask(prefix);
    }

    @Override
    public String toString() {
        return formatAddress(base) + "/" + prefix;
    }
}
