package dev.berth.engine.volumes;

import java.util.List;
import java.util.Map;

/**
 * A mount as the user asked for it, before volumes exist: parsed from {@code -v},
 * {@code --mount}, {@code --tmpfs} or an image's {@code VOLUME}.
 *
 * @param source        bind: the host path; volume: the name, empty for an anonymous one
 * @param createHostDir bind: a missing host path is created ({@code -v}) rather than refused
 * @param volumeDriver  volume: the driver for a volume created on first use (null: local)
 * @param volumeOptions volume: driver options for a volume created on first use
 * @param volumeLabels  volume: labels for a volume created on first use
 */
record MountRequest(ContainerMount.Type type, String source, String destination, boolean readOnly, String mode,
        String propagation, boolean copyUp, List<String> tmpfsOptions, boolean listed, boolean createHostDir,
        String volumeDriver, Map<String, String> volumeOptions, Map<String, String> volumeLabels) {

    MountRequest {
        tmpfsOptions = List.copyOf(tmpfsOptions);
        volumeOptions = volumeOptions == null ? Map.of() : Map.copyOf(volumeOptions);
        volumeLabels = volumeLabels == null ? Map.of() : Map.copyOf(volumeLabels);
    }
}
