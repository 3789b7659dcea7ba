package dev.berth.daemon.router.containers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.Timestamps;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.engine.containers.ContainerService;
import dev.berth.engine.copy.ContainerArchive;
import dev.berth.engine.copy.PathStat;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.volumes.ContainerMount;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code HEAD/GET/PUT /containers/{id}/archive} ({@code docker cp}): stat in the
 * {@code X-Docker-Container-Path-Stat} header (base64 of JSON), a tar out, a tar in.
 */
public final class ArchiveRoutes implements ApiRoutes.Group {

    static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

    private final ContainerService containers;

    public ArchiveRoutes(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.head("/containers/{id}/archive", (req, res, p) -> {
            PathStat stat = containers.withFilesystem(p.get("id"),
                    (rootfs, mounts) -> ContainerArchive.stat(rootfs, visible(p.get("id"), mounts), path(req)));
            res.header(STAT_HEADER, header(stat));
            res.sendEmpty(200);
        });
        routes.get("/containers/{id}/archive", this::get);
        routes.put("/containers/{id}/archive", (req, res, p) -> {
            boolean noOverwriteDirNonDir = Api.bool(req.query(), "noOverwriteDirNonDir");
            // copyUIDGID (cp -a): the container's user owns what lands, as dockerd; else the tar's owners
            Optional<String> owner = Api.bool(req.query(), "copyUIDGID")
                    ? Optional.ofNullable(containers.get(p.get("id")).config().user()) : Optional.empty();
            containers.withFilesystem(p.get("id"), (rootfs, mounts) -> {
                ContainerArchive.write(rootfs, mounts, path(req), req.body(), noOverwriteDirNonDir, owner);
                return null;
            });
            containers.announce(p.get("id"), "extract-to-dir", java.util.Map.of());
            res.sendEmpty(200);
        });
    }

    private void get(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        containers.withFilesystem(p.get("id"), (rootfs, own) -> {
            String path = path(req);
            List<ContainerMount> mounts = visible(p.get("id"), own);
            PathStat stat = ContainerArchive.stat(rootfs, mounts, path);
            res.header(STAT_HEADER, header(stat));
            try (OutputStream out = res.stream(200, "application/x-tar")) {
                ContainerArchive.read(rootfs, mounts, path, out);
            }
            return null;
        });
        containers.announce(p.get("id"), "archive-path", java.util.Map.of());
    }

    /** The container's mounts as its processes see them: with the engine's /etc files. */
    private List<ContainerMount> visible(String id, List<ContainerMount> mounts) {
        ContainerService.ContainerPathsView files = containers.pathsOf(containers.get(id));
        return ContainerArchive.withEngineFiles(mounts, Map.of("/etc/hostname", files.hostname(),
                "/etc/hosts", files.hosts(), "/etc/resolv.conf", files.resolvConf()));
    }

    private static String path(ServerRequest req) {
        String path = req.query().first("path");
        if (path == null || path.isEmpty()) {
            throw new InvalidArgumentException("path must not be empty");
        }
        return path;
    }

    static String header(PathStat stat) throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", stat.name());
        json.put("size", stat.size());
        json.put("mode", stat.mode());
        json.put("mtime", Timestamps.format(stat.mtime()));
        json.put("linkTarget", stat.linkTarget());
        return Base64.getEncoder().encodeToString(Json.MAPPER.writeValueAsBytes(json));
    }
}
