package dev.berth.compose.watch;

import dev.berth.compose.model.WatchAction;
import dev.berth.compose.model.WatchExec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a batch of changed host paths into each service's {@link ServicePlan}: a path counts
 * for every rule whose {@link WatchFilter} takes it; a {@code rebuild} rule makes the service
 * rebuild (and nothing else), {@code restart} and {@code sync+restart} restart it, the sync
 * actions copy the path to the rule's target (or remove it there when it no longer exists on
 * the host), and a path inside a directory that is copied anyway is not copied twice. Pure:
 * existence is asked of the given predicate.
 */
public final class WatchPlanner {

    private final Map<String, List<WatchFilter>> rules;

    /** @param rules each watched service's rule filters, in the project's order */
    public WatchPlanner(Map<String, List<WatchFilter>> rules) {
        this.rules = new LinkedHashMap<>(rules);
    }

    /** The services the batch concerns, in the project's order; services it does not concern are left out. */
    public List<ServicePlan> plan(Set<Path> batch, Predicate<Path> exists) {
        List<ServicePlan> out = new ArrayList<>();
        rules.forEach((service, filters) -> {
            List<ServicePlan.SyncPath> sync = new ArrayList<>();
            List<WatchExec> execs = new ArrayList<>();
            boolean rebuild = false;
            boolean restart = false;
            for (WatchFilter filter : filters) {
                WatchAction action = filter.rule().action();
                boolean triggered = false;
                for (Path changed : batch) {
                    if (!filter.accepts(changed)) {
                        continue;
                    }
                    triggered = true;
                    if (action.syncs()) {
                        sync.add(new ServicePlan.SyncPath(filter, changed, filter.containerPath(changed), !exists.test(changed)));
                    }
                }
                if (!triggered) {
                    continue;
                }
                rebuild |= action == WatchAction.REBUILD;
                restart |= action == WatchAction.RESTART || action == WatchAction.SYNC_RESTART;
                if (action == WatchAction.SYNC_EXEC && !execs.contains(filter.rule().exec())) {
                    execs.add(filter.rule().exec());
                }
            }
            if (rebuild) {
                out.add(new ServicePlan(service, List.of(), true, false, List.of()));
            } else if (!sync.isEmpty() || restart || !execs.isEmpty()) {
                out.add(new ServicePlan(service, withoutCovered(sync), false, restart, execs));
            }
        });
        return out;
    }

    /** Drops paths below a directory that is copied (or removed) as a whole anyway. */
    private static List<ServicePlan.SyncPath> withoutCovered(List<ServicePlan.SyncPath> sync) {
        List<ServicePlan.SyncPath> out = new ArrayList<>();
        for (ServicePlan.SyncPath p : sync) {
            boolean covered = sync.stream().anyMatch(other -> other != p && other.filter() == p.filter()
                    && !other.host().equals(p.host()) && p.host().startsWith(other.host()) && (other.deleted() || !p.deleted()));
            if (!covered) {
                out.add(p);
            }
        }
        return out;
    }
}
