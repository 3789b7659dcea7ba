package dev.berth.engine.runtime.spec;

import java.util.List;

/**
 * The identity a container's process runs as, resolved from Docker's {@code --user}.
 *
 * @param additionalGids supplementary groups (the groups whose member list names the user,
 *                       when no group was given explicitly)
 * @param home           the user's home from passwd, "/" when unknown (for HOME)
 */
public record ResolvedUser(long uid, long gid, List<Long> additionalGids, String home) {

    public static final ResolvedUser ROOT = new ResolvedUser(0, 0, List.of(), "/root");

    public ResolvedUser {
        additionalGids = List.copyOf(additionalGids);
    }

    /** This user with {@code gids} added to its supplementary groups ({@code --group-add}). */
    public ResolvedUser withGroups(List<Long> gids) {
        java.util.LinkedHashSet<Long> all = new java.util.LinkedHashSet<>(additionalGids);
        all.addAll(gids);
        return new ResolvedUser(uid, gid, List.copyOf(all), home);
    }
}
