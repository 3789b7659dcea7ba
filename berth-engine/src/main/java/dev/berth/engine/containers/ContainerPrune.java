package dev.berth.engine.containers;

import dev.berth.engine.error.BerthException;
import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code POST /containers/prune}: removes every stopped container the {@link PruneFilter}
 * keeps, with its anonymous volumes kept (as dockerd), and reports the IDs and the bytes
 * their writable layers held. A container that cannot be removed (started meanwhile) is
 * skipped. Publishes dockerd's {@code prune} event with the bytes reclaimed.
 */
public final class ContainerPrune {

    private static final System.Logger LOG = System.getLogger("berthd.containers");

    private final ContainerService containers;
    private final EventBus bus;
    private final Clock clock;

    public ContainerPrune(ContainerService containers, EventBus bus, Clock clock) {
        this.containers = containers;
        this.bus = bus;
        this.clock = clock;
    }

    public record Pruned(List<String> containersDeleted, long spaceReclaimed) {
    }

    public Pruned prune(Map<String, List<String>> filters) {
        Predicate<ContainerRecord> chosen = PruneFilter.of(filters, clock.instant());
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ContainerRecord r : containers.list()) {
            if (!chosen.test(r)) {
                continue;
            }
            long size = containers.sizeRw(r);
            try {
                containers.remove(r.id().hex(), false, false);
            } catch (BerthException e) {
                LOG.log(System.Logger.Level.DEBUG, "prune skips " + r.id().shortId() + ": " + e.getMessage());
                continue;
            }
            deleted.add(r.id().hex());
            reclaimed += size;
        }
        bus.publish(Event.CONTAINER, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
        return new Pruned(deleted, reclaimed);
    }
}
