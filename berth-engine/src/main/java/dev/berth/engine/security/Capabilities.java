package dev.berth.engine.security;

import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The capability set of a container, as moby's caps.TweakCapabilities computes it: Docker's
 * defaults less {@code --cap-drop} plus {@code --cap-add}; {@code ALL} in the adds means every
 * capability (less the drops), {@code ALL} in the drops means only the adds; {@code
 * --privileged} means every capability berthd itself holds. Names are taken with or
 * without {@code CAP_}, in any case.
 */
public final class Capabilities {

    /** Every capability up to CAP_CHECKPOINT_RESTORE (40), in number order. */
    public static final List<String> KNOWN = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
            "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
            "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
            "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
            "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    private static final String ALL = "ALL";

    private Capabilities() {
    }

    /** Checks the names at create: dockerd's 400 "unknown capability: \"CAP_FOO\"". */
    public static void check(List<String> adds, List<String> drops) {
        normalize(adds);
        normalize(drops);
    }

    /**
     * The container's capabilities.
     *
     * @param defaults   Docker's default set
     * @param adds       {@code CapAdd} (may be null)
     * @param drops      {@code CapDrop} (may be null)
     * @param privileged {@code --privileged}
     * @param all        every capability the container may get (berthd's bounding set)
     */
    public static List<String> resolve(List<String> defaults, List<String> adds, List<String> drops,
            boolean privileged, List<String> all) {
        if (privileged) {
            return all;
        }
        List<String> add = normalize(adds);
        List<String> drop = normalize(drops);
        if (add.isEmpty() && drop.isEmpty()) {
            return defaults;
        }
        Set<String> caps = new LinkedHashSet<>();
        if (add.contains(ALL)) {
            all.stream().filter(c -> !drop.contains(c)).forEach(caps::add);
        } else if (drop.contains(ALL)) {
            caps.addAll(add);
        } else {
            defaults.stream().filter(c -> !drop.contains(c)).forEach(caps::add);
            caps.addAll(add);
        }
        return List.copyOf(caps);
    }

    /** {@code net_raw}, {@code NET_RAW} and {@code CAP_NET_RAW} all as {@code CAP_NET_RAW}; {@code all} as {@code ALL}. */
    static List<String> normalize(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.equals(ALL)) {
                out.add(ALL);
                continue;
            }
            String cap = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
            if (!KNOWN.contains(cap)) {
                throw new InvalidArgumentException("unknown capability: \"" + cap + "\"");
            }
            out.add(cap);
        }
        return out;
    }

    /**
     * Every capability in berthd's own bounding set (what {@code --privileged} grants, as
     * moby does: the runtime cannot grant one the daemon lacks).
     */
    public static List<String> bounding() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return fromMask(Long.parseUnsignedLong(line.substring(7).strip(), 16));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through: every known capability
        }
        return KNOWN;
    }

    /** The capabilities whose bits are set in {@code mask}. */
    public static List<String> fromMask(long mask) {
        List<String> caps = new ArrayList<>();
        for (int bit = 0; bit < KNOWN.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                caps.add(KNOWN.get(bit));
            }
        }
        return caps;
    }
}
