package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}, {@code export} and {@code commit} on a real container, with the berth and docker CLIs. */
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

    @Test
    void commit_makesAnImageOfTheChangesWithTheGivenConfig() {
        berth("run", "--name", "committer", "busybox", "sh", "-c", "echo hello from a commit > /greeting")
                .assertSuccess();
        String id = berth("commit", "-m", "add greeting", "-a", "Ann <ann@example.com>",
                "-c", "CMD [\"cat\", \"/greeting\"]", "-c", "ENV STAGE=committed", "committer", "committed:v1")
                .assertSuccess().stdout().strip();
        assertThat(id).startsWith("sha256:");
        assertThat(berth("run", "--rm", "committed:v1").assertSuccess().stdout()).isEqualTo("hello from a commit\n");
        assertThat(berth("run", "--rm", "committed:v1", "sh", "-c", "echo $STAGE").assertSuccess().stdout())
                .isEqualTo("committed\n");
        assertThat(berth("image", "inspect", "--format", "{{.Author}}|{{.Comment}}|{{len .RootFS.Layers}}",
                "committed:v1").assertSuccess().stdout().strip())
                .isEqualTo("Ann <ann@example.com>|add greeting|" + (layers("busybox") + 1));
        assertThat(berth("history", "committed:v1").assertSuccess().stdout().lines().skip(1).findFirst().orElseThrow())
                .contains("add greeting");
        berth("rm", "committer").assertSuccess();
    }

    @Test
    void commit_ofAnUnchangedContainerAddsNoLayer_andWorksFromTheDockerCli() {
        // the runtime's /etc/hosts, /etc/hostname and /etc/resolv.conf placeholders are not changes
        berth("run", "--name", "untouched", "busybox", "true").assertSuccess();
        docker("commit", "-c", "ENV A=from-docker", "untouched", "untouched-image").assertSuccess();
        assertThat(berth("image", "inspect", "--format", "{{len .RootFS.Layers}}", "untouched-image")
                .assertSuccess().stdout().strip()).isEqualTo(String.valueOf(layers("busybox")));
        assertThat(berth("run", "--rm", "untouched-image", "sh", "-c", "echo $A").assertSuccess().stdout())
                .isEqualTo("from-docker\n");
        assertThat(berth("commit", "ghost", "x").stderr()).contains("No such container: ghost");
        berth("create", "--name", "never-started", "busybox", "true").assertSuccess();
        berth("commit", "never-started", "never-started-image").assertSuccess();
        assertThat(berth("image", "inspect", "--format", "{{len .RootFS.Layers}}", "never-started-image")
                .assertSuccess().stdout().strip()).isEqualTo(String.valueOf(layers("busybox")));
        berth("rm", "never-started").assertSuccess();
        berth("rm", "untouched").assertSuccess();
    }

    private int layers(String image) {
        return Integer.parseInt(berth("image", "inspect", "--format", "{{len .RootFS.Layers}}", image)
                .assertSuccess().stdout().strip());
    }
}
