package dev.berth.engine.containers;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.runtime.OciRuntime;
import dev.berth.engine.volumes.ContainerMount;
import dev.berth.engine.volumes.ContainerMounts;
import dev.berth.engine.volumes.MountTable;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code docker create}: checks the request, merges it with the image's config, resolves the
 * mounts, declares the networks, names the container and writes its record (status created);
 * volumes that need it are filled from the image (copy-up), and a failure there undoes the
 * create.
 */
final class ContainerCreation {

    /** Docker's rule for a name given by the user (create and rename). */
    static final Pattern VALID_NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

    private final ContainerTable table;
    private final ContainerStore store;
    private final ImageResolver images;
    private final TaskLauncher launcher;
    private final NamespaceDonors donors;
    private final ContainerMounts mounts;
    private final Supplier<ContainerNetworking> networking;
    private final ContainerFilesystem filesystem;
    private final ContainerRemoval removal;
    private final ContainerEvents events;
    private final Clock clock;
    private final OciRuntime runtime;

    ContainerCreation(ContainerTable table, ImageResolver images, TaskLauncher launcher, NamespaceDonors donors,
            ContainerMounts mounts, Supplier<ContainerNetworking> networking, ContainerFilesystem filesystem,
            ContainerRemoval removal, ContainerEvents events, Clock clock, OciRuntime runtime) {
        this.table = table;
        this.store = table.store();
        this.images = images;
        this.launcher = launcher;
        this.donors = donors;
        this.mounts = mounts;
        this.networking = networking;
        this.filesystem = filesystem;
        this.removal = removal;
        this.events = events;
        this.clock = clock;
        this.runtime = runtime;
    }

    /** See {@link ContainerService#create(String, ContainerConfig, HostConfig, Map)}. */
    ContainerService.Created create(String name, ContainerConfig request, HostConfig hostConfig,
            Map<String, ContainerNetworking.EndpointRequest> networkEndpoints) {
        if (request.image() == null || request.image().isEmpty()) {
            throw new InvalidArgumentException("config cannot be empty in order to create a container");
        }
        if (name != null && !name.isEmpty() && !VALID_NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        ImageResolver.ResolvedImage image = images.resolve(request.image());
        ContainerConfig config = ConfigMerger.merge(image.config(), request);
        List<String> line = ConfigMerger.commandLine(config);
        HostConfig host = hostConfig != null ? hostConfig : HostConfig.empty();
        if (!RestartPolicy.of(host.restartPolicy()).isNone() && host.isAutoRemove()) {
            throw new InvalidArgumentException("can't create 'AutoRemove' container with restart policy");
        }
        List<String> warnings = ContainerLimits.check(host, launcher.hostLimits());
        donors.checkExist(host);
        List<ContainerMount> resolvedMounts = mounts.resolve(config, host,
                ref -> filesystem.mountsOf(store.get(ref).id()));
        ContainerId id = ContainerId.random();
        networking.get().declare(id.hex(), host.networkMode(), networkEndpoints);
        String finalName = name == null || name.isEmpty() ? NameGenerator.generate(store::isNameTaken)
                : name.startsWith("/") ? name.substring(1) : name;
        ContainerRecord record = new ContainerRecord(id, finalName, clock.instant(), request.image(), image.id(),
                config, host, line.getFirst(), List.copyOf(line.subList(1, line.size())),
                ContainerRecord.State.created(), 0, runtime.name());
        store.create(record);
        MountTable.write(table.paths(id).dataDir(), resolvedMounts);
        table.register(id);
        if (ContainerMounts.needsPopulating(resolvedMounts)) {
            populateVolumes(id, resolvedMounts);
        }
        events.emit(record, "create");
        return new ContainerService.Created(record, warnings);
    }

    /** Copy-up at create, on the rootfs mounted for it; a failure undoes the create. */
    private void populateVolumes(ContainerId id, List<ContainerMount> resolvedMounts) {
        try {
            filesystem.withFilesystem(id.hex(), (rootfs, own) -> {
                mounts.populate(resolvedMounts, rootfs);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            removal.removeQuietly(id);
            throw e instanceof BerthException b ? b
                    : new SystemException("failed to populate volumes: " + e.getMessage(), e);
        }
    }
}
