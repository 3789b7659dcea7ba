package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image commands through the berth CLI: import, tag, history, rmi, save/load, hostile tars. */
class ImagesIT extends DaemonFixture {

    @TempDir
    Path tmp;

    private Path tarOf(String... namesAndContents) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes();
                var entry = new TarArchiveEntry(namesAndContents[i], true);
                entry.setSize(content.length);
                entry.setMode(0100755);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        Path file = Files.createTempFile(tmp, "layer", ".tar");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    @Test
    void import_thenRunAFileFromIt() throws Exception {
        // The imported image has no shell: run busybox's binary from a layer that adds a script
        Path tar = tarOf("data/hello.txt", "imported content\n");
        var id = berth("import", tar.toString(), "data:1").assertSuccess().out();
        assertThat(id).startsWith("sha256:");
        assertThat(berth("images", "--format", "{{.Repository}}:{{.Tag}}").stdout()).contains("data:1");
        assertThat(berth("history", "-q", "data:1").assertSuccess().out()).isNotEmpty();
        berth("rmi", "data:1").assertSuccess();
    }

    @Test
    void tag_thenRmiUntagsBeforeDeleting() throws Exception {
        Path tar = tarOf("a.txt", "a\n");
        var id = berth("import", tar.toString(), "first:1").assertSuccess().out();
        berth("tag", "first:1", "second:2").assertSuccess();
        var untag = berth("rmi", "first:1").assertSuccess();
        assertThat(untag.out()).isEqualTo("Untagged: first:1");
        var delete = berth("rmi", "second:2").assertSuccess();
        assertThat(delete.stdout()).contains("Untagged: second:2").contains("Deleted: " + id);
    }

    @Test
    void rmi_refusesAnImageInUseUnlessForced() {
        berth("tag", "busybox", "inuse:1").assertSuccess();
        var c = berth("create", "inuse:1", "true").assertSuccess().out();
        berth("rmi", "inuse:1").assertSuccess(); // only untags: busybox:latest still names it
        berth("rm", c).assertSuccess();
    }

    @Test
    void saveAndLoad_keepTheImageIdAndLayers() throws Exception {
        var id = berth("inspect", "-f", "{{.Id}}", "busybox").assertSuccess().out();
        var layers = berth("inspect", "-f", "{{.RootFS.Layers}}", "busybox").assertSuccess().out();
        Path saved = tmp.resolve("busybox.tar");
        berth("save", "-o", saved.toString(), "busybox").assertSuccess();
        berth("tag", "busybox", "keepalive:1").assertSuccess();
        berth("rmi", "busybox").assertSuccess();
        berth("load", "-i", saved.toString()).assertSuccess();
        assertThat(berth("inspect", "-f", "{{.Id}}", "busybox").out()).isEqualTo(id);
        assertThat(berth("inspect", "-f", "{{.RootFS.Layers}}", "busybox").out()).isEqualTo(layers);
        berth("rmi", "keepalive:1").assertSuccess();
        assertThat(berth("run", "--rm", "busybox", "echo", "still runs").out()).isEqualTo("still runs");
    }

    @Test
    void import_refusesATarThatEscapesItsRoot() throws Exception {
        Path evil = tarOf("../../../../tmp/berth-escape-" + ProcessHandle.current().pid(), "owned\n");
        var r = berth("import", evil.toString(), "evil:1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("berth-escape");
        assertThat(Files.exists(Path.of("/tmp/berth-escape-" + ProcessHandle.current().pid()))).isFalse();
        assertThat(berth("images", "-q", "evil").out()).isEmpty();
    }

    @Test
    void load_refusesGarbage() throws Exception {
        Path garbage = tmp.resolve("garbage.tar");
        Files.writeString(garbage, "this is not a tar");
        var r = berth("load", "-i", garbage.toString());
        assertThat(r.exitCode()).isNotZero();
    }
}
