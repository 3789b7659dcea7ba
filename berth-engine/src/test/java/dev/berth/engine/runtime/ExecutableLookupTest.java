package dev.berth.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableLookupTest {

    @TempDir
    Path root;

    final List<String> env = List.of("PATH=/usr/local/bin:/bin");

    @BeforeEach
    void rootfs() throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("bin/busybox"), "");
        Files.setPosixFilePermissions(root.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
        Files.writeString(root.resolve("bin/data"), "");
        Files.writeString(root.resolve("app/run.sh"), "");
        Files.setPosixFilePermissions(root.resolve("app/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    }

    @Test
    void check_runnableCommands() {
        assertThat(ExecutableLookup.check(root, "sh", env, "/")).isEmpty();
        assertThat(ExecutableLookup.check(root, "/bin/sh", env, "/")).isEmpty();
        assertThat(ExecutableLookup.check(root, "./run.sh", env, "/app")).isEmpty();
    }

    @Test
    void check_missingCommandIsNotFoundWithDockersMessage() {
        assertThat(ExecutableLookup.check(root, "nope", env, "/")).contains(new StartFailure(
                StartFailure.Kind.NOT_FOUND, "exec: \"nope\": executable file not found in $PATH"));
        // A file without execute bits in PATH does not count as found.
        assertThat(ExecutableLookup.check(root, "data", env, "/").map(StartFailure::kind))
                .contains(StartFailure.Kind.NOT_FOUND);
        assertThat(ExecutableLookup.check(root, "/nope", env, "/").map(StartFailure::message))
                .contains("exec: \"/nope\": stat /nope: no such file or directory");
    }

    @Test
    void check_notExecutableOrDirectoryIsPermissionDenied() {
        assertThat(ExecutableLookup.check(root, "/bin/data", env, "/")).contains(new StartFailure(
                StartFailure.Kind.NOT_EXECUTABLE, "exec: \"/bin/data\": permission denied"));
        assertThat(ExecutableLookup.check(root, "/bin", env, "/").map(StartFailure::message))
                .contains("exec: \"/bin\": is a directory: permission denied");
    }

    @Test
    void check_withoutPathUsesDockersDefault() {
        assertThat(ExecutableLookup.check(root, "sh", List.of(), "/")).isEmpty();
        assertThat(ExecutableLookup.check(root, "sh", List.of("PATH=/usr/bin"), "/"))
                .map(StartFailure::kind).isEqualTo(Optional.of(StartFailure.Kind.NOT_FOUND));
    }
}
