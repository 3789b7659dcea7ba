package dev.berth.compose.model;

import java.util.Map;

/**
 * A top-level named volume.
 *
 * @param name       the engine's name: "&lt;project&gt;_&lt;key&gt;" unless {@code name:} is set or it is external
 * @param driver     the driver, or null for "local"
 * @param driverOpts driver options
 * @param external   created outside the project: never created or removed by compose
 * @param labels     labels
 */
public record Volume(String name, String driver, Map<String, String> driverOpts, boolean external, Map<String, String> labels) {
    public Volume {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
    }
}
