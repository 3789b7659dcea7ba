package dev.berth.daemon.router.containers;

import dev.berth.api.Timestamps;
import dev.berth.api.types.container.ContainerInspect;
import dev.berth.api.types.container.ContainerState;
import dev.berth.api.types.container.ContainerSummary;
import dev.berth.api.types.container.Health;
import dev.berth.api.types.container.HostConfig;
import dev.berth.api.types.container.MountPoint;
import dev.berth.api.units.ContainerStatusText;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.containers.ContainerStatus;
import dev.berth.engine.volumes.ContainerMount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders container records as dockerd's inspect and list JSON. */
final class ContainerViews {

    private ContainerViews() {
    }

    static ContainerInspect inspect(ContainerRecord r, ContainerService service, boolean withSize) {
        return inspect(r, service, withSize, null);
    }

    /** @param health the container's {@code State.Health}, null when it has no healthcheck */
    static ContainerInspect inspect(ContainerRecord r, ContainerService service, boolean withSize, Health health) {
        ContainerRecord.State s = r.state();
        ContainerStatus status = s.status();
        var paths = service.pathsOf(r);
        ContainerState state = new ContainerState(status.apiName(), status.isActive(),
                status == ContainerStatus.PAUSED, status == ContainerStatus.RESTARTING, s.oomKilled(),
                status == ContainerStatus.DEAD, s.pid(), s.exitCode(), s.error() == null ? "" : s.error(),
                Timestamps.format(s.startedAt()), Timestamps.format(s.finishedAt()), health);
        Long sizeRw = withSize ? service.sizeRw(r) : null;
        return new ContainerInspect(r.id().hex(), Timestamps.format(r.created()), r.path(), r.args(), state,
                r.imageId(), paths.resolvConf().toString(), paths.hostname().toString(),
                paths.hosts().toString(), paths.log().toString(), "/" + r.name(), r.restartCount(),
                "overlayfs", "linux", "", "", "", null, hostConfigView(r.hostConfig()),
                new ContainerInspect.GraphDriver("overlayfs", Map.of(
                        "UpperDir", paths.upperDir().toString(),
                        "WorkDir", paths.workDir().toString(),
                        "MergedDir", paths.mergedDir().toString())),
                sizeRw, withSize ? service.sizeRootFs(r, sizeRw) : null, mounts(r, service), r.config(),
                service.networking().settings(r.id().hex(), r.hostConfig().networkMode(), exposed(r)));
    }

    /** dockerd always answers with a NetworkMode and LogConfig, even when the request had none. */
    private static HostConfig hostConfigView(HostConfig h) {
        return new HostConfig(h.binds(), h.containerIDFile(),
                h.logConfig() != null && h.logConfig().type() != null && !h.logConfig().type().isEmpty()
                        ? h.logConfig() : new dev.berth.api.types.container.LogConfig("json-file", Map.of()),
                h.networkMode() != null && !h.networkMode().isEmpty() ? h.networkMode() : "bridge",
                h.portBindings() != null ? h.portBindings() : Map.of(),
                h.restartPolicy() != null ? h.restartPolicy() : new dev.berth.api.types.container.RestartPolicy("no", 0),
                h.isAutoRemove(), h.volumesFrom(), h.consoleSize(), h.capAdd(), h.capDrop(), h.cgroupnsMode(),
                h.dns(), h.dnsOptions(), h.dnsSearch(), h.extraHosts(), h.groupAdd(), h.ipcMode(), h.links(),
                h.oomScoreAdj(), h.pidMode(), h.isPrivileged(), Boolean.TRUE.equals(h.publishAllPorts()),
                h.isReadonlyRootfs(), h.securityOpt(), h.tmpfs(), h.utsMode(), h.usernsMode(),
                h.shmSize() == null || h.shmSize() == 0 ? dev.berth.engine.runtime.spec.RuntimeDefaults.SHM_SIZE_BYTES : h.shmSize(),
                h.sysctls(), h.runtime(), zero(h.memory()), zero(h.nanoCpus()), zero(h.cpuShares()), h.pidsLimit(), h.init(),
                h.maskedPaths(), h.readonlyPaths(), h.mounts(), dev.berth.engine.limits.ResourceLimits.effectiveSwap(h),
                zero(h.memoryReservation()), h.memorySwappiness(), zero(h.cpuPeriod()), zero(h.cpuQuota()),
                h.cpusetCpus() == null ? "" : h.cpusetCpus(), h.cpusetMems() == null ? "" : h.cpusetMems(),
                h.oomKillDisable(), h.blkioWeight() == null ? 0 : h.blkioWeight(),
                h.ulimits() == null ? List.of() : h.ulimits(), h.devices() == null ? List.of() : h.devices(),
                h.deviceCgroupRules());
    }

    static ContainerSummary summary(ContainerRecord r, ContainerService service, boolean withSize, Instant now) {
        return summary(r, service, withSize, now, null);
    }

    /** @param health the container's health, null without a healthcheck: "(healthy)" in the status text */
    static ContainerSummary summary(ContainerRecord r, ContainerService service, boolean withSize, Instant now,
            Health health) {
        ContainerRecord.State s = r.state();
        ContainerStatus status = s.status();
        String statusText = ContainerStatusText.of(new ContainerStatusText.State(status.isActive(),
                status == ContainerStatus.PAUSED, status == ContainerStatus.RESTARTING,
                status == ContainerStatus.REMOVING, status == ContainerStatus.DEAD, s.exitCode(),
                s.startedAt(), s.finishedAt(), health == null ? null : health.status()), now);
        Long sizeRw = withSize ? service.sizeRw(r) : null;
        String networkMode = r.hostConfig().networkMode() == null || r.hostConfig().networkMode().isEmpty()
                ? "bridge" : r.hostConfig().networkMode();
        return new ContainerSummary(r.id().hex(), List.of("/" + r.name()), r.imageRef(), r.imageId(),
                command(r), r.created().getEpochSecond(), ports(r, service), sizeRw,
                withSize ? service.sizeRootFs(r, sizeRw) : null,
                r.config().labels() == null ? Map.of() : r.config().labels(), status.apiName(), statusText,
                new ContainerSummary.SummaryHostConfig(networkMode),
                new ContainerSummary.SummaryNetworkSettings(service.networking()
                        .settings(r.id().hex(), r.hostConfig().networkMode(), exposed(r)).networks()),
                mounts(r, service));
    }

    /** The command as {@code docker ps} shows it: path and args joined by spaces. */
    static String command(ContainerRecord r) {
        List<String> words = new ArrayList<>();
        words.add(r.path());
        words.addAll(r.args());
        return String.join(" ", words);
    }

    /** Inspect's and list's {@code Mounts}: every mount but {@code --tmpfs} ones, as dockerd lists them. */
    private static List<MountPoint> mounts(ContainerRecord r, ContainerService service) {
        List<MountPoint> mounts = new ArrayList<>();
        for (ContainerMount m : service.mountsOf(r)) {
            if (m.listed()) {
                mounts.add(new MountPoint(m.type().apiName(), m.name(), m.source(), m.destination(),
                        m.type() == ContainerMount.Type.VOLUME ? "local" : "", m.mode(), !m.readOnly(), m.propagation()));
            }
        }
        return mounts;
    }

    private static java.util.Set<String> exposed(ContainerRecord r) {
        return r.config().exposedPorts() == null ? java.util.Set.of() : r.config().exposedPorts().keySet();
    }

    /** ps's ports: published while running, else the exposed ones (dockerd lists both the same way). */
    private static List<ContainerSummary.Port> ports(ContainerRecord r, ContainerService service) {
        return service.networking().ports(r.id().hex(), exposed(r));
    }

    // dockerd shows unset numeric resources as 0.
    private static long zero(Long value) {
        return value == null ? 0 : value;
    }
}
