package dev.berth.compose.watch;

import dev.berth.api.client.ApiResponse;
import dev.berth.api.client.ApiStream;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.RequestBody;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.api.types.exec.ExecInspect;
import dev.berth.api.types.exec.ExecStartRequest;
import dev.berth.compose.model.WatchExec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Applies a sync to containers through the Engine API, as compose does: the changed files and
 * directories in one tar, named by their absolute container paths, sent to
 * {@code PUT /containers/{id}/archive?path=/} (the daemon creates missing parents); paths gone
 * from the host removed with {@code rm -rf} run by exec. A copied directory goes with everything
 * below it that its rule's filter takes.
 */
public final class ContainerSync {

    private final EngineClient client;

    public ContainerSync(EngineClient client) {
        this.client = client;
    }

    /** Copies and removes {@code paths} in each of {@code containers} (IDs). */
    public void sync(List<String> containers, List<ServicePlan.SyncPath> paths) throws IOException {
        List<String> removed = paths.stream().filter(ServicePlan.SyncPath::deleted).map(ServicePlan.SyncPath::container).toList();
        List<ServicePlan.SyncPath> copied = paths.stream().filter(p -> !p.deleted()).toList();
        Path tar = copied.isEmpty() ? null : tarOf(copied);
        try {
            for (String id : containers) {
                if (!removed.isEmpty()) {
                    List<String> rm = new ArrayList<>(List.of("rm", "-rf"));
                    rm.addAll(removed);
                    int code = exec(id, new WatchExec(rm, null, false, null, Map.of()));
                    if (code != 0) {
                        throw new IOException("removing " + removed + " from container " + id + " failed with exit code " + code);
                    }
                }
                if (tar != null) {
                    try (InputStream in = Files.newInputStream(tar);
                         ApiResponse r = client.raw("PUT", "/containers/" + id + "/archive?path=%2F", RequestBody.tar(in))) {
                        r.body().transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } finally {
            if (tar != null) {
                Files.deleteIfExists(tar);
            }
        }
    }

    /** Runs {@code exec} in container {@code id} to its end, its output discarded; returns its exit code. */
    public int exec(String id, WatchExec exec) throws IOException {
        List<String> env = new ArrayList<>();
        exec.environment().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        String execId = client.execs().create(id, new ExecCreateRequest(exec.user(), exec.privileged(), false, null,
                false, true, true, null, env, exec.workingDir(), exec.command()));
        try (ApiStream stream = client.execs().startAttached(execId, new ExecStartRequest(false, false, null))) {
            stream.in().transferTo(OutputStream.nullOutputStream());
        }
        ExecInspect result = client.execs().inspect(execId);
        return result.exitCode() == null ? 0 : result.exitCode();
    }

    /** The tar of the copied paths in a temporary file (sent once per container). */
    static Path tarOf(List<ServicePlan.SyncPath> copied) throws IOException {
        Path file = Files.createTempFile("berth-watch-", ".tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (ServicePlan.SyncPath p : copied) {
                add(tar, p.filter(), p.host(), p.container().substring(1));
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, WatchFilter filter, Path host, String name) throws IOException {
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
            return; // deleted again since the batch was planned: the next batch removes it
        }
        if (Files.isSymbolicLink(host)) {
            TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(Files.readSymbolicLink(host).toString());
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(host, Files.isDirectory(host) ? name + "/" : name, LinkOption.NOFOLLOW_LINKS);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        if (Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(host, tar);
        }
        tar.closeArchiveEntry();
        if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children;
            try (Stream<Path> list = Files.list(host)) {
                children = list.sorted().toList();
            }
            for (Path child : children) {
                if (filter.accepts(child)) {
                    add(tar, filter, child, name + "/" + child.getFileName());
                }
            }
        }
    }
}
