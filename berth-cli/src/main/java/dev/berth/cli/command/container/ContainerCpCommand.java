package dev.berth.cli.command.container;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.ApiResponse;
import dev.berth.api.client.RequestBody;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth cp}: {@code CONTAINER:SRC DEST|-} and {@code SRC|- CONTAINER:DEST} through the
 * archive endpoints. The local side is packed and unpacked by the host's {@code tar}; a
 * destination that does not exist gets the source's content under its own name, as docker
 * does it. {@code -L} copies what a symlink source leads to, under the link's name;
 * the progress and "Successfully copied" lines follow docker's CLI ({@link CopyProgress}).
 */
@Command(name = "cp", description = "Copy files/folders between a container and the local filesystem")
public final class ContainerCpCommand extends BerthCommand {

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
    boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
    boolean followLink;

    @Option(names = {"-q", "--quiet"}, description = "Suppress progress output during copy. Progress output is "
            + "automatically suppressed if no terminal is attached")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DEST")
    String destination;

    @Override
    public Integer call() throws Exception {
        boolean fromContainer = isContainerPath(source);
        boolean toContainer = isContainerPath(destination);
        if (fromContainer == toContainer) {
            throw new CliFailure(1, fromContainer ? "copying between containers is not supported"
                    : "must specify at least one container source");
        }
        return fromContainer ? copyOut() : copyIn();
    }

    private static boolean isContainerPath(String arg) {
        int colon = arg.indexOf(':');
        return colon > 0 && !arg.startsWith("/") && !arg.startsWith(".") && !arg.substring(0, colon).contains("/");
    }

    private int copyOut() throws Exception {
        int colon = source.indexOf(':');
        String container = source.substring(0, colon);
        String path = source.substring(colon + 1);
        String rebaseName = null;
        if (followLink) {
            var st = stat(container, path);
            String target = st == null ? "" : st.path("linkTarget").asText("");
            if ((st != null && (st.path("mode").asLong() & GO_MODE_SYMLINK) != 0) && !target.isEmpty()) {
                if (!target.startsWith("/")) {
                    target = parentOf(path) + "/" + target;
                }
                // the target's content under the link's name, as docker's GetRebaseName
                String linkName = baseName(path);
                rebaseName = linkName.equals(baseName(target)) ? null : linkName;
                path = target;
            }
        }
        try (ApiResponse r = client().raw("GET", archive(container, path))) {
            if (destination.equals("-")) {
                r.body().transferTo(out());
                out().flush();
                return 0;
            }
            Path dest = Path.of(destination).toAbsolutePath();
            CopyProgress progress = showsProgress()
                    ? CopyProgress.start(err(), CopyProgress.FROM_CONTAINER, ctx().stderrIsTerminal()) : null;
            InputStream body = progress == null ? r.body() : progress.counting(r.body());
            if (Files.isDirectory(dest) && rebaseName == null) {
                untar(body, dest);
            } else {
                copyOutAs(body, Files.isDirectory(dest) ? dest.resolve(rebaseName) : dest);
            }
            if (progress != null) {
                progress.finish(dest + (destination.endsWith("/") && !dest.toString().endsWith("/") ? "/" : ""));
            }
        } catch (ApiException e) {
            throw new CliFailure(1, describe(e));
        }
        return 0;
    }

    // Go's os.ModeSymlink in the stat header's mode
    private static final long GO_MODE_SYMLINK = 1L << 27;

    private boolean showsProgress() {
        return !quiet && ctx().stdoutIsTerminal();
    }

    /** Unpacks a one-entry archive as {@code dest}: beside it, then moved into place. */
    private static void copyOutAs(InputStream body, Path dest) throws Exception {
        Path parent = dest.getParent();
        if (!Files.isDirectory(parent)) {
            throw new CliFailure(1, "no such directory");
        }
        Path tmp = Files.createTempDirectory(parent, ".berth-cp-");
        try {
            untar(body, tmp);
            try (var entries = Files.list(tmp)) {
                Path only = entries.findFirst().orElseThrow(() -> new CliFailure(1, "empty archive"));
                Files.move(only, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static String parentOf(String path) {
        String trimmed = path.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "" : trimmed.substring(0, slash);
    }

    private static String baseName(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private int copyIn() throws Exception {
        int colon = destination.indexOf(':');
        String container = destination.substring(0, colon);
        String path = destination.substring(colon + 1);
        try {
            CopyProgress progress = showsProgress()
                    ? CopyProgress.start(err(), CopyProgress.TO_CONTAINER, ctx().stderrIsTerminal()) : null;
            if (source.equals("-")) {
                client().raw("PUT", putArchive(container, path), RequestBody.tar(System.in)).close();
                if (progress != null) {
                    progress.finish(container + ":" + path);
                }
                return 0;
            }
            Path src = Path.of(source).toAbsolutePath().normalize();
            if (!Files.exists(src, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new CliFailure(1, "lstat " + src + ": no such file or directory");
            }
            // -L: what the link leads to, under the link's name
            Path packed = followLink ? src.toRealPath() : src;
            String link = linkTarget(container, path);
            if (link != null) {
                path = link; // a link at the destination is followed, inside the container, as docker does
            }
            String dir = path;
            String name = src.getFileName().toString();
            Boolean isDir = statIsDir(container, path);
            if (isDir == null || !isDir) {
                // missing or a file: the parent is the extraction point, the source gets the new name
                int slash = path.replaceAll("/+$", "").lastIndexOf('/');
                dir = slash <= 0 ? "/" : path.substring(0, slash);
                name = path.substring(slash + 1).replaceAll("/+$", "");
            }
            Process tar = tarOf(packed, name);
            try (InputStream in = tar.getInputStream()) {
                client().raw("PUT", putArchive(container, dir),
                        RequestBody.tar(progress == null ? in : progress.counting(in))).close();
            }
            tar.waitFor();
            if (progress != null) {
                progress.finish(container + ":" + path);
            }
        } catch (ApiException e) {
            throw new CliFailure(1, describe(e));
        }
        return 0;
    }

    /** The stat of a container path as JSON, or null when it does not exist. */
    private com.fasterxml.jackson.databind.JsonNode stat(String container, String path) throws IOException {
        try (ApiResponse r = client().raw("HEAD", archive(container, path))) {
            String header = r.header("X-Docker-Container-Path-Stat");
            return header == null ? null : dev.berth.api.client.JsonTrees.read(Base64.getDecoder().decode(header));
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    /** Where the destination leads when it is a symlink, else null. */
    private String linkTarget(String container, String path) throws IOException {
        var stat = stat(container, path);
        String target = stat == null ? "" : stat.path("linkTarget").asText("");
        return target.isEmpty() ? null : target;
    }

    /** True for a directory, false for anything else, null when missing. */
    private Boolean statIsDir(String container, String path) throws IOException {
        try (ApiResponse r = client().raw("HEAD", archive(container, path))) {
            String header = r.header("X-Docker-Container-Path-Stat");
            if (header == null) {
                return false;
            }
            String json = new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
            long mode = dev.berth.api.client.JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)).path("mode").asLong();
            return (mode & (1L << 31)) != 0;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    /**
     * A PUT as docker's CLI sends it: never swap a directory and a non-directory, and with
     * {@code -a} let the container's user own what lands (else the tar's owners stay).
     */
    private String putArchive(String container, String path) {
        return archive(container, path) + "&noOverwriteDirNonDir=true" + (archive ? "&copyUIDGID=true" : "");
    }

    private static String archive(String container, String path) {
        return "/containers/" + URLEncoder.encode(container, StandardCharsets.UTF_8) + "/archive?path="
                + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** A tar of {@code src} whose top entry is named {@code name}. */
    private static Process tarOf(Path src, String name) throws IOException {
        Path parent = src.getParent();
        ProcessBuilder pb = new ProcessBuilder("tar", "-C", parent.toString(), "-cf", "-",
                "--transform", "s|^" + java.util.regex.Pattern.quote(src.getFileName().toString()).replace("\\Q", "")
                        .replace("\\E", "") + "|" + name + "|", src.getFileName().toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static void untar(InputStream tar, Path dir) throws Exception {
        // the invoking user owns what lands, as with docker cp (tar as root would keep the owners)
        Process p = new ProcessBuilder("tar", "--no-same-owner", "-C", dir.toString(), "-xf", "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            tar.transferTo(in);
        }
        if (p.waitFor() != 0) {
            throw new CliFailure(1, "extracting the archive failed");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
