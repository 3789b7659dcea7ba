package dev.berth.engine.volumes;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.runtime.spec.BindMount;
import dev.berth.engine.runtime.spec.TmpfsMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A container's mounts over its lifecycle, as the container service calls it:
 * {@link #resolve} at create (volumes named by {@code -v}/{@code --mount} are created on first
 * use, anonymous ones always, {@code --volumes-from} copied), {@link #populate} right after it
 * (empty volumes filled from the image, once, as moby's populateVolumes at create),
 * {@link #forStart} at every start (volumes activated, the bind and tmpfs mounts for the
 * spec) and {@link #release} at removal (anonymous volumes removed with {@code rm -v}).
 */
public final class ContainerMounts {

    private static final System.Logger LOG = System.getLogger("berthd.volumes");

    private final VolumeStore volumes;

    public ContainerMounts(VolumeStore volumes) {
        this.volumes = volumes;
    }

    public VolumeStore volumes() {
        return volumes;
    }

    /**
     * The mounts of a new container: the user's, then those of {@code --volumes-from}
     * containers ({@code mountsOf} gives a container's table by ID or name), then anonymous
     * volumes for the image's and request's {@code Volumes} not covered by either.
     */
    public List<ContainerMount> resolve(ContainerConfig config, HostConfig host,
            Function<String, List<ContainerMount>> mountsOf) {
        List<MountRequest> user = MountParser.user(host);
        Map<String, MountRequest> wanted = new LinkedHashMap<>();
        user.forEach(r -> wanted.put(r.destination(), r));
        Map<String, ContainerMount> inherited = new LinkedHashMap<>();
        if (host.volumesFrom() != null) {
            for (String from : host.volumesFrom()) {
                String[] parts = from.split(":", 2);
                Boolean ro = parts.length == 2 ? switch (parts[1]) {
                    case "ro" -> Boolean.TRUE;
                    case "rw" -> Boolean.FALSE;
                    default -> throw new InvalidArgumentException("invalid mode: " + parts[1]);
                } : null;
                for (ContainerMount m : mountsOf.apply(parts[0])) {
                    if (!wanted.containsKey(m.destination()) && m.type() != ContainerMount.Type.TMPFS) {
                        inherited.putIfAbsent(m.destination(), m.inherited(ro));
                    }
                }
            }
        }
        if (config.volumes() != null) {
            for (String dst : config.volumes().keySet()) {
                MountRequest anon = MountParser.anonymous(dst);
                if (!inherited.containsKey(anon.destination())) {
                    wanted.putIfAbsent(anon.destination(), anon);
                }
            }
        }
        List<ContainerMount> out = new ArrayList<>();
        for (MountRequest r : wanted.values()) {
            out.add(create(r));
        }
        out.addAll(inherited.values());
        return out;
    }

    private ContainerMount create(MountRequest r) {
        return switch (r.type()) {
            case BIND -> new ContainerMount(r.type(), "", r.source(), r.destination(), r.readOnly(), r.mode(),
                    r.propagation(), false, List.of(), false, r.listed());
            case TMPFS -> new ContainerMount(r.type(), "", "", r.destination(), r.readOnly(), r.mode(), "", false,
                    r.tmpfsOptions(), false, r.listed());
            case VOLUME -> {
                boolean anonymous = r.source().isEmpty();
                Map<String, String> labels = new HashMap<>(r.volumeLabels());
                if (anonymous) {
                    labels.put(Volume.ANONYMOUS_LABEL, "");
                }
                Volume v = volumes.create(anonymous ? null : r.source(), r.volumeDriver(), r.volumeOptions(), labels);
                yield new ContainerMount(r.type(), v.name(), v.mountpoint().toString(), r.destination(), r.readOnly(),
                        r.mode(), "", r.copyUp(), List.of(), anonymous, r.listed());
            }
        };
    }

    /** Whether {@link #populate} has anything to do (so a create mounts the rootfs only then). */
    public static boolean needsPopulating(List<ContainerMount> mounts) {
        return mounts.stream().anyMatch(m -> m.type() == ContainerMount.Type.VOLUME && m.copyUp());
    }

    /**
     * Docker's copy-up, done once when the container is created (not at each start, so a
     * volume emptied later stays empty): each volume without {@code nocopy} that is empty now
     * is filled with what the image has at its destination on the mounted {@code rootfs}.
     */
    public void populate(List<ContainerMount> mounts, Path rootfs) {
        for (ContainerMount m : mounts) {
            if (m.type() == ContainerMount.Type.VOLUME && m.copyUp()) {
                Volume v = volumes.find(m.name()).orElseThrow(() -> new NotFoundException(
                        "error while mounting volume '" + m.source() + "': volume " + m.name() + " not found"));
                CopyUp.intoEmptyVolume(rootfs, m.destination(), volumes.activate(v));
            }
        }
    }

    /** What a start binds into the container, besides the engine's own /etc files. */
    public record StartMounts(List<BindMount> binds, List<TmpfsMount> tmpfs) {
    }

    /**
     * Prepares every mount for a start on the mounted {@code rootfs}: bind sources created
     * when {@code -v} named a missing host path, volumes activated.
     */
    public StartMounts forStart(List<ContainerMount> mounts, Path rootfs) {
        return forStart("", mounts, rootfs);
    }

    /**
     * {@link #forStart(List, Path)} for the container {@code containerId}, announcing each
     * volume with a {@code mount} event (attributes as dockerd's: container, destination,
     * driver, propagation, read/write).
     */
    public StartMounts forStart(String containerId, List<ContainerMount> mounts, Path rootfs) {
        List<BindMount> binds = new ArrayList<>();
        List<TmpfsMount> tmpfs = new ArrayList<>();
        for (ContainerMount m : mounts) {
            switch (m.type()) {
                case BIND -> {
                    Path source = Path.of(m.source());
                    if (!Files.exists(source)) {
                        try {
                            Files.createDirectories(source); // -v creates a missing host path, as docker does
                        } catch (IOException e) {
                            throw new InvalidArgumentException("error while creating mount source path '" + source
                                    + "': " + e.getMessage());
                        }
                    }
                    HostPropagation.check(source, m.propagation());
                    binds.add(new BindMount(source, m.destination(), m.readOnly(), m.propagation()));
                }
                case VOLUME -> {
                    Volume v = volumes.find(m.name()).orElseThrow(() -> new NotFoundException(
                            "error while mounting volume '" + m.source() + "': volume " + m.name() + " not found"));
                    Path data = volumes.activate(v);
                    binds.add(new BindMount(data, m.destination(), m.readOnly()));
                    if (!containerId.isEmpty()) {
                        volumes.announce("mount", v.name(), Map.of("container", containerId, "destination",
                                m.destination(), "driver", v.driver(), "propagation", m.propagation(),
                                "read/write", Boolean.toString(!m.readOnly())));
                    }
                }
                case TMPFS -> tmpfs.add(new TmpfsMount(m.destination(), m.tmpfsOptions()));
            }
        }
        return new StartMounts(binds, tmpfs);
    }

    /** After a run of the container: an {@code unmount} event per volume (container, driver), as dockerd's clean-up. */
    public void unmounted(String containerId, List<ContainerMount> mounts) {
        for (ContainerMount m : mounts) {
            if (m.type() == ContainerMount.Type.VOLUME) {
                volumes.find(m.name()).ifPresent(v -> volumes.announce("unmount", v.name(),
                        Map.of("container", containerId, "driver", v.driver())));
            }
        }
    }

    /**
     * After a container's removal (its mount table gone): with {@code removeAnonymous}, its
     * anonymous volumes are removed unless another container still uses them.
     */
    public void release(List<ContainerMount> mounts, boolean removeAnonymous) {
        if (!removeAnonymous) {
            return;
        }
        for (ContainerMount m : mounts) {
            if (m.type() == ContainerMount.Type.VOLUME && m.anonymous()) {
                try {
                    volumes.remove(m.name(), true);
                } catch (BerthException e) {
                    LOG.log(System.Logger.Level.DEBUG, "kept volume " + m.name() + ": " + e.getMessage());
                }
            }
        }
    }
}
