package dev.berth.compose.model;

/**
 * A service's legacy (pre-{@code deploy}) resource keys; null fields are unset. Where both are
 * set, the loader has already checked they agree with {@code deploy.resources}.
 *
 * @param cpus           {@code cpus}: CPUs as a fraction
 * @param cpuShares      {@code cpu_shares}: relative weight
 * @param cpuset         {@code cpuset}: CPUs allowed ("0-2,4")
 * @param memLimit       {@code mem_limit}: bytes
 * @param memReservation {@code mem_reservation}: bytes
 * @param memswapLimit   {@code memswap_limit}: bytes, -1 unlimited
 * @param pidsLimit      {@code pids_limit}
 * @param oomKillDisable {@code oom_kill_disable}
 * @param oomScoreAdj    {@code oom_score_adj}
 */
public record ServiceResources(
        Double cpus, Long cpuShares, String cpuset, Long memLimit, Long memReservation, Long memswapLimit,
        Long pidsLimit, Boolean oomKillDisable, Integer oomScoreAdj) {

    public static final ServiceResources NONE = new ServiceResources(null, null, null, null, null, null, null, null, null);
}
