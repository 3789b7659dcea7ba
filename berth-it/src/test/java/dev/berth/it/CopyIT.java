package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Commands;
import dev.berth.testkit.DockerCli;
import dev.berth.testkit.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cp both ways through the archive endpoints, on running and stopped containers; links stay inside. */
class CopyIT extends DaemonFixture {

    @TempDir
    Path tmp;

    @Test
    void cp_filesAndDirectoriesBothWays_runningAndStopped() throws Exception {
        berth("run", "-d", "--name", "cp1", "busybox", "sh", "-c",
                "mkdir -p /w/sub && echo inside > /w/sub/f && sleep 300").assertSuccess();
        dev.berth.testkit.Await.until("the file", java.time.Duration.ofSeconds(10),
                () -> berth("cp", "cp1:/w/sub/f", tmp.resolve("f").toString()).exitCode() == 0);
        assertThat(Files.readString(tmp.resolve("f"))).isEqualTo("inside\n");
        berth("cp", "cp1:/w", tmp.resolve("wcopy").toString()).assertSuccess();
        assertThat(Files.readString(tmp.resolve("wcopy/sub/f"))).isEqualTo("inside\n");

        Path dir = Files.createDirectories(tmp.resolve("up/dir"));
        Files.writeString(dir.resolve("a.txt"), "from host\n");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));
        berth("cp", dir.toString(), "cp1:/w/").assertSuccess();
        assertThat(berth("cp", "cp1:/w/dir/a.txt", "-").assertSuccess().stdout()).contains("from host");
        assertThat(berth("cp", "cp1:/w/dir/link", "-").assertSuccess().stdout()).contains("a.txt");

        berth("stop", "-t", "0", "cp1").assertSuccess();
        berth("cp", dir.resolve("a.txt").toString(), "cp1:/w/renamed.txt").assertSuccess();
        berth("cp", "cp1:/w/renamed.txt", tmp.resolve("back.txt").toString()).assertSuccess();
        assertThat(Files.readString(tmp.resolve("back.txt"))).isEqualTo("from host\n");
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).as("the stopped rootfs is unmounted again")
                .doesNotContain(daemon.execRoot().toString());
        berth("rm", "cp1").assertSuccess();
    }

    @Test
    void cp_throughLinksToRootOrParent_staysInsideTheContainer() throws Exception {
        berth("run", "-d", "--name", "cp2", "busybox", "sh", "-c",
                "mkdir -p /w && ln -s / /w/root && ln -s .. /w/up && sleep 300").assertSuccess();
        Path marker = Files.writeString(tmp.resolve("berth-cp-escape-" + ProcessHandle.current().pid()), "x\n");
        dev.berth.testkit.Await.until("the links", java.time.Duration.ofSeconds(10),
                () -> berth("cp", marker.toString(), "cp2:/w/root/").exitCode() == 0);
        berth("cp", marker.toString(), "cp2:/w/up/").assertSuccess();
        assertThat(Path.of("/", marker.getFileName().toString())).doesNotExist();
        assertThat(berth("cp", "cp2:/" + marker.getFileName(), "-").assertSuccess().stdout()).contains("x");
        // reading through the link reads the container's /etc, not the host's
        var passwd = berth("cp", "cp2:/w/root/etc/passwd", "-").assertSuccess().stdout();
        assertThat(passwd).isEqualTo(berth("cp", "cp2:/etc/passwd", "-").stdout());
        berth("rm", "-f", "cp2").assertSuccess();
    }

    @Test
    void cp_intoAVolume_isSeenByTheNextContainer() throws Exception {
        berth("create", "--name", "cp3", "-v", "cpvol:/data", "busybox", "true").assertSuccess();
        Path file = Files.writeString(tmp.resolve("v.txt"), "vol\n");
        berth("cp", file.toString(), "cp3:/data/").assertSuccess();
        berth("rm", "cp3").assertSuccess();
        assertThat(berth("run", "--rm", "-v", "cpvol:/data", "busybox", "cat", "/data/v.txt").assertSuccess().out())
                .isEqualTo("vol");
        berth("volume", "rm", "cpvol").assertSuccess();
    }

    @Test
    void dockerCli_cpBothWays() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DockerCli.isInstalled());
        docker("create", "--name", "dcp", "busybox", "true").assertSuccess();
        Path file = Files.writeString(tmp.resolve("d.txt"), "docker\n");
        docker("cp", file.toString(), "dcp:/tmp/").assertSuccess();
        docker("cp", "dcp:/tmp/d.txt", tmp.resolve("d2.txt").toString()).assertSuccess();
        assertThat(Files.readString(tmp.resolve("d2.txt"))).isEqualTo("docker\n");
        docker("rm", "dcp").assertSuccess();
    }

    @Test
    void cpIn_keepsTheTarsOwners_archiveGivesThemToTheContainersUser_andNeverSwapsDirAndFile() throws Exception {
        berth("run", "-d", "--name", "cp-own", "--user", "nobody", "busybox", "sleep", "300").assertSuccess();
        Path dir = Files.createDirectories(tmp.resolve("own/sub"));
        Files.writeString(dir.resolve("f"), "owned\n");
        Commands.run(List.of("chown", "-R", "1234:5678", tmp.resolve("own").toString()), Map.of(), null, 10).assertSuccess();
        berth("cp", tmp.resolve("own").toString(), "cp-own:/plain").assertSuccess();
        berth("cp", "-a", tmp.resolve("own").toString(), "cp-own:/arch").assertSuccess();
        assertThat(berth("exec", "cp-own", "stat", "-c", "%u:%g", "/plain/sub/f", "/arch", "/arch/sub/f")
                .assertSuccess().stdout()).isEqualTo("1234:5678\n65534:65534\n65534:65534\n");
        // copied out, the invoking user (root) owns it, as with docker cp
        berth("cp", "cp-own:/plain/sub/f", tmp.resolve("out-f").toString()).assertSuccess();
        assertThat(Files.getAttribute(tmp.resolve("out-f"), "unix:uid")).isEqualTo(0);

        // docker's CLI asks noOverwriteDirNonDir: /plain/sub is a directory, a file named sub may not replace it
        Path sub = Files.writeString(Files.createDirectories(tmp.resolve("flat")).resolve("sub"), "a file\n");
        var swap = berth("cp", sub.toString(), "cp-own:/plain/");
        assertThat(swap.exitCode()).isEqualTo(1);
        assertThat(swap.stderr()).contains("cannot overwrite directory \"/plain/sub\" with non-directory \"/plain\"");
        if (DockerCli.isInstalled()) {
            assertThat(docker("cp", sub.toString(), "cp-own:/plain/").stderr())
                    .contains("cannot overwrite directory \"/plain/sub\" with non-directory \"/plain\"");
        }
        assertThat(berth("cp", "cp-own:/plain/sub/f", "-").assertSuccess().stdout()).contains("owned");
        // the engine's /etc files are what the container sees there, not the image's placeholders
        String id = berth("inspect", "-f", "{{.Id}}", "cp-own").out();
        assertThat(berth("cp", "cp-own:/etc/hostname", "-").assertSuccess().stdout()).contains(id.substring(0, 12));
        berth("rm", "-f", "cp-own").assertSuccess();
    }

    @Test
    void cpL_followsASymlinkSourceBothWays_andTheSummaryIsDockersUnlessQuiet() throws Exception {
        berth("create", "--name", "cp-link", "busybox", "true").assertSuccess();
        Path data = Files.writeString(tmp.resolve("data.txt"), "linked\n");
        Path link = Files.createSymbolicLink(tmp.resolve("ln"), Path.of("data.txt"));
        berth("cp", "-L", link.toString(), "cp-link:/tmp/followed").assertSuccess();
        berth("cp", link.toString(), "cp-link:/tmp/").assertSuccess();      // the link itself
        berth("cp", data.toString(), "cp-link:/tmp/").assertSuccess();

        Path out = Files.createDirectories(tmp.resolve("out"));
        berth("cp", "cp-link:/tmp/followed", out.resolve("followed").toString()).assertSuccess();
        berth("cp", "-L", "cp-link:/tmp/ln", out.toString()).assertSuccess();   // the target's content, named ln
        berth("cp", "cp-link:/tmp/ln", out.resolve("kept").toString()).assertSuccess();
        assertThat(Files.readString(out.resolve("followed"))).isEqualTo("linked\n");
        assertThat(out.resolve("ln")).isRegularFile().hasContent("linked");
        assertThat(Files.readSymbolicLink(out.resolve("kept"))).isEqualTo(Path.of("data.txt"));

        // on a terminal: "Successfully copied <size> to <dest>" on stderr, as docker's CLI; -q: nothing
        String docker = DockerCli.isInstalled() ? "DOCKER_CONFIG=" + tmp.resolve("dc") + " " + DockerCli.PATH
                + " -H " + daemon.host() + " cp cp-link:/tmp/data.txt " + tmp.resolve("by-docker") + "; " : "";
        try (Tmux t = Tmux.start(200, 20, "cd " + tmp + "; " + berthCommand("cp", "cp-link:/tmp/data.txt", "by-berth")
                + "; " + docker + berthCommand("cp", "-q", "cp-link:/tmp/data.txt", "quiet") + "; echo END")) {
            t.await("^END$");
            String screen = t.screen();
            String size = screen.replaceAll("(?s).*Successfully copied (\\S+) to " + tmp.resolve("by-berth") + "\n.*", "$1");
            assertThat(size).matches("[0-9.]+kB");
            if (DockerCli.isInstalled()) {
                assertThat(screen).contains("Successfully copied " + size + " to " + tmp.resolve("by-docker"));
            }
            assertThat(screen).doesNotContain("to " + tmp.resolve("quiet"));
            assertThat(tmp.resolve("quiet")).hasContent("linked");
        }
        berth("rm", "cp-link").assertSuccess();
    }
}
