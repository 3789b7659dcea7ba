package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.posix.FileSyscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerChangesTest {

    @TempDir
    Path tmp;

    @Test
    void upperLayer_becomesAddedChangedAndDeletedEntries() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Files.createDirectories(lower.resolve("etc"));
        Files.writeString(lower.resolve("etc/passwd"), "root\n");
        Files.createDirectories(lower.resolve("bin"));
        Files.writeString(lower.resolve("bin/gone"), "x");
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectories(upper.resolve("etc"));
        Files.writeString(upper.resolve("etc/passwd"), "root\nuser\n");
        Files.createFile(upper.resolve("etc/hosts")); // the runtime's empty mount point: not a change
        Files.createDirectories(upper.resolve("bin"));
        FileSyscalls.mknod(upper.resolve("bin/gone"), FileSyscalls.S_IFCHR, 0); // overlay whiteout
        Files.createDirectories(upper.resolve("new/dir"));
        Files.writeString(upper.resolve("new/dir/file"), "n");

        var changes = ContainerChanges.of(upper, List.of(lower)).stream()
                .map(c -> c.kind().letter() + " " + c.path()).toList();
        assertThat(changes).containsExactly("C /bin", "D /bin/gone", "C /etc", "C /etc/passwd",
                "A /new", "A /new/dir", "A /new/dir/file");
    }

    @Test
    void anEmptyUpperLayer_hasNoChanges() throws Exception {
        assertThat(ContainerChanges.of(Files.createDirectories(tmp.resolve("u")), List.of())).isEmpty();
    }
}
