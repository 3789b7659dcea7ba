package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} and {@code export} on a real container, with the berth and docker CLIs. */
class DiffExportIT extends DaemonFixture {

    @TempDir
    Path tmp;

    @Test
    void diff_listsAddedChangedAndDeleted() {
        berth("run", "--name", "differ", "busybox", "sh", "-c",
                "echo extra >> /etc/passwd; mkdir -p /data; echo x > /data/new; rm /bin/ls").assertSuccess();
        var berthDiff = berth("diff", "differ").assertSuccess().stdout();
        assertThat(berthDiff.lines()).contains("C /etc", "C /etc/passwd", "A /data", "A /data/new", "C /bin", "D /bin/ls")
                .doesNotContain("A /etc/hosts", "A /etc/hostname");
        assertThat(docker("diff", "differ").assertSuccess().stdout()).isEqualTo(berthDiff);
        berth("rm", "differ").assertSuccess();
    }

    @Test
    void export_writesTheMergedFilesystem() throws Exception {
        berth("run", "--name", "exporter", "busybox", "sh", "-c", "echo payload > /exported.txt").assertSuccess();
        Path tar = tmp.resolve("fs.tar");
        berth("export", "-o", tar.toString(), "exporter").assertSuccess();
        var list = dev.berth.testkit.Commands.run(List.of("tar", "-tf", tar.toString()), Map.of(), null, 60);
        assertThat(list.stdout().lines()).contains("exported.txt", "bin/busybox");
        var content = dev.berth.testkit.Commands.run(List.of("tar", "-xOf", tar.toString(), "exported.txt"), Map.of(), null, 60);
        assertThat(content.stdout()).isEqualTo("payload\n");
        Path viaDocker = tmp.resolve("docker.tar");
        docker("export", "-o", viaDocker.toString(), "exporter").assertSuccess();
        assertThat(Files.size(viaDocker)).isEqualTo(Files.size(tar));
        berth("rm", "exporter").assertSuccess();
    }
}
