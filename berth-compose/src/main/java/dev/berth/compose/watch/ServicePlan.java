package dev.berth.compose.watch;

import dev.berth.compose.model.WatchExec;
import java.nio.file.Path;
import java.util.List;

/**
 * What one service must do about a batch of changes, in this order: rebuild (which makes the
 * rest moot: the new containers hold the new files), else sync, then restart, then the execs.
 *
 * @param service the service
 * @param sync    the paths to copy into (or, deleted, remove from) its containers
 * @param rebuild build its image and recreate its containers
 * @param restart restart its containers
 * @param execs   the commands of the triggered {@code sync+exec} rules, each once
 */
public record ServicePlan(String service, List<SyncPath> sync, boolean rebuild, boolean restart, List<WatchExec> execs) {

    public ServicePlan {
        sync = List.copyOf(sync);
        execs = List.copyOf(execs);
    }

    /**
     * One changed path of a sync rule.
     *
     * @param filter    the rule's filter (a directory is copied without what it rejects)
     * @param host      the absolute host path
     * @param container where it lands in the container
     * @param deleted   it is gone from the host: remove it from the container
     */
    public record SyncPath(WatchFilter filter, Path host, String container, boolean deleted) {
    }
}
