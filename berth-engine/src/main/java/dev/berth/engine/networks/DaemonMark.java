package dev.berth.engine.networks;

import dev.berth.engine.digest.Digest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How one daemon marks what it puts on the host, so that several berthds on one machine never
 * take down each other's: its bridges carry the alias {@code berthd <networks root>}, its
 * iptables rules the comment {@code berth:<tag>:<network id12>} ({@code tag}: 8 hex digits of
 * the root's SHA-256, iptables comments are short).
 *
 * @param root the daemon's {@code <data-root>/networks}: unique per daemon on a host
 */
record DaemonMark(Path root) {

    private static final String ALIAS_PREFIX = "berthd ";
    static final String COMMENT_PREFIX = "berth:";

    /** The alias our bridges carry. */
    String alias() {
        return ALIAS_PREFIX + root;
    }

    /** The part of our rule comments that says they are this daemon's. */
    String tag() {
        return COMMENT_PREFIX + Digest.sha256(root.toString()).hex().substring(0, 8) + ":";
    }

    /** The comment of the rules of network {@code networkId}. */
    String comment(String networkId) {
        return tag() + networkId.substring(0, Math.min(12, networkId.length()));
    }

    /** The networks root of the berthd that marked a bridge with {@code alias}, if one did. */
    static Optional<Path> ownerOf(String alias) {
        return alias.startsWith(ALIAS_PREFIX) ? Optional.of(Path.of(alias.substring(ALIAS_PREFIX.length())))
                : Optional.empty();
    }
}
