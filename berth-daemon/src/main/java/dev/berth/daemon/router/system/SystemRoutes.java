package dev.berth.daemon.router.system;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.types.system.VersionResponse;
import dev.berth.daemon.BerthVersion;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.ApiVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /_ping}, {@code /version} and {@code /info}: how clients find and negotiate with berthd. */
public final class SystemRoutes implements ApiRoutes.Group {

    private final SystemBackend backend;
    private final HostFacts host;

    public SystemRoutes(SystemBackend backend, HostFacts host) {
        this.backend = backend;
        this.host = host;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/_ping", (req, res, p) -> ping(res, false));
        routes.head("/_ping", (req, res, p) -> ping(res, true));
        routes.get("/version", (req, res, p) -> Api.json(res, 200, version()));
        routes.get("/info", (req, res, p) -> Api.json(res, 200, info()));
    }

    private static void ping(ServerResponse res, boolean head) throws IOException {
        res.header("Builder-Version", "1")
                .header("Swarm", "inactive")
                .header("Cache-Control", "no-cache, no-store, must-revalidate")
                .header("Pragma", "no-cache");
        if (head) {
            res.send(200, "text/plain; charset=utf-8", new byte[0]);
        } else {
            res.send(200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8));
        }
    }

    VersionResponse version() {
        Map<String, String> details = Map.of(
                "ApiVersion", ApiVersion.MAX,
                "MinAPIVersion", ApiVersion.MIN,
                "GitCommit", BerthVersion.COMMIT,
                "GoVersion", "java" + Runtime.version().feature(),
                "Os", "linux",
                "Arch", host.architecture(),
                "KernelVersion", host.kernelVersion(),
                "BuildTime", BerthVersion.BUILD_TIME,
                "Experimental", "false");
        return new VersionResponse(
                new VersionResponse.Platform("berth " + BerthVersion.VERSION),
                List.of(new VersionResponse.Component("Engine", BerthVersion.VERSION, details),
                        new VersionResponse.Component(backend.runtimeName(), backend.runtimeVersion(), Map.of("GitCommit", ""))),
                BerthVersion.VERSION, ApiVersion.MAX, ApiVersion.MIN, BerthVersion.COMMIT,
                "java" + Runtime.version().feature(), "linux", host.architecture(), host.kernelVersion(),
                BerthVersion.BUILD_TIME, false);
    }

    ObjectNode info() {
        SystemBackend.Counts c = backend.counts();
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("ID", host.daemonId());
        info.put("Containers", c.containers());
        info.put("ContainersRunning", c.running());
        info.put("ContainersPaused", c.paused());
        info.put("ContainersStopped", c.stopped());
        info.put("Images", c.images());
        info.put("Driver", "overlayfs");
        ArrayNode driverStatus = info.putArray("DriverStatus");
        driverStatus.addArray().add("driver-type").add("berth overlay (one lower directory per layer)");
        info.put("DockerRootDir", backend.dataRoot().toString());
        ObjectNode plugins = info.putObject("Plugins");
        plugins.putArray("Volume").add("local");
        plugins.putArray("Network").add("null").add("host");
        plugins.putNull("Authorization");
        plugins.putArray("Log").add("json-file");
        info.put("MemoryLimit", true);
        info.put("SwapLimit", false);
        info.put("CpuCfsPeriod", true);
        info.put("CpuCfsQuota", true);
        info.put("CPUShares", true);
        info.put("CPUSet", true);
        info.put("PidsLimit", true);
        info.put("IPv4Forwarding", true);
        info.put("Debug", false);
        info.put("NFd", 0);
        info.put("OomKillDisable", false);
        info.put("NGoroutines", Thread.activeCount());
        info.put("SystemTime", Instant.now().toString());
        info.put("LoggingDriver", "json-file");
        info.put("CgroupDriver", "cgroupfs");
        info.put("CgroupVersion", "1");
        info.put("NEventsListener", 0);
        info.put("KernelVersion", host.kernelVersion());
        info.put("OperatingSystem", host.operatingSystem());
        info.put("OSVersion", host.osVersion());
        info.put("OSType", "linux");
        info.put("Architecture", host.unameMachine());
        info.put("IndexServerAddress", "https://index.docker.io/v1/");
        ObjectNode registry = info.putObject("RegistryConfig");
        registry.putArray("InsecureRegistryCIDRs").add("127.0.0.0/8");
        registry.putObject("IndexConfigs");
        registry.putArray("Mirrors");
        info.put("NCPU", host.cpus());
        info.put("MemTotal", host.memTotal());
        info.putArray("GenericResources");
        info.put("HttpProxy", "");
        info.put("HttpsProxy", "");
        info.put("NoProxy", "");
        info.put("Name", host.hostname());
        info.putArray("Labels");
        info.put("ExperimentalBuild", false);
        info.put("ServerVersion", BerthVersion.VERSION);
        ObjectNode runtimes = info.putObject("Runtimes");
        runtimes.putObject("crun").put("path", "crun");
        runtimes.putObject("runc").put("path", "runc");
        info.put("DefaultRuntime", backend.runtimeName());
        ObjectNode swarm = info.putObject("Swarm");
        swarm.put("NodeID", "");
        swarm.put("NodeAddr", "");
        swarm.put("LocalNodeState", "inactive");
        swarm.put("ControlAvailable", false);
        swarm.put("Error", "");
        swarm.putNull("RemoteManagers");
        info.put("LiveRestoreEnabled", false);
        info.put("Isolation", "");
        info.put("InitBinary", "");
        info.putObject("ContainerdCommit").put("ID", "");
        info.putObject("RuncCommit").put("ID", "");
        info.putObject("InitCommit").put("ID", "");
        info.putArray("SecurityOptions").add("name=seccomp,profile=builtin");
        info.putArray("CDISpecDirs");
        ArrayNode warnings = info.putArray("Warnings");
        if (!backend.runtimeReason().endsWith("(default)")) {
            warnings.add("runtime: " + backend.runtimeReason());
        }
        return info;
    }
}
