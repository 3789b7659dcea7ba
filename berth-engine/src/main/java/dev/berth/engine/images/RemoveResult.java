package dev.berth.engine.images;

import java.util.List;

/** What removing an image did, in order, as dockerd reports it ({@code [{"Untagged":..},{"Deleted":..}]}). */
public record RemoveResult(List<Item> items) {

    /** One line of the report. */
    public sealed interface Item permits Untagged, Deleted {
    }

    /** A reference removed, in familiar form ({@code busybox:latest}). */
    public record Untagged(String reference) implements Item {
    }

    /** An image ID or a layer's chain ID removed ({@code sha256:...}). */
    public record Deleted(String id) implements Item {
    }
}
