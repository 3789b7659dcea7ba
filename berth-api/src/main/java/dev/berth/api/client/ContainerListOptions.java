package dev.berth.api.client;

/**
 * {@code GET /containers/json}: {@code all} includes stopped ones, {@code limit} (when above 0)
 * the newest N, {@code size} asks for SizeRw/SizeRootFs.
 */
public record ContainerListOptions(boolean all, int limit, boolean size, Filters filters) {

    public static ContainerListOptions running() {
        return new ContainerListOptions(false, 0, false, Filters.none());
    }
}
