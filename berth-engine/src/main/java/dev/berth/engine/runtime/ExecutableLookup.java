package dev.berth.engine.runtime;

import dev.berth.engine.runtime.spec.RootfsPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before the runtime starts, that a container's command can be executed: a bare
 * name is searched in the container's PATH, a name with a slash is taken relative to the
 * working directory; all inside the rootfs, following links as the container would. This
 * gives Docker's messages (runc's wording) whichever runtime runs.
 */
public final class ExecutableLookup {

    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ExecutableLookup() {
    }

    /** The failure to report, or empty when {@code command} looks runnable. */
    public static Optional<StartFailure> check(Path rootfs, String command, List<String> env, String cwd) {
        if (command.isEmpty()) {
            return Optional.of(new StartFailure(StartFailure.Kind.NOT_FOUND,
                    "exec: \"\": executable file not found in $PATH"));
        }
        if (command.contains("/")) {
            String path = command.startsWith("/") ? command : cwd + "/" + command;
            Optional<Path> host = RootfsPath.resolve(rootfs, path);
            if (host.isEmpty()) {
                return Optional.of(new StartFailure(StartFailure.Kind.NOT_FOUND,
                        "exec: \"" + command + "\": stat " + command + ": no such file or directory"));
            }
            if (Files.isDirectory(host.get())) {
                return Optional.of(new StartFailure(StartFailure.Kind.NOT_EXECUTABLE,
                        "exec: \"" + command + "\": is a directory: permission denied"));
            }
            if (!executable(host.get())) {
                return Optional.of(new StartFailure(StartFailure.Kind.NOT_EXECUTABLE,
                        "exec: \"" + command + "\": permission denied"));
            }
            return Optional.empty();
        }
        String searchPath = env.stream().filter(e -> e.startsWith("PATH=")).reduce((a, b) -> b)
                .map(e -> e.substring(5)).orElse(DEFAULT_PATH);
        for (String dir : searchPath.split(":")) {
            String base = dir.isEmpty() ? cwd : dir.startsWith("/") ? dir : cwd + "/" + dir;
            Optional<Path> host = RootfsPath.resolve(rootfs, base + "/" + command);
            if (host.isPresent() && Files.isRegularFile(host.get()) && executable(host.get())) {
                return Optional.empty();
            }
        }
        return Optional.of(new StartFailure(StartFailure.Kind.NOT_FOUND,
                "exec: \"" + command + "\": executable file not found in $PATH"));
    }

    // Root may execute any file with at least one execute bit; we check for that bit.
    private static boolean executable(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.contains(PosixFilePermission.OWNER_EXECUTE)
                    || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (Exception e) {
            return false;
        }
    }
}
