package dev.berth.engine.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.api.types.container.Ulimit;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The process side of {@code HostConfig}: {@code Ulimits} as {@code process.rlimits},
 * {@code OomScoreAdj}, and {@code SecurityOpt} (no_new_privs, seccomp), checked against
 * what the host lets berthd grant and written into a generated spec.
 */
public final class ProcessLimits {

    private ProcessLimits() {
    }

    /**
     * Checks the process options at create; throws {@link InvalidArgumentException} for
     * what dockerd refuses and for what this daemon cannot grant (an rlimit above its own
     * hard limit or an oom_score_adj below its own without CAP_SYS_RESOURCE).
     */
    public static void check(HostConfig h, HostLimits host) {
        Integer adj = h.oomScoreAdj();
        if (adj != null && (adj < -1000 || adj > 1000)) {
            throw new InvalidArgumentException("Invalid value " + adj + ", range for oom score adj is [-1000, 1000]");
        }
        if (adj != null && adj < host.oomScoreAdj() && !host.capSysResource()) {
            throw new InvalidArgumentException("oom score adj " + adj + " is below berthd's own (" + host.oomScoreAdj()
                    + ") and berthd lacks CAP_SYS_RESOURCE to lower it");
        }
        for (Ulimit u : ulimits(h)) {
            String name = u.name().toLowerCase(Locale.ROOT);
            if (!HostLimits.PROC_LIMIT_ROWS.containsKey(name)) {
                throw new InvalidArgumentException("invalid ulimit type: " + u.name());
            }
            if (u.soft() > u.hard() && u.hard() >= 0) {
                throw new InvalidArgumentException("ulimit soft limit must be less than or equal to hard limit: "
                        + u.soft() + " > " + u.hard());
            }
            Long max = host.hardLimits().get(name);
            if (!host.capSysResource() && max != null && max >= 0 && (u.hard() < 0 || u.hard() > max)) {
                throw new InvalidArgumentException("ulimit " + name + "=" + u.soft() + ":" + u.hard()
                        + " exceeds berthd's hard limit " + max
                        + " and berthd lacks CAP_SYS_RESOURCE to raise it; use a hard limit of at most " + max);
            }
        }
        SecurityOptions.parse(h.securityOpt());
    }

    /**
     * Writes rlimits, oomScoreAdj, noNewPrivileges and the seccomp choice into the generated
     * spec {@code root}; {@code seccompToOci} turns a Docker-format profile into OCI form.
     */
    public static void apply(HostConfig h, ObjectNode root, Function<JsonNode, ObjectNode> seccompToOci) {
        ObjectNode process = (ObjectNode) root.path("process");
        List<Ulimit> ulimits = ulimits(h);
        if (!ulimits.isEmpty()) {
            ArrayNode rlimits = process.putArray("rlimits");
            for (Ulimit u : ulimits) {
                rlimits.addObject().put("type", "RLIMIT_" + u.name().toUpperCase(Locale.ROOT))
                        .put("hard", u.hard()).put("soft", u.soft());
            }
        }
        if (h.oomScoreAdj() != null && h.oomScoreAdj() != 0) {
            process.put("oomScoreAdj", h.oomScoreAdj());
        }
        SecurityOptions security = SecurityOptions.parse(h.securityOpt());
        if (security.noNewPrivileges()) {
            process.put("noNewPrivileges", true);
        }
        ObjectNode linux = (ObjectNode) root.path("linux");
        switch (security.seccomp()) {
            case DEFAULT -> {
                // the generator's default profile stays
            }
            case UNCONFINED -> linux.remove("seccomp");
            case CUSTOM -> linux.set("seccomp", seccompToOci.apply(security.customProfile().orElseThrow()));
        }
    }

    private static List<Ulimit> ulimits(HostConfig h) {
        return h.ulimits() == null ? List.of() : h.ulimits();
    }
}
