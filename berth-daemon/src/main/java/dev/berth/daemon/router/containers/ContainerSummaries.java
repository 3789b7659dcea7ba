package dev.berth.daemon.router.containers;

import dev.berth.api.types.container.ContainerSummary;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import java.time.Instant;
import java.util.List;

/** Container summaries as {@code GET /containers/json} shows them, for other route groups ({@code /system/df}). */
public final class ContainerSummaries {

    private ContainerSummaries() {
    }

    /** Every container, with {@code SizeRw}/{@code SizeRootFs} when {@code withSize}. */
    public static List<ContainerSummary> all(ContainerService service, boolean withSize, Instant now) {
        return service.list().stream().map((ContainerRecord r) -> ContainerViews.summary(r, service, withSize, now))
                .toList();
    }
}
