package dev.berth.daemon;

import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.build.BuildRoutes;
import dev.berth.engine.builder.Builder;
import dev.berth.engine.builder.ContainerCommitter;
import dev.berth.engine.builder.ContainerStepRunner;
import dev.berth.daemon.router.system.SystemBackend;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.ContainerStatus;
import dev.berth.engine.containers.ContainerStore;
import dev.berth.daemon.router.exec.ExecRoutes;
import dev.berth.daemon.router.images.ImagesRoutes;
import dev.berth.daemon.router.networks.NetworksRoutes;
import dev.berth.daemon.router.volumes.VolumesRoutes;
import dev.berth.engine.networks.ContainerLookup;
import dev.berth.engine.networks.NetworkService;
import dev.berth.engine.exec.ExecService;
import dev.berth.daemon.router.containers.ContainerControlRoutes;
import dev.berth.engine.containers.ContainerPrune;
import dev.berth.engine.containers.ContainerTop;
import dev.berth.engine.health.ContainerHealth;
import dev.berth.engine.health.HealthFile;
import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.events.ObjectEvents;
import dev.berth.daemon.router.system.EventsRoutes;
import dev.berth.daemon.router.distribution.DistributionRoutes;
import dev.berth.engine.content.ContentStore;
import dev.berth.engine.content.LocalContentStore;
import dev.berth.engine.distribution.Distribution;
import dev.berth.engine.distribution.RegistryConfig;
import dev.berth.engine.images.ImageStore;
import dev.berth.engine.images.LocalImageStore;
import dev.berth.engine.layers.LayerStore;
import dev.berth.engine.layers.LocalLayerStore;
import dev.berth.engine.runtime.CommandLineRuntime;
import dev.berth.engine.runtime.ForegroundTaskMonitor;
import dev.berth.engine.runtime.RuntimeChoice;
import dev.berth.engine.runtime.RuntimeSelector;
import dev.berth.engine.runtime.spec.HostProfile;
import dev.berth.engine.runtime.spec.SpecGenerator;
import dev.berth.engine.snapshots.OverlaySnapshotter;
import dev.berth.engine.volumes.ContainerMounts;
import dev.berth.engine.volumes.MountTable;
import dev.berth.engine.volumes.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds the engine's services over the data and exec roots, in the
 * order they depend on each other, and reconciles containers with the runtime at start.
 */
final class Engine implements SystemBackend, AutoCloseable {

    private final DaemonConfig config;
    private final RuntimeChoice runtimeChoice;
    private final String runtimeVersion;
    private final ContainerService containers;
    private final ImageStore images;
    private final LayerStore layers;
    private final Builder builder;
    private final ContainerCommitter commits;
    private final VolumeStore volumes;
    private final ExecService execs;
    private final DistributionRoutes distributionRoutes;
    private final EventBus events;
    private final NetworkService networks;
    private final ContainerHealth health;
    private final ContainerControlRoutes controlRoutes;

    private Engine(DaemonConfig config, RuntimeChoice runtimeChoice, String runtimeVersion,
            ContainerService containers, ImageStore images, Builder builder, ContainerCommitter commits,
            VolumeStore volumes, ExecService execs, Distribution distribution, EventBus events,
            NetworkService networks, ContainerHealth health, ContainerControlRoutes controlRoutes, LayerStore layers) {
        this.layers = layers;
        this.health = health;
        this.controlRoutes = controlRoutes;
        this.events = events;
        this.networks = networks;
        this.images = images;
        this.builder = builder;
        this.commits = commits;
        this.volumes = volumes;
        this.execs = execs;
        this.distributionRoutes = new DistributionRoutes(new DistributionApi(distribution, new ImageEvents(events, images)));
        this.config = config;
        this.runtimeChoice = runtimeChoice;
        this.runtimeVersion = runtimeVersion;
        this.containers = containers;
    }

    static Engine open(DaemonConfig config) throws IOException {
        Files.createDirectories(config.dataRoot());
        Files.createDirectories(config.execRoot());
        RuntimeChoice choice = RuntimeSelector.forHost().select(Optional.ofNullable(config.runtime()));
        CommandLineRuntime runtime = choice.open(config.execRoot());
        Path empty = config.execRoot().resolve("empty-layer");
        Files.createDirectories(empty);
        ContainerStore containerStore = new ContainerStore(config.dataRoot().resolve("containers"));
        LayerStore layers = new LocalLayerStore(config.dataRoot().resolve("layers"));
        ContentStore content = new LocalContentStore(config.dataRoot().resolve("content"));
        LocalImageStore images = new LocalImageStore(config.dataRoot().resolve("images"), content, layers,
                id -> containerStore.list().stream().anyMatch(c -> c.imageId().equals(id.toString())));
        Path containersRoot = config.dataRoot().resolve("containers");
        VolumeStore volumes = new VolumeStore(config.dataRoot().resolve("volumes"), Clock.systemUTC(),
                name -> MountTable.usersOf(containersRoot, name));
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(empty);
        EventBus events = new EventBus(Clock.systemUTC());
        ContainerService containers = new ContainerService(
                containerStore, new StoreImageResolver(images, layers), runtime,
                new ForegroundTaskMonitor(runtime), snapshotter,
                new SpecGenerator(HostProfile.current()), config.execRoot(), Clock.systemUTC(),
                new ContainerMounts(volumes), events);
        NetworkService networks = new NetworkService(config.dataRoot().resolve("networks"), Clock.systemUTC(),
                config.networks());
        containers.useNetworking(networks.containerNetworking());
        networks.useContainers(ref -> {
            ContainerRecord c = containers.get(ref);
            return new ContainerLookup.Found(c.id().hex(), c.name(), c.isRunning(), c.state().pid());
        });
        networks.recover(containerStore.list().stream().filter(ContainerRecord::isRunning)
                .map(c -> c.id().hex()).collect(java.util.stream.Collectors.toSet()));
        volumes.reportTo(ObjectEvents.to(events, Event.VOLUME));
        networks.reportTo(ObjectEvents.to(events, Event.NETWORK));
        ExecService execs = new ExecService(containers, runtime, config.execRoot(),
                new dev.berth.engine.containers.ContainerEvents(events));
        // Opened before recovery, so that containers restarted by their policy at boot are probed.
        ContainerHealth health = ContainerHealth.open(containers, execs, events, containersRoot, Clock.systemUTC());
        containers.recover();
        health.resume();
        Path builderRoot = config.dataRoot().resolve("builder");
        Builder builder = new Builder(images, layers, snapshotter,
                new ContainerStepRunner(containers, layers, builderRoot.resolve("tmp")), builderRoot, Clock.systemUTC());
        ContainerCommitter commits = new ContainerCommitter(containers, images, layers, builderRoot.resolve("tmp"),
                Clock.systemUTC());
        String version = runtime.version();
        Distribution distribution = new Distribution(new RegistryConfig(config.insecureRegistries(),
                config.registryMirrors(), 3, 5), content, layers, images, config.dataRoot().resolve("distribution"));
        images.onRemoval(distribution::collectGarbage); // the compressed blobs of deleted layers go too
        return new Engine(config, choice, version.substring(version.lastIndexOf(' ') + 1), containers, images,
                builder, commits, volumes, execs, distribution, events, networks, health,
                new ContainerControlRoutes(containers, new ContainerTop(containers, runtime),
                        new ContainerPrune(containers, events, Clock.systemUTC())), layers);
    }

    ContainerService containers() {
        return containers;
    }

    /** A container's health for inspect and ps: empty without a healthcheck (or before its first start). */
    Optional<dev.berth.api.types.container.Health> healthOf(ContainerRecord record) {
        return health.of(record).map(HealthFile::toWire);
    }

    ApiRoutes.Group containerControlRoutes() {
        return controlRoutes;
    }

    ApiRoutes.Group eventRoutes() {
        return new EventsRoutes(events);
    }

    ApiRoutes.Group networkRoutes() {
        return new NetworksRoutes(networks);
    }

    ApiRoutes.Group volumeRoutes() {
        return new VolumesRoutes(volumes);
    }

    ApiRoutes.Group execRoutes() {
        return new ExecRoutes(execs);
    }

    ApiRoutes.Group imageRoutes() {
        return new ImagesRoutes(new ImagesApi(images, events), distributionRoutes::pull);
    }

    ApiRoutes.Group diskUsageRoutes() {
        return new dev.berth.daemon.router.system.DiskUsageRoutes(new DiskUsageApi(
                new ImagesApi(images, events), images, layers, containers, volumes, builder.cacheMounts(),
                config.dataRoot(), Clock.systemUTC(), new ImageEvents(events, images)));
    }

    ApiRoutes.Group resourceRoutes() {
        return new dev.berth.daemon.router.containers.ResourcesRoutes(containers,
                dev.berth.engine.cgroups.CgroupReader.host(), Clock.systemUTC());
    }

    ApiRoutes.Group distributionRoutes() {
        return distributionRoutes;
    }

    ApiRoutes.Group buildRoutes() {
        return new BuildRoutes(new BuildApi(builder, commits, events));
    }

    @Override
    public Counts counts() {
        int running = 0;
        int paused = 0;
        int stopped = 0;
        List<ContainerRecord> all = containers.list();
        for (ContainerRecord r : all) {
            if (r.state().status() == ContainerStatus.PAUSED) {
                paused++;
            } else if (r.isRunning()) {
                running++;
            } else {
                stopped++;
            }
        }
        return new Counts(all.size(), running, paused, stopped, images.list().size());
    }

    @Override
    public String runtimeName() {
        return runtimeChoice.name();
    }

    @Override
    public String runtimeReason() {
        return runtimeChoice.reason();
    }

    @Override
    public String runtimeVersion() {
        return runtimeVersion;
    }

    @Override
    public Path dataRoot() {
        return config.dataRoot();
    }

    @Override
    public void close() {
        health.close();
        containers.close();
        networks.close();
    }
}
