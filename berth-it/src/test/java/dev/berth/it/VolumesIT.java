package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Commands;
import dev.berth.testkit.DockerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named and anonymous volumes, binds, tmpfs and --volumes-from through the berth and docker CLIs. */
class VolumesIT extends DaemonFixture {

    @TempDir
    Path tmp;

    @Test
    void namedVolume_dataSurvivesRmAndIsSeenByTheNextContainer() {
        berth("run", "--name", "writer", "-v", "keep:/data", "busybox", "sh", "-c", "echo kept > /data/f").assertSuccess();
        berth("rm", "-v", "writer").assertSuccess();
        assertThat(berth("run", "--rm", "-v", "keep:/data", "busybox", "cat", "/data/f").assertSuccess().out())
                .isEqualTo("kept");
        assertThat(berth("volume", "ls", "-q").out()).contains("keep");
        berth("volume", "rm", "keep").assertSuccess();
    }

    @Test
    void volumeInUse_refusesRemovalUntilItsContainerIsGone() {
        berth("create", "--name", "holder", "-v", "busy:/data", "busybox", "true").assertSuccess();
        var refused = berth("volume", "rm", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("remove busy: volume is in use");
        assertThat(berth("volume", "ls", "-q", "--filter", "dangling=false").out()).contains("busy");
        berth("rm", "holder").assertSuccess();
        assertThat(berth("volume", "rm", "busy").assertSuccess().out()).isEqualTo("busy");
    }

    @Test
    void anonymousVolume_goesWithRmV_andStaysWithoutIt() {
        String id = berth("create", "-v", "/scratch", "busybox", "true").assertSuccess().out();
        String name = berth("inspect", "-f", "{{(index .Mounts 0).Name}}", id).assertSuccess().out();
        assertThat(name).matches("[0-9a-f]{64}");
        berth("rm", "-v", id).assertSuccess();
        assertThat(berth("volume", "ls", "-q").out()).doesNotContain(name);

        String kept = berth("create", "-v", "/scratch", "busybox", "true").assertSuccess().out();
        String keptName = berth("inspect", "-f", "{{(index .Mounts 0).Name}}", kept).assertSuccess().out();
        berth("rm", kept).assertSuccess();
        assertThat(berth("volume", "ls", "-q").out()).contains(keptName);
        assertThat(berth("volume", "prune", "-f").assertSuccess().stdout()).contains(keptName);
    }

    @Test
    void runRm_removesItsAnonymousVolumes() {
        String before = berth("volume", "ls", "-q").out();
        berth("run", "--rm", "-v", "/scratch", "busybox", "true").assertSuccess();
        assertThat(berth("volume", "ls", "-q").out()).isEqualTo(before);
    }

    @Test
    void emptyVolume_isFilledWithTheImagesFiles_unlessNocopy() {
        assertThat(berth("run", "--rm", "-v", "etccopy:/etc", "busybox", "cat", "/etc/group").assertSuccess().out())
                .contains("root:x:0:");
        assertThat(berth("run", "--rm", "-v", "etcnocopy:/etc:nocopy", "busybox", "ls", "/etc").out())
                .doesNotContain("group");
        berth("volume", "rm", "etccopy", "etcnocopy").assertSuccess();
    }

    @Test
    void copyUp_happensOnceAtCreate_aVolumeEmptiedLaterStaysEmpty() {
        berth("create", "--name", "cu-once", "-v", "cuonce:/var", "busybox", "ls", "/var").assertSuccess();
        // filled at create, before any start (moby's populateVolumes)
        assertThat(berth("run", "--rm", "-v", "cuonce:/x:nocopy", "busybox", "ls", "/x").assertSuccess().out())
                .isEqualTo("spool\nwww");
        berth("run", "--rm", "-v", "cuonce:/x:nocopy", "busybox", "sh", "-c", "rm -rf /x/*").assertSuccess();
        assertThat(berth("start", "-a", "cu-once").assertSuccess().out()).isEmpty();
        assertThat(berth("start", "-a", "cu-once").assertSuccess().out()).isEmpty();
        berth("rm", "cu-once").assertSuccess();
        berth("volume", "rm", "cuonce").assertSuccess();
    }

    @Test
    void bindPropagation_rsharedSeesHostMountsMadeLater_rprivateDoesNot() throws Exception {
        Path shared = Files.createTempDirectory("berth-it-prop");
        Path sub = shared.resolve("sub");
        run("mount", "-t", "tmpfs", "tmpfs", shared.toString());
        try {
            run("mount", "--make-shared", shared.toString());
            Files.createDirectory(sub);
            berth("run", "-d", "--name", "prop", "--mount", "type=bind,src=" + shared + ",dst=/s,bind-propagation=rshared",
                    "-v", shared + ":/p", "busybox", "sleep", "300").assertSuccess();
            assertThat(berth("inspect", "-f", "{{range .Mounts}}{{.Destination}}={{.Propagation}} {{end}}", "prop").out())
                    .contains("/s=rshared").contains("/p=rprivate");
            run("mount", "-t", "tmpfs", "tmpfs", sub.toString());
            Files.writeString(sub.resolve("f"), "later\n");
            assertThat(berth("exec", "prop", "cat", "/s/sub/f").assertSuccess().out()).isEqualTo("later");
            assertThat(berth("exec", "prop", "ls", "/p/sub").assertSuccess().out()).isEmpty();
            // a shared bind of a private mount cannot work: refused at start, with moby's words
            run("mount", "--make-private", sub.toString());
            var refused = berth("run", "--rm", "-v", sub + ":/x:rshared", "busybox", "true");
            assertThat(refused.exitCode()).isEqualTo(125);
            assertThat(refused.stderr()).contains("path " + sub + " is mounted on " + sub + " but it is not a shared mount");
        } finally {
            berth("rm", "-f", "prop");
            Commands.run(List.of("umount", "-l", sub.toString()), Map.of(), null, 10);
            Commands.run(List.of("umount", "-l", shared.toString()), Map.of(), null, 10);
            Files.deleteIfExists(shared);
        }
    }

    private static void run(String... command) {
        Commands.run(List.of(command), Map.of(), null, 10).assertSuccess();
    }

    @Test
    void readOnlyBind_refusesWrites_andReadOnlyRootKeepsVolumesWritable() throws Exception {
        Files.writeString(tmp.resolve("in.txt"), "host\n");
        var ro = berth("run", "--rm", "-v", tmp + ":/h:ro", "busybox", "sh", "-c", "cat /h/in.txt; echo x > /h/new");
        assertThat(ro.exitCode()).isNotZero();
        assertThat(ro.stdout()).isEqualTo("host\n");
        assertThat(ro.stderr()).contains("Read-only file system");
        assertThat(tmp.resolve("new")).doesNotExist();

        var rootRo = berth("run", "--rm", "--read-only", "-v", "rw1:/data", "busybox", "sh", "-c",
                "echo ok > /data/f && cat /data/f; echo x > /etc/x");
        assertThat(rootRo.stdout()).isEqualTo("ok\n");
        assertThat(rootRo.stderr()).contains("Read-only file system");
        berth("volume", "rm", "rw1").assertSuccess();
    }

    @Test
    void tmpfs_isEmptyAtEachStartAndSized() {
        berth("create", "--name", "tmpfsed", "--tmpfs", "/t:size=2m", "busybox", "sh", "-c",
                "ls /t; touch /t/left; df -k /t | tail -1").assertSuccess();
        var first = berth("start", "-a", "tmpfsed");
        var second = berth("start", "-a", "tmpfsed");
        for (var r : java.util.List.of(first, second)) {
            assertThat(r.stdout()).doesNotContain("left").contains("2048");
        }
        assertThat(berth("inspect", "-f", "{{len .Mounts}}", "tmpfsed").out()).isEqualTo("0");
        assertThat(berth("run", "--rm", "--mount", "type=tmpfs,dst=/m,tmpfs-size=1m", "busybox", "df", "-k", "/m")
                .assertSuccess().stdout()).contains("1024");
        berth("rm", "tmpfsed").assertSuccess();
    }

    @Test
    void volumesFrom_sharesTheOtherContainersMounts() {
        berth("create", "--name", "source", "-v", "shared:/shared", "busybox", "true").assertSuccess();
        berth("run", "--rm", "--volumes-from", "source", "busybox", "sh", "-c", "echo via > /shared/f").assertSuccess();
        assertThat(berth("run", "--rm", "--volumes-from", "source:ro", "busybox", "sh", "-c",
                "cat /shared/f; echo x > /shared/g").stdout()).isEqualTo("via\n");
        berth("rm", "source").assertSuccess();
        berth("volume", "rm", "shared").assertSuccess();
    }

    @Test
    void mountFlag_bindRefusesAMissingSource_volumeIsCreated() {
        var missing = berth("run", "--rm", "--mount", "type=bind,src=" + tmp.resolve("nope") + ",dst=/x", "busybox", "true");
        assertThat(missing.exitCode()).isEqualTo(125);
        assertThat(missing.stderr()).contains("bind source path does not exist");
        berth("run", "--rm", "--mount", "type=volume,src=mnt1,dst=/x", "busybox", "touch", "/x/f").assertSuccess();
        assertThat(berth("volume", "inspect", "-f", "{{.Driver}} {{.Name}}", "mnt1").out()).isEqualTo("local mnt1");
        berth("volume", "rm", "mnt1").assertSuccess();
    }

    @Test
    void volumeCommands_labelsFiltersAndInspect() {
        assertThat(berth("volume", "create", "--label", "team=a", "lab1").assertSuccess().out()).isEqualTo("lab1");
        berth("volume", "create", "lab2").assertSuccess();
        assertThat(berth("volume", "ls", "-q", "--filter", "label=team=a").out()).isEqualTo("lab1");
        assertThat(berth("volume", "ls", "--filter", "name=lab").stdout())
                .startsWith("DRIVER    VOLUME NAME\n").contains("local     lab1\n").contains("local     lab2\n");
        assertThat(berth("volume", "inspect", "lab1").assertSuccess().stdout()).contains("\"team\": \"a\"")
                .contains("\"Mountpoint\": \"" + daemon.dataRoot().resolve("volumes/lab1/_data") + "\"");
        assertThat(berth("volume", "inspect", "nope").stderr()).contains("get nope: no such volume");
        assertThat(berth("volume", "prune", "-a", "-f", "--filter", "label=team=a").stdout()).contains("lab1");
        berth("volume", "rm", "lab2").assertSuccess();
    }

    @Test
    void dockerCli_volumesAndMounts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(DockerCli.isInstalled());
        assertThat(docker("volume", "create", "dvol").assertSuccess().out()).isEqualTo("dvol");
        docker("run", "--rm", "-v", "dvol:/d", "busybox", "sh", "-c", "echo d > /d/f").assertSuccess();
        assertThat(docker("run", "--rm", "--mount", "source=dvol,target=/d,readonly", "busybox", "cat", "/d/f")
                .assertSuccess().out()).isEqualTo("d");
        String id = docker("create", "-v", "/anon", "-v", "dvol:/d", "busybox", "true").assertSuccess().out();
        assertThat(docker("inspect", "-f", "{{range .Mounts}}{{.Type}}:{{.Destination}}:{{.RW}} {{end}}", id).out())
                .contains("volume:/anon:true").contains("volume:/d:true");
        assertThat(docker("volume", "rm", "dvol").stderr()).contains("volume is in use");
        docker("rm", "-v", id).assertSuccess();
        assertThat(docker("volume", "ls", "--format", "{{.Name}}").out()).isEqualTo("dvol");
        docker("volume", "rm", "dvol").assertSuccess();
    }
}
